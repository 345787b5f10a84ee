// The PPID portal inside a regency's page. The web team pastes
//   <a class="ppid-embed" href="https://ppid.kab.go.id/informasi" data-ppid-path="/informasi">Portal PPID …</a>
//   <script src="https://ppid.kab.go.id/embed.js" async></script>
// Without scripts the link stays (a plain link to the portal). With them each such link becomes a
// lazily loaded frame of the portal, titled with the link's words, as tall as the page inside it.
// Links with `data-ppid-open="/informasi/<id>"` (or `PPID.open(path)`) open that page in the frame.
// Messages are taken only from the portal's origin and its frames; sent only to the portal's origin.
(() => {
  const me = document.currentScript;
  if (!me || window.PPID) return;
  // The portal's root: where embed.js is, also under a sub-path (https://kab.go.id/ppid/embed.js).
  const root = new URL('.', me.src);
  const portal = root.origin;
  const at = (path) => root.href + path.slice(1);
  const frames = [];
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
    link.replaceWith(frame);
    frames.push(frame);
  };
  const open = (path, frame = frames[0]) => {
    if (!isPath(path) || !frame) return false;
    // Before the portal has said it is listening (its first height), loading the page is the sure way.
    if (frame.ppidReady) frame.contentWindow.postMessage({ type: 'ppid:navigate', path }, portal);
    else frame.src = at(path);
    frame.scrollIntoView({ block: 'start' });
    return true;
  };
  addEventListener('message', (e) => {
    if (e.origin !== portal) return;
    const frame = frames.find((f) => f.contentWindow === e.source);
    const d = e.data;
    if (!frame || !d || d.type !== 'ppid:height') return;
    const h = Math.round(Number(d.height));
    if (!(h > 0)) return;
    frame.ppidReady = true;
    frame.style.height = Math.min(Math.max(h, 150), 50000) + 'px';
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
