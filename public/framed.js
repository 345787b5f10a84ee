// The portal's side of embedding (public/embed.js is the regency page's side). The boot script
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
  // The portal's root: `/`, or its sub-path (`/ppid/`).
  const home = new URL(globalThis.ppidRoot || location.origin + '/');
  addEventListener('message', (e) => {
    const d = e.data;
    if (e.source !== parent || !origins.includes(e.origin) || !d || d.type !== 'ppid:navigate') return;
    // `path` is the portal's own (`/informasi`); under a sub-path the page's URL has the base first.
    // Only a page of the portal: absolute, not protocol-relative (`//host`), no scheme, no backslash,
    // space or control character, and still under the root once resolved (no `..` out of a sub-path).
    // Anything else opens the home page.
    const path = d.path;
    let url = home;
    if (typeof path === 'string' && path.length <= 500 && /^\/(?!\/)[^\\\s\u0000-\u001f\u007f]*$/.test(path)) {
      const to = new URL(`.${path}`, home);
      if (to.origin === home.origin && to.pathname.startsWith(home.pathname)) url = to;
    }
    // The router follows history like Back and Forward (and loads another bundle's page for real).
    history.pushState(null, '', url);
    dispatchEvent(new PopStateEvent('popstate'));
  });
  // One message per allowed origin: the browser delivers only the one whose origin the frame's page has.
  new ResizeObserver(() => {
    for (const o of origins) parent.postMessage({ type: 'ppid:height', height: html.offsetHeight }, o);
  }).observe(html);
})();
