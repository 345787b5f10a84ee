// The PPID portal inside a regency's page. The web team pastes
//   <a class="ppid-embed" href="https://ppid.kab.go.id/informasi" data-ppid-path="/informasi">Portal PPID …</a>
//   <script src="https://ppid.kab.go.id/embed.js" async></script>
// Without scripts the link stays (a plain link to the portal). With them each such link becomes a
// lazily loaded frame of the portal, titled with the link's words, as tall as the page inside it.
// Links with `data-ppid-open="/informasi/<id>"` (or `PPID.open(path)`) open that page in the frame.
// Messages are taken only from the portal's origin and its frames; deep links are sent only to the portal's origin.
// The frame keeps the last page's height until the next page has drawn its own (a page still loading, also
// another bundle's page loading in the frame, only makes it taller). After a navigation in the frame the host page
// scrolls only if the frame's top is above the screen, to just that top. A frame that has loaded but has
// not heard from the portal within WAIT ms (refused by frame-ancestors, offline, a wrong origin, the host
// missing from `embed_origins`) becomes the link it replaced again.
(() => {
  const me = document.currentScript;
  if (!me || window.PPID) return;
  // The portal's root: where embed.js is, also under a sub-path (https://kab.go.id/ppid/embed.js).
  const root = new URL('.', me.src);
  const portal = root.origin;
  const at = (path) => root.href + path.slice(1);
  const frames = [];
  const WAIT = 8000;
  // A page of the portal: absolute, not protocol-relative, no scheme, no backslash, space or control character.
  const isPath = (p) => typeof p === 'string' && p.length <= 500 && /^\/(?!\/)[^\\\s\u0000-\u001f]*$/.test(p);
  const embed = (link) => {
    let path = link.getAttribute('data-ppid-path');
    if (!isPath(path)) {
      const u = new URL(link.href, location.href);
      path = u.origin === portal && u.pathname.startsWith(root.pathname) ? '/' + u.pathname.slice(root.pathname.length) + u.search : '/';
    }
    const frame = document.createElement('iframe');
    frame.src = at(path);
    frame.title = link.textContent.trim() || 'Portal PPID';
    frame.loading = 'lazy';
    frame.className = 'ppid-embed-frame';
    Object.assign(frame.style, { display: 'block', width: '100%', height: '800px', border: '0' });
    frame.addEventListener('load', () => {
      // A new document: deep links wait for its first report. If the portal is there, it has read
      // config.json and answers (the message may have come before this event). The ping says nothing, so
      // it may go to any origin: a frame showing a browser's error page (origin `null`) is no portal.
      frame.ppidReady = false;
      frame.contentWindow.postMessage({ type: 'ppid:ping' }, '*');
      clearTimeout(frame.ppidWait);
      frame.ppidWait = setTimeout(() => frame.ppidReady || frame.replaceWith(link), WAIT);
    });
    link.replaceWith(frame);
    frames.push(frame);
  };
  const open = (path, frame = frames[0]) => {
    // A frame given back as the link: the host's link (its href) opens the page instead.
    if (!isPath(path) || !frame?.isConnected) return false;
    // Before the portal has said it is listening (its first height), loading the page is the sure way.
    if (frame.ppidReady) frame.contentWindow.postMessage({ type: 'ppid:navigate', path }, portal);
    else frame.src = at(path);
    // The new page's top, the frame's, on the screen: unless it is in the upper half of it already.
    const top = frame.getBoundingClientRect().top;
    if (top < 0 || top > innerHeight / 2) frame.scrollIntoView({ block: 'start' });
    return true;
  };
  addEventListener('message', (e) => {
    if (e.origin !== portal) return;
    const frame = frames.find((f) => f.contentWindow === e.source);
    const d = e.data;
    if (!frame || !d || d.type !== 'ppid:height') return;
    frame.ppidReady = true;
    // A page not drawn yet (loading, another bundle's page starting) only makes the frame taller, so that
    // nothing shown is cut off: the frame keeps the last page's height until the next page has its own.
    const h = Math.min(Math.max(Math.round(Number(d.height)), 150), 50000);
    if (h > 0 && (d.drawn === true || h > frame.offsetHeight)) frame.style.height = h + 'px';
    // Another page (a page load, or a route change in the app), not the first one: its top, the frame's
    // top, is shown. A frame whose top is in view already leaves the host page where it is.
    const page = `${d.doc} ${d.page}`;
    if (frame.ppidPage && page !== frame.ppidPage && frame.getBoundingClientRect().top < 0) frame.scrollIntoView({ block: 'start' });
    frame.ppidPage = page;
  });
  document.addEventListener('click', (e) => {
    const a = e.target instanceof Element && e.target.closest('[data-ppid-open]');
    if (a && !e.defaultPrevented && e.button === 0 && !e.ctrlKey && !e.metaKey && !e.shiftKey && !e.altKey && open(a.getAttribute('data-ppid-open'))) e.preventDefault();
  });
  const start = () => document.querySelectorAll('a.ppid-embed').forEach(embed);
  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', start);
  else start();
  window.PPID = { open };
})();
