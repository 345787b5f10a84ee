// Retires the portal's service worker (README, "Retiring the service worker").
//
// To use it, copy this file over sw.js on the server (`cp sw-retire.js sw.js`) and keep it there. A
// returning visitor's browser checks sw.js when a page of the portal loads, installs this script in
// place of the old worker, and this script at once deletes the portal's caches, unregisters
// itself and loads the open pages again from the network: the visitor gets the build on the server, or
// a plain page, never the old build's files mixed with new ones. Saved submissions waiting to be sent
// (IndexedDB) are kept. It has no fetch handler, so it never answers a request.
'use strict';

self.addEventListener('install', () => self.skipWaiting());

self.addEventListener('activate', (event) => {
  event.waitUntil(
    (async () => {
      for (const name of await caches.keys()) {
        if (name.startsWith('ppid-')) await caches.delete(name);
      }
      await self.registration.unregister();
      // Only the pages the old worker controlled: a page that registered this script itself came
      // from the network already (and would otherwise reload for ever).
      for (const page of await self.clients.matchAll({ type: 'window' })) page.navigate(page.url).catch(() => {});
    })(),
  );
});
