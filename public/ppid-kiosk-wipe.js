// A kiosk's wipe: nothing of one citizen is left for the next. Every page in kiosk mode loads this
// plain script as soon as config.json is read (src/kiosk/mod.rs), apart from the kiosk bar's
// wasm (ppid-kiosk.js), so that a kiosk never goes without a wipe:
//
// - `globalThis.ppidKioskWipe()`: what the bar calls at the end of its idle warning and on "Mulai baru".
// - Should the bar not be built 10 s after its place appeared (its wasm failed to load or to start),
//   this script runs the idle timer itself: `data-idle` + `data-warning` seconds of `#kiosk-bar`
//   without a touch (no warning dialog then), and wipes.
//
// A wipe deletes browser storage (localStorage, sessionStorage: the demo backend's records among
// them, which hold what citizens sent on a training kiosk), every IndexedDB database of the origin
// (the outbox, named here too for browsers that cannot list them; src/offline/device.rs lists all
// the portal keeps), and the service worker's saved answers to a citizen's own query (a catalogue search or its filters,
// in any cache but the build's files). config.json and the backend's public answers stay, so the kiosk
// still works offline. Then it cuts the tab's history, so that Back reaches none of the citizen's
// pages, and empties memory, over two page loads (sessionStorage `ppid.kiosk.wipe` says how far it
// got): back to the tab's first page of the portal ('1'), which replaces itself with a fresh home page
// ('2'), which adds one history entry: a new entry drops every entry after it.
(() => {
  'use strict';

  const STEP = 'ppid.kiosk.wipe';
  /** The portal's home page: this script sits at the portal's root. */
  const HOME = new URL('./', document.currentScript.src).href;

  // The counter's touch layout (larger text and targets, the bar, its dialogs): only a kiosk needs it.
  if (!document.getElementById('ppid-kiosk-css')) {
    const css = document.createElement('link');
    css.id = 'ppid-kiosk-css';
    css.rel = 'stylesheet';
    css.href = `${HOME}ppid-kiosk.css`;
    document.head.append(css);
  }
  const ACTIVITY = ['pointerdown', 'keydown', 'touchstart', 'input', 'scroll', 'wheel'];
  /** How long the bar may stay unbuilt before this script keeps the time itself (ms). */
  const BAR_GRACE = 10_000;
  /** The longest a wipe waits for the browser to delete (ms): a wipe always ends. */
  const DELETE_WAIT = 5_000;

  /** Whether this page is being wiped, or replaced by a wipe's fresh home page. */
  let wiping = false;

  const hide = () => document.documentElement.classList.add('kiosk-wiping');

  function clearStorage() {
    for (const store of ['localStorage', 'sessionStorage']) {
      try {
        globalThis[store].clear();
      } catch {
        // no storage (blocked): nothing kept there either
      }
    }
  }

  /** Done when deleted, failed, or blocked by a connection still open (deleted once that closes). */
  const deleteDatabase = (name) =>
    new Promise((done) => {
      const request = indexedDB.deleteDatabase(name);
      request.onsuccess = request.onerror = request.onblocked = done;
    });

  async function deleteDatabases() {
    if (typeof indexedDB === 'undefined') return;
    const listed = indexedDB.databases ? await indexedDB.databases() : [];
    for (const name of new Set(['ppid-outbox', ...listed.map((d) => d.name)])) await deleteDatabase(name);
  }

  /** A URL asked with anything but paging: a citizen's own words or choices. */
  const ownQuery = (url) => [...new URL(url).searchParams.keys()].some((k) => k !== 'page' && k !== 'per_page');

  async function forgetQueries() {
    if (typeof caches === 'undefined') return;
    for (const name of await caches.keys()) {
      if (name.startsWith('ppid-shell-')) continue;
      const cache = await caches.open(name);
      for (const request of await cache.keys()) if (ownQuery(request.url)) await cache.delete(request);
    }
  }

  async function wipe() {
    if (wiping) return;
    wiping = true;
    hide();
    clearStorage();
    const deleted = Promise.all([deleteDatabases(), forgetQueries()]).catch(() => {});
    await Promise.race([deleted, new Promise((r) => setTimeout(r, DELETE_WAIT))]);
    // Again: anything written meanwhile (a backend's answer arriving) goes too.
    clearStorage();
    try {
      sessionStorage.setItem(STEP, '1');
    } catch {
      location.replace(HOME);
      return;
    }
    // The tab's first page of the portal: a page load there (or its return from the back-forward
    // cache) goes on with `after`; so does this page, if that entry is its own.
    const first = globalThis.navigation?.currentEntry?.index ?? 0;
    if (first > 0) {
      addEventListener('popstate', after);
      // Should the browser not move, the wipe still ends.
      setTimeout(after, DELETE_WAIT);
      history.go(-first);
    } else {
      after();
    }
  }

  /** The steps of a wipe after it has left the citizen's page; nothing when none is under way. */
  function after() {
    let step;
    try {
      step = sessionStorage.getItem(STEP);
    } catch {
      return;
    }
    if (step === '1') {
      wiping = true;
      hide();
      sessionStorage.setItem(STEP, '2');
      location.replace(HOME);
    } else if (step === '2' && !wiping) {
      sessionStorage.removeItem(STEP);
      history.pushState(history.state, '', location.href);
    }
  }

  // The idle timer of a page whose bar was not built.
  let unbuiltSince = 0;
  let lastTouch = 0;
  let keeping = false;
  function tick() {
    const bar = document.getElementById('kiosk-bar');
    const now = Date.now();
    if (!keeping) {
      if (!bar || bar.hasAttribute('data-built')) unbuiltSince = 0;
      else if (!unbuiltSince) unbuiltSince = now;
      else if (now - unbuiltSince >= BAR_GRACE) {
        keeping = true;
        // Away from the home page, someone has been here: the time runs from now.
        if (location.href !== HOME) lastTouch = now;
      }
      return;
    }
    const seconds = (name, fallback) => Number(bar?.getAttribute(name)) || fallback;
    const limit = (seconds('data-idle', 120) + seconds('data-warning', 30)) * 1000;
    if (lastTouch && now - lastTouch >= limit) wipe();
  }
  for (const name of ACTIVITY) addEventListener(name, () => (lastTouch = Date.now()), { capture: true, passive: true });
  setInterval(tick, 1000);

  globalThis.ppidKioskWipe = wipe;
  addEventListener('pageshow', (event) => event.persisted && after());
  after();
})();
