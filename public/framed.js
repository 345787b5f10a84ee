// The portal's side of embedding (issue 7; public/embed.js is the regency page's side). The boot script
// loads this only when the portal runs in a frame. With `embed_origins` in config.json it tells the
// page that frames it how tall the portal's page is (on every change: a navigation, an answer arriving,
// a language switch) and follows that page's deep links; it posts only to those origins and takes deep
// links only from them. Without `embed_origins` it does nothing. Plain JS, not wasm: no byte of it is
// downloaded outside a frame.
(async () => {
  let origins;
  try {
    const config = await (await fetch(new URL('config.json', globalThis.ppidRoot || location.href))).json();
    origins = config.embed_origins.map((o) => o.trim().replace(/\/$/, '')).filter((o) => /^https?:\/\/[^/]+$/.test(o));
  } catch {
    return;
  }
  if (!origins.length) return;
  const html = document.documentElement;
  // `main`'s min-height is a share of the viewport, which here is the frame whose height this sets.
  html.classList.add('ppid-embedded');
  addEventListener('message', (e) => {
    const d = e.data;
    const path = d && d.type === 'ppid:navigate' && d.path;
    // A page of the portal: absolute, not protocol-relative, no scheme, no backslash, space or control character.
    if (e.source !== parent || !origins.includes(e.origin) || typeof path !== 'string' || path.length > 500 || !/^\/(?!\/)[^\\\s\u0000-\u001f]*$/.test(path)) return;
    // The router follows history like Back and Forward (and loads another bundle's page for real).
    // `path` is the portal's own (`/informasi`); under a sub-path the page's URL has the base first.
    history.pushState(null, '', new URL(path.slice(1), globalThis.ppidRoot || location.origin + '/'));
    dispatchEvent(new PopStateEvent('popstate'));
  });
  // One message per allowed origin: the browser delivers only the one whose origin the frame's page has.
  new ResizeObserver(() => {
    for (const o of origins) parent.postMessage({ type: 'ppid:height', height: html.offsetHeight }, o);
  }).observe(html);
})();
