// Starts the portal: the bundle whose routes hold this page's path (bundles.json), the main bundle
// otherwise (`app::Bundle`). A template: scripts/post-build.mjs fills in the `ppid:` lines and writes
// dist/boot-<hash>.js, which index.html loads as a module: a strict CSP runs no inline script.
// Loaded from the portal's root, under a sub-path too: every file is found from this module's own URL.

// Easy mode (components::access), before anything is drawn.
try { if (localStorage.getItem('ppid.easy') === '1') document.documentElement.setAttribute('data-easy', ''); } catch {}
const root = new URL('.', import.meta.url);
globalThis.ppidRoot = root.href;
const at = (file) => new URL(file, root).href;
/** This page's path relative to the portal's root (`''` for the home page). */
const here = location.pathname.startsWith(root.pathname) ? location.pathname.slice(root.pathname.length) : null;
/** The citizen's language as the app reads it (`ppid.lang`, a JSON string): Indonesian unless English. */
let lang = 'id';
try { if (JSON.parse(localStorage.getItem('ppid.lang')) === 'en') lang = 'en'; } catch {}
// The prerendered home or catalogue frame (the module index.html's boot shell names, written by
// scripts/post-build.mjs) on its own path at the root, in Indonesian only; every other page keeps the
// loading line and never downloads it. Shown, and painted, before the bundle's download starts: on a slow
// line the two would share it, and the small file would arrive with the large one. One that does not come
// within a second (with the serta-merta alerts it waits for briefly) holds nothing back.
{
  const boot = document.getElementById('boot');
  const page = new Map([['', 'home'], ['informasi', 'catalogue']]).get(here);
  if (boot?.dataset.prerender && page && lang === 'id') {
    const shown = import(at(boot.dataset.prerender))
      .then((module) => module.show(boot, page))
      .then((shown) => shown && new Promise((painted) => requestAnimationFrame(() => requestAnimationFrame(() => setTimeout(painted)))))
      .catch(() => {});
    await Promise.race([shown, new Promise((late) => setTimeout(late, 1000))]);
  }
}
/** [route, bundle]: a path at or under the route (relative to the root) loads the bundle; longest route first. */
const ROUTES = []; // ppid:routes
/** The main bundle's glue and wasm, which Trunk names with a hash. */
const MAIN_JS = ''; // ppid:main-js
const MAIN_WASM = ''; // ppid:main-wasm
/**
 * { language tag: [message, link home, retry, loading] } from src/i18n: the first three shown when this
 * page's bundle cannot load, the last on the boot shell's loading line.
 */
const SAY = { id: ['', '', '', ''], en: ['', '', '', ''] }; // ppid:offline

// The boot shell stays until the app draws its page in its place (src/app.rs): its loading line speaks
// the citizen's language meanwhile.
if (lang !== 'id') {
  const line = document.querySelector('#boot .loading');
  if (line) line.textContent = SAY[lang][3];
  document.documentElement.lang = lang;
}

// In a frame (a regency page embedding the portal): the portal's side of embedding.
if (parent !== window) document.head.append(Object.assign(document.createElement('script'), { src: at('framed.js') }));
const bundle = here === null ? undefined : ROUTES.find(([route]) => `${here}/`.startsWith(`${route}/`))?.[1];
// The service worker keeps this page's bundle once it is up (src/offline/sw.rs): it asks by this name.
globalThis.ppidBundle = bundle ?? MAIN_JS.replace(/-[0-9a-f]+\.js$/, '');
let wasm;
try {
  if (bundle) {
    // Another bundle is a classic script (the only way Trunk builds more than one wasm): its wasm
    // downloads while its glue loads.
    const module = fetch(at(`${bundle}_bg.wasm`));
    module.catch(() => {}); // a failed download is reported by wasm_bindgen below, or the glue failed first
    await new Promise((resolve, reject) => {
      const script = document.createElement('script');
      script.src = at(`${bundle}.js`);
      script.onload = resolve;
      script.onerror = reject;
      document.head.append(script);
    });
    wasm = await wasm_bindgen({ module_or_path: module });
  } else {
    const module = fetch(at(MAIN_WASM));
    module.catch(() => {});
    const glue = await import(at(MAIN_JS));
    wasm = await glue.default({ module_or_path: module });
  }
} catch {
  cannotLoad();
}

/**
 * The bundle did not arrive (offline, and the service worker had not kept it yet): say so in the
 * citizen's language instead of leaving "Memuat…" for ever, with a way home (always kept) and a retry.
 */
function cannotLoad() {
  const [message, home, retry] = SAY[lang];
  const el = (tag, props, ...children) => {
    const e = Object.assign(document.createElement(tag), props);
    e.append(...children);
    return e;
  };
  const button = el('button', { type: 'button', className: 'button', onclick: () => location.reload() }, retry);
  const box = el('div', { role: 'alert' }, el('h1', {}, message), el('p', {}, el('a', { href: root.href }, home), ' ', button));
  document.documentElement.lang = lang;
  const main = document.querySelector('#boot main') ?? document.body;
  main.replaceChildren(box);
}
if (wasm) dispatchEvent(new CustomEvent('TrunkApplicationStarted', { detail: { wasm } }));
