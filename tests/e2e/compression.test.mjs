// Precompressed downloads: the build writes `<file>.br` and `<file>.gz` beside each compressible file
// (scripts/post-build.mjs), and ppid-server sends the one the browser accepts. Headless Chromium
// advertises `br` to http://127.0.0.1 too (checked below, not assumed), so the portal's wasm and scripts
// arrive brotli-encoded in a real page, which then works; clients that accept only gzip, or nothing, get
// the gzip copy or the file itself, each decoding to the same bytes. Each route bundle is also compressed
// against the main bundle's wasm (`dcb/<hash>/<file>`, RFC 9842): a Chromium that has opened a page of the
// main bundle gets that copy of the next bundle it opens, and the page works; under deploy/nginx.conf too.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { useServers, DIST } from './harness.mjs';
import { pageRunner, homeIsUp, waitResults, readResults, waitLoaded, h1Text } from './page.mjs';
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
  assert.doesNotMatch(sw, /\.(br|gz)["']|["']dcb\//, 'sw.js names no compressed copy');
});

const OTHER_BUNDLES = ['ppid-forms', 'ppid-objection', 'ppid-status', 'ppid-dispute', 'ppid-register', 'ppid-kiosk'];
const sha256 = (name) => crypto.createHash('sha256').update(fs.readFileSync(path.join(DIST, name))).digest();
/** Where the copies against the main bundle are: the folder named by the base64 a browser sends (a `/` in it is one more folder). */
const COPIES = path.posix.join('dcb', sha256(PORTAL_WASM).toString('base64'));
/** Every file under a folder, relative to it. */
const filesUnder = (dir) => fs.readdirSync(dir, { recursive: true }).filter((f) => fs.statSync(path.join(dir, f)).isFile());

test('the build compresses each route bundle\'s wasm, and the kiosk\'s, against the main bundle\'s', () => {
  for (const name of OTHER_BUNDLES.map((b) => `${b}_bg.wasm`)) {
    const copy = fs.readFileSync(path.join(DIST, COPIES, name));
    assert.deepEqual([...copy.subarray(0, 4)], [0xff, 0x44, 0x43, 0x42], `${COPIES}/${name} starts as a dcb copy`);
    assert.deepEqual(copy.subarray(4, 36), sha256(PORTAL_WASM), `${COPIES}/${name} names the main bundle's wasm as its dictionary`);
    // What the main bundle already holds (the shell) does not travel again.
    assert.ok(copy.length < 0.8 * size(`${name}.br`), `${name}: ${copy.length} B against the main bundle, ${size(`${name}.br`)} B brotli alone`);
  }
  // Nothing else: no script (a <script> answered with a copy fails now and then in Chromium,
  // post-build.mjs), not the main bundle, no copy against another dictionary.
  const copies = filesUnder(path.join(DIST, 'dcb')).map((f) => `dcb/${f.split(path.sep).join('/')}`).sort();
  assert.deepEqual(copies, OTHER_BUNDLES.map((b) => `${COPIES}/${b}_bg.wasm`).sort(), 'dcb/ holds the route bundles\' and the kiosk\'s wasm only');
});

test('Chromium that has the main bundle gets the status bundle compressed against it, and the page works', { timeout: 90_000 }, async () => {
  await withPage(
    'dictionary',
    async (page) => {
      const responses = new Map();
      page.on('response', (r) => responses.set(new URL(r.url()).pathname.slice(1), r));
      await page.goto(`${env.server.url}/`);
      await homeIsUp(page);
      const dictionary = await responses.get(PORTAL_WASM).allHeaders();
      assert.equal(dictionary['use-as-dictionary'], 'match="/*.wasm"', 'the main bundle offers itself as the dictionary of the wasm beside it');

      await page.goto(`${env.server.url}/status`);
      await waitLoaded(page);
      assert.equal(await h1Text(page), 'Cek status permohonan', 'the status page works');
      const status = responses.get('ppid-status_bg.wasm');
      const asked = await status.request().allHeaders();
      assert.match(asked['accept-encoding'], /\bdcb\b/, 'Chromium offers dcb to http://127.0.0.1');
      assert.equal(asked['available-dictionary'], `:${sha256(PORTAL_WASM).toString('base64')}:`, 'and names the main bundle it has');
      const headers = await status.allHeaders();
      assert.equal(headers['content-encoding'], 'dcb');
      assert.equal(headers['vary'], 'Accept-Encoding, Available-Dictionary');
      const { responseBodySize } = await status.request().sizes();
      assert.equal(responseBodySize, size(`${COPIES}/ppid-status_bg.wasm`), 'bytes on the wire are the copy against the main bundle');
      assert.equal((await responses.get(PORTAL_JS).allHeaders())['use-as-dictionary'], undefined, 'the glue is no dictionary');
      assert.equal((await responses.get('ppid-status.js').allHeaders())['content-encoding'], 'br', 'and the status page\'s glue comes as brotli');
    },
    // The network's answer itself, not the service worker's copy of it.
    { context: { serviceWorkers: 'block' } },
  );
});

test('a browser without the main bundle gets the route bundle as brotli', { timeout: 90_000 }, async () => {
  await withPage(
    'no-dictionary',
    async (page) => {
      const responses = new Map();
      page.on('response', (r) => responses.set(new URL(r.url()).pathname.slice(1), r));
      await page.goto(`${env.server.url}/status`);
      await waitLoaded(page);
      assert.equal(await h1Text(page), 'Cek status permohonan');
      const status = responses.get('ppid-status_bg.wasm');
      assert.equal((await status.request().allHeaders())['available-dictionary'], undefined, 'no dictionary yet');
      assert.equal((await status.allHeaders())['content-encoding'], 'br');
      assert.equal((await status.request().sizes()).responseBodySize, size('ppid-status_bg.wasm.br'));
    },
    { context: { serviceWorkers: 'block' } },
  );
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
