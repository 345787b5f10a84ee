// Precompressed downloads: the build writes `<file>.br` and `<file>.gz` beside each compressible file
// (scripts/post-build.mjs), and ppid-server sends the one the browser accepts. Headless Chromium
// advertises `br` to http://127.0.0.1 too (checked below, not assumed), so the portal's wasm and scripts
// arrive brotli-encoded in a real page, which then works; clients that accept only gzip, or nothing, get
// the gzip copy or the file itself, each decoding to the same bytes.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { useServers, DIST } from './harness.mjs';
import { pageRunner, homeIsUp, waitResults, readResults } from './page.mjs';
import { get as getRaw } from './nginx-front.mjs';

const env = useServers({ server: {} });
const withPage = pageRunner('compression', env);

const built = fs.readdirSync(DIST);
const PORTAL_WASM = built.find((f) => /^ppid-portal-[0-9a-f]+_bg\.wasm$/.test(f));
const PORTAL_JS = built.find((f) => /^ppid-portal-[0-9a-f]+\.js$/.test(f));
const BOOT_JS = built.find((f) => /^boot-[0-9a-f]+\.js$/.test(f));
const size = (name) => fs.statSync(path.join(DIST, name)).size;

test('the build has a brotli and a gzip copy of each wasm, none of config.json, and the worker lists no copy', () => {
  for (const name of [PORTAL_WASM, PORTAL_JS, BOOT_JS]) assert.ok(name, 'the portal bundle and the boot script are built');
  for (const wasm of built.filter((f) => f.endsWith('.wasm'))) {
    const raw = fs.readFileSync(path.join(DIST, wasm));
    assert.deepEqual(zlib.brotliDecompressSync(fs.readFileSync(path.join(DIST, `${wasm}.br`))), raw, `${wasm}.br decodes to ${wasm}`);
    assert.deepEqual(zlib.gunzipSync(fs.readFileSync(path.join(DIST, `${wasm}.gz`))), raw, `${wasm}.gz decodes to ${wasm}`);
    assert.ok(size(`${wasm}.br`) < size(`${wasm}.gz`), `${wasm}: brotli is smaller than gzip`);
  }
  assert.ok(!built.includes('config.json.br') && !built.includes('config.json.gz'), 'config.json, edited after the build, has no copy');
  // A copy in the worker's lists would be downloaded for nothing, and fail the worker's hash check if stale.
  const sw = fs.readFileSync(path.join(DIST, 'sw.js'), 'utf8');
  assert.doesNotMatch(sw, /\.(br|gz)["']/, 'sw.js names no compressed copy');
});

test('Chromium gets the portal brotli-encoded and the page works', { timeout: 90_000 }, async () => {
  await withPage('brotli', async (page) => {
    const responses = new Map();
    page.on('response', (r) => responses.set(new URL(r.url()).pathname.slice(1), r));
    await page.goto(`${env.server.url}/`);
    await homeIsUp(page);

    // If a Chromium ever stops sending br over plain HTTP to loopback, this says so first.
    // (allHeaders: the network stack's, where Accept-Encoding is added.)
    const asked = (await responses.get(PORTAL_WASM)?.request().allHeaders())?.['accept-encoding'] ?? '';
    assert.match(asked, /\bbr\b/, 'Chromium advertises br to http://127.0.0.1');
    for (const name of [PORTAL_WASM, PORTAL_JS, BOOT_JS]) {
      const response = responses.get(name);
      assert.ok(response, `${name} was downloaded`);
      const headers = await response.allHeaders();
      assert.equal(headers['content-encoding'], 'br', `${name} arrives brotli-encoded`);
      assert.equal(headers['vary'], 'Accept-Encoding', `${name} varies by Accept-Encoding`);
      // On the wire: the build's brotli copy, not the file and not a gzip of it.
      const { responseBodySize } = await response.request().sizes();
      assert.equal(responseBodySize, size(`${name}.br`), `${name}: bytes on the wire are the brotli copy's`);
      assert.ok(responseBodySize < size(`${name}.gz`), `${name}: fewer bytes than gzip`);
    }
    assert.equal((await responses.get(PORTAL_WASM).allHeaders())['content-type'], 'application/wasm', 'the wasm keeps its type, so it compiles as it streams');
    assert.equal((await responses.get('').allHeaders())['content-encoding'], 'br', 'the page itself arrives brotli-encoded');

    // The app works: a route the history fallback answers, its data loaded and shown.
    await page.goto(`${env.server.url}/informasi`);
    await waitResults(page);
    assert.ok((await readResults(page)).titles.length > 0, 'the catalogue lists items');
  });
});

test('gzip-only clients get the gzip copy, others the file, all decoding to the file', async () => {
  const raw = fs.readFileSync(path.join(DIST, PORTAL_WASM));
  const url = `${env.server.url}/${PORTAL_WASM}`;
  // node's fetch decodes by itself and sends its own Accept-Encoding; the raw bytes are read through
  // the `http` client instead, which sends only what it is told.
  const get = (acceptEncoding, method) => getRaw(url, acceptEncoding, method);

  const br = await get('gzip, deflate, br');
  assert.equal(br.headers['content-encoding'], 'br');
  assert.deepEqual(zlib.brotliDecompressSync(br.body), raw);

  for (const accept of ['gzip', 'br;q=0, gzip']) {
    const gz = await get(accept);
    assert.equal(gz.headers['content-encoding'], 'gzip', accept);
    assert.equal(gz.body.length, size(`${PORTAL_WASM}.gz`), `${accept}: the build's gzip copy`);
    assert.deepEqual(zlib.gunzipSync(gz.body), raw, accept);
  }
  for (const accept of [undefined, 'identity']) {
    const plain = await get(accept);
    assert.equal(plain.headers['content-encoding'], undefined, String(accept));
    assert.equal(plain.headers['vary'], 'Accept-Encoding', `${accept}: a cache must not reuse this for a brotli client`);
    assert.deepEqual(plain.body, raw, String(accept));
  }

  const head = await get('br', 'HEAD');
  assert.equal(head.status, 200);
  assert.equal(head.headers['content-encoding'], 'br');
  assert.equal(head.headers['content-type'], 'application/wasm');
  assert.equal(head.body.length, 0);
});
