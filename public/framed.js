// The portal's side of embedding (public/embed.js is the regency page's side). The boot script
// loads this only when the portal runs in a frame. With `embed_origins` in config.json it tells the
// page that frames it which page it shows and how tall that page is (on every change: a navigation, an
// answer arriving, a language switch) and follows that page's deep links; it posts only to those origins
// and takes deep links only from them. Without `embed_origins` it does nothing. Plain JS, not wasm: no
// byte of it is downloaded outside a frame.
//
// A report is `{ type: 'ppid:height', doc, page, height, drawn }`: `doc` this document's own number (a
// new one is a page load), `page` the path (a new one is a navigation; a changed query, typing in the
// search box, is none), `height` the height of what is shown, and `drawn` whether that is the page itself:
// the app's page with its heading (or the "cannot load" box) and no loading line (`.loading[role=status]`,
// the "Memuat…" of a page or of its answer still coming). A page still loading, also another bundle's
// page loading in the frame or the prerendered catalogue before the app's, only ever makes the frame
// taller (embed.js): the frame keeps the last page's height until the next page has drawn its own. The
// first report goes out as soon as config.json is read, so the page that frames the portal knows the
// portal is there.
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
  // After a navigation the app moves focus to the new page's heading (screen readers announce it), and
  // the browser would scroll the host page to centre it: far below the new page's top under a tall
  // header. embed.js shows the new page's top instead, so here that focus does not scroll.
  const focus = HTMLElement.prototype.focus;
  HTMLElement.prototype.focus = function (options) {
    return focus.call(this, this.matches('main h1') ? { ...options, preventScroll: true } : options);
  };
  // The portal's root: `/`, or its sub-path (`/ppid/`).
  const home = new URL(globalThis.ppidRoot || location.origin + '/');
  const doc = Math.random();
  let sent = '';
  let timer = 0;
  const report = (again) => {
    timer = 0;
    const page = location.pathname;
    const height = html.offsetHeight;
    const drawn = !!document.querySelector('main h1') && !document.querySelector('main .loading[role="status"], #boot[data-prerendered]');
    if (!again && `${page} ${height} ${drawn}` === sent) return;
    sent = `${page} ${height} ${drawn}`;
    // One message per allowed origin: the browser delivers only the one whose origin the frame's page has.
    for (const o of origins) parent.postMessage({ type: 'ppid:height', doc, page, height, drawn }, o);
  };
  addEventListener('message', (e) => {
    const d = e.data;
    if (e.source !== parent || !origins.includes(e.origin) || !d) return;
    // embed.js asks once the frame has loaded whether the portal is there (it may have missed the first report).
    if (d.type === 'ppid:ping') return report(true);
    if (d.type !== 'ppid:navigate') return;
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
  // Once the task that changed the page is done: what one task changes makes one report.
  const later = () => (timer ||= setTimeout(report, 0, false));
  new ResizeObserver(later).observe(html);
  new MutationObserver(later).observe(document.body, { childList: true, subtree: true });
  addEventListener('popstate', later);
  report();
})();
