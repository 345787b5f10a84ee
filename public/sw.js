// The portal's service worker: the app shell and the catalogue work offline after one visit.
//
// A template: scripts/post-build.mjs fills in the build's version and the files of the build by kind
// (from bundles.json), each with the start of its SHA-256, and writes dist/sw.js. Nothing here lists a
// file by hand.
//
// - What is downloaded when. Install keeps the files every page needs (SHELL), the route bundle the
//   HTTP cache holds (the registering page's, at no cost), the backend's few answers every page needs to
//   start, plus the kiosk's files on a kiosk and the demo backend's in demo mode: a first visit on a phone
//   costs little more than the page itself. A kiosk keeps everything at once (it must work offline from the start, on a counter's
//   network). Each page, once up, tells the worker which bundle it runs, and that bundle is kept too (it
//   is in the HTTP cache already). When the browser is idle and the connection is neither Save-Data nor
//   2g, the page asks for more: the route bundles its pages most likely lead to (bundles.json `next`),
//   their scripts, and the whole catalogue for offline search (src/offline/sw.rs); a page whose content
//   leads on asks for that bundle too (a receipt for the status pages, the status page showing a request
//   for the objection form). Never kept: embed.js (regency pages) and sw-retire.js.
// - Every file of this build is kept in a cache named after the build, and served from it: the files of
//   two builds are never mixed. A new build installs in the background and waits until the citizen
//   chooses "Muat ulang" (the page posts 'skip-waiting'); only the very first install takes over at once.
// - Every page of the app is the same index.html.
// - config.json, and the backend's public answers (catalogue, meta, calendar, units, announcements,
//   statistics, the register of published requests; GETs only, never lookups or submissions, nor what a
//   page asks with `cache: 'no-store'`: the request form's suggestions for the words being typed), come
//   from the network first; when it fails or a gateway answers 502/503/504, the saved copy is
//   answered instead, marked `X-PPID-Saved: <ms when it was saved>`.
//   A saved /v1/meta does not offer server-side search, so the portal searches its saved catalogue.
// - A regency retires the worker by taking sw.js off its server (404 or 410) or by copying
//   sw-retire.js over it (README, "Retiring the service worker"); see retireIfGone below.
'use strict';

const VERSION = 'dev'; // ppid:version
// Each list holds [file, first 16 hex of its SHA-256], files relative to the portal's root.
/** What every page needs (index.html, the boot script, CSS, the icon, the main bundle): kept at install. */
const SHELL = []; // ppid:shell
/** { bundle name: its files } for each route bundle: kept when a page of it asks, or one that leads to it. */
const ROUTED = {}; // ppid:routed
/** { bundle name: the route bundles its pages most likely lead to } (bundles.json `next`). */
const NEXT = {}; // ppid:next
/** Scripts the route bundles' pages load (the receipt's): kept with the route bundles. */
const LATER = []; // ppid:later
/** The kiosk's bar, wipe and stylesheet: kept at install when config.json says "kiosk": true. */
const KIOSK = []; // ppid:kiosk
/** The demo backend's files: kept at install when config.json chooses the demo. */
const DEMO = []; // ppid:demo

const ROOT = new URL('./', self.registration.scope);
const at = (file) => new URL(file, ROOT).href;
const SHELL_CACHE = `ppid-shell-${VERSION}`;
/** The backend's answers and config.json: not part of a build, so kept across builds. */
const DATA_CACHE = 'ppid-data-v1';
const CONFIG = at('config.json');
const INDEX = at('index.html');
const EVERY_ROUTED = Object.values(ROUTED).flat().concat(LATER);
const FILES = new Set([...SHELL, ...EVERY_ROUTED, ...KIOSK, ...DEMO].map(([file]) => at(file)));
const KEPT = /^\/v1\/(catalogue(\/[^/]+)?|register(\/[^/]+)?|meta|units|announcements|statistics|calendar\/[^/]+)$/;
const SAVED_AT = 'X-PPID-Saved';
const STORED_AT = 'X-PPID-Stored';
/** How often (ms) the whole catalogue is fetched again for offline search, at most. */
const CATALOGUE_EVERY = 3600_000;

/** The backend's base URL without a trailing slash, or null in demo mode (src/api/config.rs). */
function apiBaseOf(config) {
  const base = config && typeof config.api_base === 'string' ? config.api_base.trim() : '';
  if (base === '' || base === 'demo') return null;
  try {
    return new URL(base, ROOT).href.replace(/\/+$/, '');
  } catch {
    return null;
  }
}

/** config.json as the portal reads it: missing means the demo, unreadable means neither demo nor API. */
async function readConfig(response) {
  if (!response || response.status === 404) return { demo: true, api: null, kiosk: false };
  try {
    const json = await response.json();
    const api = apiBaseOf(json);
    return { demo: api === null, api, kiosk: json?.kiosk === true };
  } catch {
    return { demo: false, api: null, kiosk: false };
  }
}

let config; // the promise of the last config read
const loadConfig = () => (config ??= caches.match(CONFIG, { cacheName: DATA_CACHE }).then(readConfig));

async function digest(response) {
  const hash = await crypto.subtle.digest('SHA-256', await response.clone().arrayBuffer());
  return [...new Uint8Array(hash, 0, 8)].map((b) => b.toString(16).padStart(2, '0')).join('');
}

self.addEventListener('install', (event) => {
  event.waitUntil(
    (async () => {
      const fresh = await fetch(CONFIG, { cache: 'no-cache' }).catch(() => null);
      const settings = await readConfig(fresh && fresh.clone());
      if (fresh && fresh.ok) await stash(await caches.open(DATA_CACHE), CONFIG, fresh);
      config = Promise.resolve(settings);
      const cache = await caches.open(SHELL_CACHE);
      let files = SHELL;
      if (settings.kiosk) files = files.concat(EVERY_ROUTED, KIOSK);
      if (settings.demo) files = files.concat(DEMO);
      // A file that is not this build's (a deployment half done) fails the install; the browser tries
      // again later, and the old build keeps serving its own files meanwhile.
      await keep(cache, files);
      // The route bundle the page that registered the worker runs is in the browser's HTTP cache: kept
      // now, at no cost, so that the page opens offline as soon as the worker answers it.
      if (!settings.kiosk) await keepIfCached(cache, EVERY_ROUTED);
      // A kiosk searches offline from the start (kept across builds: fetched again only when it is old);
      // elsewhere only what the pages need to start is kept now.
      if (settings.kiosk && settings.api) await refreshCatalogue(settings.api).catch(() => {});
      else if (settings.api) await saveStart(settings.api).catch(() => {});
      // The first visit: nothing to mix with, so take over at once.
      if (!self.registration.active) await self.skipWaiting();
    })(),
  );
});

self.addEventListener('activate', (event) => {
  event.waitUntil(
    (async () => {
      for (const name of await caches.keys()) {
        if (name.startsWith('ppid-shell-') && name !== SHELL_CACHE) await caches.delete(name);
      }
      await self.clients.claim();
    })(),
  );
});

self.addEventListener('message', (event) => {
  if (event.data === 'skip-waiting') self.skipWaiting();
  // A page this worker answers, once it is up (src/offline/sw.rs): sw.js may have gone since it loaded.
  if (event.data === 'retire?') event.waitUntil(retireIfGone());
  // A page, once up, when the browser is idle (src/offline/sw.rs): { precache: its bundle, all }.
  if (typeof event.data?.precache === 'string') event.waitUntil(precache(event.data.precache, event.data.all === true));
});

/**
 * Keeps `files` of this build, one at a time: in the background of a first visit, on a slow line, the
 * page's own requests must not queue behind a burst of downloads (nor a small server drop them). A file
 * whose hash is not this build's throws: a deployment half done is never kept.
 */
async function keep(cache, files) {
  for (const [file, hash] of files) {
    if (retired) return;
    const url = at(file);
    if (await cache.match(url)) continue;
    // What the page has just loaded (its bundle, the CSS, the boot script) comes from the HTTP cache,
    // without even a revalidation over a slow line.
    let response = await cached(url, hash);
    if (!response) {
      response = await fetch(url, { cache: 'no-cache' });
      if (!response.ok || (await digest(response)) !== hash) throw new Error(`sw: ${file} is not build ${VERSION}`);
    }
    if (retired) return;
    await cache.put(url, response);
  }
}

/** Keeps those of `files` the HTTP cache holds for this build, without a request over the network. */
async function keepIfCached(cache, files) {
  for (const [file, hash] of files) {
    const url = at(file);
    const response = await cached(url, hash);
    if (response) await cache.put(url, response);
  }
}

/** `url` as the HTTP cache holds it, when that is this build's file (checked by `hash`); else null. */
async function cached(url, hash) {
  const response = await fetch(url, { cache: 'only-if-cached', mode: 'same-origin' }).catch(() => null);
  return response && response.ok && (await digest(response)) === hash ? response : null;
}

/**
 * The asks of the pages, answered one after another: two at once would download side by side on a slow
 * line, and an ask made while another is answered (a page that asks for one more bundle while its own
 * are being kept) must not be lost. A file already kept is not fetched again.
 */
let asks = Promise.resolve();

/**
 * What a page asks for once it is up: its own bundle (so that it opens offline, even on Save-Data), and
 * with `all` (idle, not a slow or metered line) the bundles its pages most likely lead to (`NEXT`: the
 * request form from home, the status from a request, ...) and the catalogue for offline search. Not every
 * bundle: on a phone's first visit that was three more pages' worth of downloads (about 560 KB) in its
 * first minute; the rest come as the citizen goes on, and a page never kept says so offline.
 */
function precache(bundle, all) {
  asks = asks.then(() => keepFor(bundle, all));
  return asks;
}

async function keepFor(bundle, all) {
  // A worker that has retired writes nothing: caches.open would bring its caches back.
  if (retired) return;
  try {
    const cache = await caches.open(SHELL_CACHE);
    if (ROUTED[bundle]) await keep(cache, ROUTED[bundle].concat(LATER));
    if (!all) return;
    for (const next of NEXT[bundle] ?? []) await keep(cache, ROUTED[next] ?? []);
    await keep(cache, LATER);
    const { api } = await loadConfig();
    if (api && !retired) await refreshCatalogue(api);
  } catch {
    // Offline, or a build half deployed: the next page load asks again.
  }
}

self.addEventListener('fetch', (event) => {
  const request = event.request;
  if (retired) {
    // A page answered from the caches that was still starting when they went loads again, once.
    if (served.delete(event.clientId)) event.waitUntil(self.clients.get(event.clientId).then(reload));
    return;
  }
  if (request.method !== 'GET') return;
  const url = new URL(request.url);
  url.hash = '';
  const href = url.href;
  if (request.mode === 'navigate') {
    if (isPage(url)) {
      event.respondWith(loadConfig().then(({ api }) => (api && href.startsWith(`${api}/`) ? fetch(request) : fromShell(INDEX, request))));
      served.add(event.resultingClientId);
      event.waitUntil(retireIfGone());
    }
    return;
  }
  if (href === CONFIG) {
    event.respondWith(fromNetwork(request, href, true));
    return;
  }
  if (FILES.has(href)) {
    event.respondWith(fromShell(href, request));
    return;
  }
  if (url.pathname.includes('/v1/')) {
    event.respondWith(
      loadConfig().then(({ api }) => {
        const path = api && href.startsWith(`${api}/v1/`) ? href.slice(api.length) : null;
        // `cache: 'no-store'`: what a citizen types in a form, looked up as they type (src/api/mod.rs
        // Exchange::keep), is never kept, so it does not outlive their draft on the device.
        if (path && request.cache !== 'no-store' && KEPT.test(path.split('?')[0])) return fromNetwork(request, href, false, path, event);
        return fetch(request);
      }),
    );
  }
});

/**
 * Each page load asks whether sw.js is still on the server, and so does each page once it is up
 * (src/offline/sw.rs). When it answers 404 or 410 the regency has retired the worker, and
 * nothing else would ever end it: the browser's own update check fails on such an answer and keeps the
 * old worker (the Update algorithm of the Service Workers spec). The worker then unregisters, so that
 * the next load of any page comes from the network, deletes the portal's caches and loads its open
 * pages again. A page that was still starting from the caches (`served`, not yet a client to reload)
 * loads again at its next request, so no page runs half old, half new. Offline, a 5xx or a captive
 * portal's page is no retirement.
 */
let retired = false;
/** The pages this worker answered: only they are loaded again once it has retired. */
const served = new Set();
async function retireIfGone() {
  const answer = await fetch(location.href, { method: 'HEAD', cache: 'no-store' }).catch(() => null);
  if (!answer || (answer.status !== 404 && answer.status !== 410) || retired) return;
  retired = true;
  await self.registration.unregister().catch(() => {});
  for (const name of await caches.keys()) {
    if (name.startsWith('ppid-')) await caches.delete(name);
  }
  for (const page of await self.clients.matchAll({ type: 'window' })) {
    served.delete(page.id);
    reload(page);
  }
}

const reload = (page) => page && page.navigate(page.url).catch(() => {});

/** A page of the app (no file extension, not under the API), as the server's history fallback decides. */
function isPage(url) {
  if (url.origin !== ROOT.origin || !url.pathname.startsWith(ROOT.pathname)) return false;
  return !url.pathname.slice(ROOT.pathname.length).split('/').pop().includes('.') || url.href === INDEX;
}

async function fromShell(key, request) {
  return (await caches.match(key, { cacheName: SHELL_CACHE })) || fetch(request);
}

/** Keeps a copy of a 200 answer with the time it was saved. */
async function stash(cache, key, response) {
  const headers = new Headers(response.headers);
  headers.delete('Content-Encoding');
  headers.delete('Content-Length');
  headers.set(STORED_AT, String(Date.now()));
  const body = await response.arrayBuffer();
  await cache.put(key, new Response(body, { status: response.status, statusText: response.statusText, headers }));
}

/** The network's answer (saved when it is a 200), else the saved copy marked with when it was saved. */
async function fromNetwork(request, key, isConfig, path, event) {
  const cache = await caches.open(DATA_CACHE);
  let response;
  try {
    response = await fetch(request);
  } catch (error) {
    const saved = await savedCopy(cache, key, path);
    if (saved) return saved;
    throw error;
  }
  // 502, 503, 504: a gateway says the backend cannot be reached, as good as offline. A 500 is the
  // backend's own answer and is shown as such (tests/e2e/hostile.test.mjs).
  if (response.status >= 502 && response.status <= 504) return (await savedCopy(cache, key, path)) || response;
  if (response.ok) {
    const read = isConfig && response.clone();
    const copy = stash(cache, key, response.clone());
    if (isConfig) config = copy.catch(() => {}).then(() => readConfig(read));
    else event?.waitUntil(copy.catch(() => {}));
  }
  return response;
}

async function savedCopy(cache, key, path) {
  const saved = await cache.match(key);
  if (!saved) return null;
  const headers = new Headers(saved.headers);
  headers.set(SAVED_AT, headers.get(STORED_AT) || '0');
  headers.delete(STORED_AT);
  let body = await saved.arrayBuffer();
  if (path === '/v1/meta') {
    // The saved catalogue can be searched by the portal itself, not by a backend it cannot reach.
    try {
      const meta = JSON.parse(new TextDecoder().decode(body));
      if (Array.isArray(meta.features)) meta.features = meta.features.filter((f) => f !== 'catalogue_search');
      body = JSON.stringify(meta);
      headers.delete('Content-Length');
    } catch {
      // not JSON: answered as it was saved
    }
  }
  return new Response(body, { status: saved.status, statusText: saved.statusText, headers });
}

/**
 * What every page needs to start (the metadata, the announcements, the units) and the working-day
 * calendars of this year and the next: a few KB, kept at install and with the catalogue (unless kept within
 * the hour), so that the page the citizen opened opens offline, a form too, on Save-Data as well.
 */
async function saveStart(api) {
  if (retired) return;
  const cache = await caches.open(DATA_CACHE);
  let all = true;
  const year = new Date().getFullYear();
  for (const part of ['/v1/meta', '/v1/announcements', '/v1/units', `/v1/calendar/${year}`, `/v1/calendar/${year + 1}`]) {
    const response = await fetch(`${api}${part}`, { cache: 'no-cache' }).catch(() => null);
    if (retired) return;
    if (response && response.ok) await stash(cache, `${api}${part}`, response);
    else all = false;
  }
  if (all) await cache.put(`${api}/__start-saved`, new Response(String(Date.now())));
}

/**
 * The whole catalogue, page by page as the portal asks for it when it searches itself (src/api/mod.rs),
 * and what saveStart keeps: what the pages need offline.
 */
async function saveCatalogue(api) {
  // Install has just kept them on a first visit, and each page's own requests keep them fresh since:
  // only a worker that has not fetched them for CATALOGUE_EVERY fetches them again.
  if (!(await savedWithin(`${api}/__start-saved`, CATALOGUE_EVERY))) await saveStart(api);
  if (retired) return;
  const cache = await caches.open(DATA_CACHE);
  for (let page = 1, seen = 0; page <= 1000; page++) {
    const key = `${api}/v1/catalogue?page=${page}&per_page=100`;
    const response = await fetch(key, { cache: 'no-cache' });
    if (!response.ok || retired) return;
    const { items, total } = await response.clone().json();
    await stash(cache, key, response);
    seen += Array.isArray(items) ? items.length : 0;
    if (!Array.isArray(items) || items.length === 0 || seen >= total) break;
  }
  await cache.put(`${api}/__catalogue-saved`, new Response(String(Date.now())));
}

/** Whether the mark `key` was written less than `ms` ago. */
async function savedWithin(key, ms) {
  const mark = await caches.match(key, { cacheName: DATA_CACHE });
  return Boolean(mark) && Date.now() - Number(await mark.text()) < ms;
}

/** Fetches the whole catalogue again when the saved one is older than CATALOGUE_EVERY. */
async function refreshCatalogue(api) {
  if (await savedWithin(`${api}/__catalogue-saved`, CATALOGUE_EVERY)) return;
  await saveCatalogue(api);
}
