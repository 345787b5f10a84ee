// The demo backend keeps what was submitted across a reload: a request handed to the demo worker
// (the same worker and the same localStorage journal the portal's DemoBackend uses) is found by the
// portal's status lookup after the page is reloaded. The request is handed to the worker directly, as
// DemoBackend hands it, so that only the worker and its journal are under test, not the request form.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { useServers, waitForApp } from './harness.mjs';
import { pageRunner } from './page.mjs';

const env = useServers({ server: {} });
const withPage = pageRunner('demo-persistence', env);
const JOURNAL_KEY = 'ppid.demo.journal';

/** Runs in the page: submit one request to a fresh demo worker, persist its journal like DemoBackend. */
async function submitThroughWorker({ key, body, journalKey }) {
  const worker = new Worker('/demo-backend_loader.js');
  const replies = new Map();
  const waiters = new Map();
  worker.onmessage = (ev) => {
    const msg = JSON.parse(ev.data);
    if (waiters.has(msg.id)) waiters.get(msg.id)(msg);
    else replies.set(msg.id, msg);
  };
  const reply = (id) => replies.has(id) ? Promise.resolve(replies.get(id)) : new Promise((r) => waiters.set(id, r));
  await reply(0); // ready
  const seed = await (await fetch('/seed.json')).text();
  worker.postMessage(JSON.stringify({ id: 1, seed, journal: localStorage.getItem(journalKey) ?? undefined }));
  const init = await reply(1);
  const exchange = { method: 'POST', path: '/v1/requests', idempotency_key: key, body: JSON.stringify(body) };
  worker.postMessage(JSON.stringify({ id: 2, exchange }));
  const first = await reply(2);
  if (first.journal) localStorage.setItem(journalKey, first.journal);
  worker.postMessage(JSON.stringify({ id: 3, exchange }));
  const again = await reply(3);
  worker.terminate();
  return { init: init.status, status: first.status, receipt: JSON.parse(first.body), replayStatus: again.status, replayBody: again.body, firstBody: first.body, journalAfterReplay: again.journal ?? null };
}

test('a demo request submitted before a reload is found by the status lookup after it', { timeout: 90_000 }, async () => {
  await withPage('reload', async (page) => {
    await page.goto(`${env.server.url}/status`);
    await waitForApp(page);
    const body = {
      requester: { kind: 'individual', name: 'Uji Persisten', nik: '3201014508900001', address: 'Jl. Uji 1', email: 'persisten@example.id' },
      information: 'Data uji ketahanan muat ulang',
      purpose: 'Pengujian',
      obtain: ['view'],
    };
    const r = await page.evaluate(submitThroughWorker, { key: 'e2e-persist-0001', body, journalKey: JOURNAL_KEY });
    assert.equal(r.init, 204, 'the worker accepts the seed');
    assert.equal(r.status, 201, 'the request is registered');
    assert.match(r.receipt.number, /^PPID-\d{4}-\d{6}$/);
    assert.equal(r.replayStatus, 201, 'the same key answers again');
    assert.equal(r.replayBody, r.firstBody, 'with the same receipt, not a second request');
    assert.equal(r.journalAfterReplay, null, 'a replay changes nothing to persist');

    await page.reload();
    await waitForApp(page);
    await page.fill('#status-number', r.receipt.number);
    await page.fill('#status-verifier', 'persisten@example.id');
    await page.click('form button[type=submit]');
    await page.waitForSelector('#status-heading', { timeout: 15_000 });
    assert.equal((await page.textContent('#status-heading')).trim(), r.receipt.number);
    assert.match(await page.textContent('main#main'), /Permohonan diterima/);
    assert.match(await page.textContent('main#main'), /Data uji ketahanan muat ulang/);
  });
});
