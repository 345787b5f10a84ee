// The web server configuration a regency copies (deploy/nginx.conf, deploy/nginx-subpath.conf), run
// unchanged by Debian's nginx as a regency would: the build served through it answers with the same
// headers as ppid-server run as scripts/serve.sh runs it (the reference for what a deployment sends),
// answers the app's routes with index.html and a missing file with a 404 that no cache keeps, sends the
// build's brotli or gzip copy, and in Chromium the portal boots, talks to its backend on another origin
// (CORS), installs its service worker and reloads offline, with nothing for axe to find. The same under
// a sub-path, with a relative `"api_base": "api"` that the regency's nginx passes to the backend.
//
// nginx runs as the user running the test: a generated nginx.conf around the copied files sets a temporary
// prefix, ports, pid and logs (scripts/setup.sh installs nginx-light and the brotli module on CI). Where
// Debian's apache2 and caddy (setup.sh installs both), deploy/apache.htaccess and deploy/Caddyfile are
// held to ppid-server's headers the same way, at the root and in a sub-path's folder, and retire the
// service worker as README says.

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';
import { ROOT, DIST, NOW_ARGS, startServer, launchBrowser, waitForApp, assertNoAxeViolations } from './harness.mjs';
import { NGINX, BROTLI, freePort, get, portalServerBlock, writeNginxPrefix, checkNginx, startNginx } from './nginx-front.mjs';
import { pageRunner, waitResults, readResults } from './page.mjs';

const DIST_SUB = path.join(ROOT, 'dist-sub');
const SUB = '/ppid';

const built = fs.readdirSync(DIST);
const WASM = built.find((f) => /^ppid-portal-[0-9a-f]{16}_bg\.wasm$/.test(f));
const BOOT = built.find((f) => /^boot-[0-9a-f]{16}\.js$/.test(f));
/** A hashed name the build does not have: its 404 must not be kept for a year. */
const MISSING = WASM?.replace(/-[0-9a-f]{16}_/, '-0000000000000000_');

/** The headers a deployment is judged by (Date, ETag, Server, lengths are each server's own). */
const COMPARED = ['content-type', 'cache-control', 'content-encoding', 'vary', 'use-as-dictionary', 'content-security-policy', 'x-content-type-options', 'referrer-policy', 'permissions-policy'];

/** What Chromium 156 offers. */
const CHROMIUM = 'gzip, deflate, br, zstd, dcb, dcz';
/** A route bundle, which the build also compresses against the main bundle. */
const ROUTE = 'ppid-status_bg.wasm';
const mainWasm = (dist) => fs.readdirSync(dist).find((f) => /^ppid-portal-[0-9a-f]{16}_bg\.wasm$/.test(f));
const hashOf = (dist) => crypto.createHash('sha256').update(fs.readFileSync(path.join(dist, mainWasm(dist)))).digest('base64');
/** The Available-Dictionary of a browser that has `dist`'s main bundle. */
const dictionaryOf = (dist) => `:${hashOf(dist)}:`;
/** The copy of the route bundle against `dist`'s main bundle, as the build wrote it. */
const copyOf = (dist) => fs.readFileSync(path.join(dist, 'dcb', hashOf(dist), ROUTE));

/**
 * Requests about the copies against the main bundle, as [path, Accept-Encoding, Available-Dictionary]:
 * the copy itself, a browser that offers no `dcb`, one with another dictionary (an older build's), the
 * route bundle without any, and the main bundle that is the dictionary.
 */
const dictionaryCases = (sub, dist) => [
  [`${sub}/${ROUTE}`, CHROMIUM, dictionaryOf(dist)],
  [`${sub}/${ROUTE}`, 'gzip, deflate, br', dictionaryOf(dist)],
  [`${sub}/${ROUTE}`, CHROMIUM, `:${'A'.repeat(43)}=:`],
  [`${sub}/${ROUTE}`, CHROMIUM],
  [`${sub}/${mainWasm(dist)}`, CHROMIUM],
];

/**
 * The copy goes out as the build wrote it, to a browser that has the main bundle, and its own path
 * answers 404 (no browser could read it as a file).
 */
async function assertSendsCopy(origin, sub, dist, server) {
  const copy = await get(`${origin}${sub}/${ROUTE}`, CHROMIUM, 'GET', { 'Available-Dictionary': dictionaryOf(dist) });
  assert.equal(copy.headers['content-encoding'], 'dcb', `${server}: ${sub}/${ROUTE} against the main bundle`);
  assert.ok(copy.body.equals(copyOf(dist)), `${server}: the build's copy, as it is (${copy.body.length} B)`);
  const own = await get(`${origin}${sub}/dcb/${hashOf(dist)}/${ROUTE}`, CHROMIUM);
  assert.equal(own.status, 404, `${server}: the copy's own path`);
  assert.equal(own.headers['content-encoding'], undefined);
}
const SECURITY = ['content-security-policy', 'x-content-type-options', 'referrer-policy', 'permissions-policy'];

/** What scripts/serve.sh passes ppid-server: its policy and its extra headers, read from the script. */
function serveShHeaders() {
  const script = fs.readFileSync(path.join(ROOT, 'scripts', 'serve.sh'), 'utf8');
  const csp = script.match(/^CSP="([^"]+)"$/m)?.[1];
  // Each as its flag and value: `--header` goes with every file, `--page-header` with pages and workers.
  const headers = [...script.matchAll(/(--(?:page-)?header) "([^"]+)"/g)].map((m) => [m[1], m[2]]);
  assert.ok(csp && headers.length >= 2, 'scripts/serve.sh still names its policy and headers');
  return { csp, headers };
}

/** ppid-server's arguments as scripts/serve.sh gives them, with `policy` for its CSP. */
const serveShArgs = (policy = serveShHeaders().csp) => ['--gzip', '--csp', policy, ...serveShHeaders().headers.flat()];

/** Vary's names, in any order: `Vary: a` and `Vary: b` say what `Vary: b, a` says. */
const varyNames = (v) => (v === undefined ? null : [...new Set(v.split(',').map((n) => n.trim().toLowerCase()))].sort().join(', '));
const picked = (headers, names = COMPARED) => Object.fromEntries(names.map((n) => [n, (n === 'vary' ? varyNames(headers[n]) : headers[n]) ?? null]));
const withDictionary = (dictionary) => (dictionary ? { 'Available-Dictionary': dictionary } : {});

let tmp;
let nginx;
let api;
let reference;
let browser;
const site = {};

before(async () => {
  assert.ok(NGINX, 'nginx is installed (scripts/setup.sh installs nginx-light)');
  for (const dir of [DIST, DIST_SUB]) {
    assert.ok(fs.existsSync(path.join(dir, 'index.html')), `${dir} is built (scripts/test.sh builds dist/ and dist-sub/)`);
  }
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'ppid-nginx-'));
  const [rootPort, subPort] = [await freePort(), await freePort()];
  site.root = `http://127.0.0.1:${rootPort}`;
  site.sub = `http://127.0.0.1:${subPort}`;

  // The backend on its own origin, allowing the portal's (contract/README.md: CORS).
  api = await startServer({ args: ['--allow-origin', site.root, ...NOW_ARGS], csp: false });

  // The portal as published: the build with the regency's config.json (config.json is no build file:
  // nothing else changes, and the service worker does not list it).
  const docroot = path.join(tmp, 'www');
  fs.cpSync(DIST, docroot, { recursive: true, preserveTimestamps: true });
  const config = JSON.parse(fs.readFileSync(path.join(DIST, 'config.json'), 'utf8'));
  fs.writeFileSync(path.join(docroot, 'config.json'), JSON.stringify({ ...config, api_base: `${api.url}/api` }, null, 2));
  // Under a sub-path: the regency's site root holds the build as its folder `ppid`.
  const regency = path.join(tmp, 'regency');
  fs.cpSync(DIST_SUB, path.join(regency, SUB.slice(1)), { recursive: true, preserveTimestamps: true });
  const subConfig = JSON.parse(fs.readFileSync(path.join(DIST_SUB, 'config.json'), 'utf8'));
  fs.writeFileSync(path.join(regency, SUB.slice(1), 'config.json'), JSON.stringify({ ...subConfig, api_base: 'api' }, null, 2));
  fs.writeFileSync(path.join(regency, 'index.html'), '<!doctype html><title>Kabupaten</title><p>Situs kabupaten</p>');

  const args = writeNginxPrefix(tmp, [
    portalServerBlock({ port: rootPort, root: docroot, connectSrc: `'self' ${api.url}`, frameAncestors: "'none'", backend: api.url }),
    `    server {
        listen 127.0.0.1:${subPort};
        server_name kab.localhost;
        root ${JSON.stringify(regency)};
        set $ppid_connect_src "'self'";
        set $ppid_frame_ancestors "'none'";
        # The portal's relative "api" is /ppid/api/, passed to the backend as the file's comment shows.
        location ^~ ${SUB}/api/ {
            proxy_pass ${api.url}/api/;
            client_max_body_size 24m;
        }
        include ppid-portal-subpath.conf;
    }
`,
  ]);
  site.check = checkNginx(args);
  assert.equal(site.check.status, 0, `nginx -t: ${site.check.output}`);
  nginx = await startNginx(args, `${site.root}/config.json`);

  // The reference: ppid-server as scripts/serve.sh starts it, on the same files, with the same origins.
  const policy = serveShHeaders().csp.replace("connect-src 'self'", `connect-src 'self' ${api.url}`);
  reference = await startServer({ dist: docroot, csp: false, args: serveShArgs(policy) });
  browser = await launchBrowser();
});

after(async () => {
  await browser?.close();
  await nginx?.stop();
  await reference?.stop();
  await api?.stop();
  if (tmp) fs.rmSync(tmp, { recursive: true, force: true });
});

const env = {
  get browser() {
    return browser;
  },
};
const withPage = pageRunner('nginx', env);

test('nginx -t accepts the configuration as shipped, without a warning', () => {
  assert.match(site.check.output, /syntax is ok/);
  assert.doesNotMatch(site.check.output, /\[warn\]|\[emerg\]/, site.check.output);
});

test('every file answers with the headers ppid-server sends: page, hashed wasm, worker, config, a deep link', async () => {
  const cases = [
    ['/', 'gzip, deflate, br'],
    ['/index.html', 'gzip'],
    [`/${WASM}`, 'gzip, deflate, br'],
    [`/${WASM}`, 'gzip'],
    [`/${WASM}`, undefined],
    [`/${BOOT}`, 'br'],
    // sw.js: gzip, the one encoding both send it in (nginx sends no copy of it, see below).
    ['/sw.js', 'gzip'],
    ['/config.json', 'gzip, br'],
    ['/config.json', undefined],
    ['/informasi/dip-2026-001', 'gzip, deflate, br'],
    ['/permohonan', 'gzip'],
    ...dictionaryCases('', DIST),
  ];
  for (const [file, accept, dictionary] of cases) {
    const [ours, theirs] = await Promise.all([get(`${site.root}${file}`, accept, 'GET', withDictionary(dictionary)), get(`${reference.url}${file}`, accept, 'GET', withDictionary(dictionary))]);
    assert.equal(ours.status, 200, `${file}`);
    assert.equal(theirs.status, 200, `${file} (ppid-server)`);
    assert.deepEqual(picked(ours.headers), picked(theirs.headers), `${file} with Accept-Encoding: ${accept}, Available-Dictionary: ${dictionary}`);
  }
  await assertSendsCopy(site.root, '', DIST, 'nginx');
  // Spelled out, so that a change on both sides still shows here.
  const page = await get(`${site.root}/informasi/dip-2026-001`, 'gzip');
  assert.equal(page.headers['cache-control'], 'no-cache');
  assert.match(page.headers['content-security-policy'], /^default-src 'self'; script-src 'self' 'wasm-unsafe-eval'.*; frame-ancestors 'none'$/);
  assert.equal(page.headers['content-type'], 'text/html; charset=utf-8');
  const wasm = await get(`${site.root}/${WASM}`, 'gzip');
  assert.equal(wasm.headers['cache-control'], 'public, max-age=31536000, immutable');
  assert.equal(wasm.headers['content-type'], 'application/wasm');
  assert.equal(wasm.headers['content-security-policy'], undefined, 'no policy on the wasm');
  assert.equal(wasm.headers['permissions-policy'], undefined, 'nor the other policy');
  assert.match(page.headers['permissions-policy'], /^accelerometer=\(\), camera=\(\)/, 'both on a page');
  assert.equal((await get(`${site.root}/sw.js`)).headers['cache-control'], 'no-cache');
});

test('a missing file is a 404 that no cache keeps, with the security headers; a missing sw.js is never index.html', async () => {
  for (const file of [`/${MISSING}`, '/sw-tidak-ada.js', '/tidak-ada.css']) {
    const [ours, theirs] = await Promise.all([get(`${site.root}${file}`, 'gzip'), get(`${reference.url}${file}`, 'gzip')]);
    assert.equal(ours.status, 404, file);
    assert.equal(theirs.status, 404, `${file} (ppid-server)`);
    assert.doesNotMatch(ours.headers['cache-control'] ?? '', /max-age|immutable/, `${file}: not cacheable`);
    assert.deepEqual(picked(ours.headers, SECURITY), picked(theirs.headers, SECURITY), `${file}: the security headers`);
  }
  // Retiring the worker by taking sw.js off the server (README): under nginx too, it answers 404.
  const retired = path.join(tmp, 'www', 'sw.js');
  fs.renameSync(retired, `${retired}.kept`);
  try {
    const gone = await get(`${site.root}/sw.js`, 'gzip, br');
    assert.equal(gone.status, 404, 'a missing sw.js answers 404');
  } finally {
    fs.renameSync(`${retired}.kept`, retired);
  }
  assert.equal((await get(`${site.root}/.git/config`)).status, 404, 'dot files are not served');
});

/** The body as sent, decoded. */
const unpack = ({ headers, body }) =>
  ({ br: zlib.brotliDecompressSync, gzip: zlib.gunzipSync }[headers['content-encoding']] ?? ((b) => b))(body).toString('utf8');

/**
 * Waits until a server just spawned answers at every one of `urls`. Each of its listeners is
 * waited for: a server may open one port a moment before the next (Caddy does).
 */
async function untilServing(child, stderr, urls) {
  const deadline = Date.now() + 10_000;
  for (const url of urls) {
    while (!(await get(url).catch(() => null))) {
      if (child.exitCode !== null || Date.now() > deadline) throw new Error(`${child.spawnfile} did not start serving ${url}: ${stderr()}`);
      await new Promise((r) => setTimeout(r, 100));
    }
  }
}

/**
 * Retires the worker as README says (`cp sw-retire.js sw.js` in each published folder, the build's
 * sw.js.br and sw.js.gz, the old worker, left beside it) and checks that every browser, whatever it
 * accepts, gets the retire script; puts the build's sw.js back after.
 */
async function assertRetiresByCopy(folders, server) {
  const retire = fs.readFileSync(path.join(DIST, 'sw-retire.js'), 'utf8');
  assert.notEqual(retire, fs.readFileSync(path.join(DIST, 'sw.js'), 'utf8'));
  for (const { folder } of folders) assert.ok(fs.existsSync(path.join(folder, 'sw.js.br')) && fs.existsSync(path.join(folder, 'sw.js.gz')));
  try {
    for (const { folder } of folders) fs.copyFileSync(path.join(folder, 'sw-retire.js'), path.join(folder, 'sw.js'));
    for (const { origin, sub, build } of folders) {
      for (const accept of ['gzip, deflate, br', 'br', 'gzip', undefined]) {
        const res = await get(`${origin}${sub}/sw.js`, accept);
        assert.equal(res.status, 200);
        assert.equal(unpack(res), fs.readFileSync(path.join(build, 'sw-retire.js'), 'utf8'), `${server}: ${sub}/sw.js with Accept-Encoding: ${accept}`);
      }
    }
  } finally {
    // The build's sw.js back, with its date (older than its copies, as the build has it).
    for (const { folder, build } of folders) fs.cpSync(path.join(build, 'sw.js'), path.join(folder, 'sw.js'), { preserveTimestamps: true });
  }
}

test('retired by copying sw-retire.js over sw.js, as README says: every browser gets the retire script, not the old worker\'s copies', async () => {
  await assertRetiresByCopy(
    [
      { origin: site.root, folder: path.join(tmp, 'www'), sub: '', build: DIST },
      { origin: site.sub, folder: path.join(tmp, 'regency', SUB.slice(1)), sub: SUB, build: DIST_SUB },
    ],
    'nginx',
  );
});

test('a backend on the same host, behind the portal\'s server block as its comment shows, answers with its own headers only', async () => {
  for (const file of ['/api/v1/meta', '/api/v1/catalogue.json']) {
    const [ours, theirs] = await Promise.all([get(`${site.root}${file}`), get(`${api.url}${file}`)]);
    assert.equal(ours.status, theirs.status, file);
    assert.equal(ours.headers['content-type'], theirs.headers['content-type'], `${file}: the backend's type`);
    assert.equal(ours.headers['cache-control'], theirs.headers['cache-control'], `${file}: the backend's Cache-Control, not the portal's`);
    assert.equal(ours.headers['content-security-policy'], undefined, `${file}: no page policy on the API`);
  }
});

test('the build\'s copies go out: brotli to a browser that asks for it, else gzip, else the file', async () => {
  const size = (name) => fs.statSync(path.join(DIST, name)).size;
  const br = await get(`${site.root}/${WASM}`, 'gzip, deflate, br');
  assert.equal(br.headers['content-encoding'], BROTLI ? 'br' : 'gzip', BROTLI ? 'the brotli module is loaded' : 'no brotli module: gzip');
  assert.equal(br.body.length, size(`${WASM}.${BROTLI ? 'br' : 'gz'}`), 'the build\'s copy, as it is');
  const gz = await get(`${site.root}/${WASM}`, 'br;q=0, gzip');
  assert.equal(gz.headers['content-encoding'], 'gzip');
  assert.equal(gz.body.length, size(`${WASM}.gz`));
  const plain = await get(`${site.root}/${WASM}`);
  assert.equal(plain.headers['content-encoding'], undefined);
  assert.equal(plain.body.length, size(WASM));
  assert.equal(plain.headers.vary, 'Accept-Encoding', 'a shared cache must not reuse the plain file for a brotli client');
  const deep = await get(`${site.root}/status`, 'br');
  assert.equal(deep.headers['content-encoding'], BROTLI ? 'br' : undefined, 'the app\'s routes get index.html\'s copy');
});

test('under a sub-path: the same headers as ppid-server --base, the folder\'s fallback, and the site\'s own pages untouched', async () => {
  const sub = await startServer({ dist: DIST_SUB, csp: false, args: ['--base', SUB, ...serveShArgs()] });
  try {
    const subBuilt = fs.readdirSync(DIST_SUB);
    const subWasm = subBuilt.find((f) => /^ppid-portal-[0-9a-f]{16}_bg\.wasm$/.test(f));
    for (const [file, accept, dictionary] of [[`${SUB}/`, 'br'], [`${SUB}/informasi`, 'gzip'], [`${SUB}/${subWasm}`, 'br'], [`${SUB}/sw.js`, 'gzip'], ...dictionaryCases(SUB, DIST_SUB)]) {
      const [ours, theirs] = await Promise.all([get(`${site.sub}${file}`, accept, 'GET', withDictionary(dictionary)), get(`${sub.url}${file}`, accept, 'GET', withDictionary(dictionary))]);
      assert.equal(ours.status, 200, file);
      assert.deepEqual(picked(ours.headers), picked(theirs.headers), `${file} with Accept-Encoding: ${accept}, Available-Dictionary: ${dictionary}`);
    }
    await assertSendsCopy(site.sub, SUB, DIST_SUB, 'nginx under a sub-path');
    const missing = await get(`${site.sub}${SUB}/${subWasm.replace(/-[0-9a-f]{16}_/, '-0000000000000000_')}`);
    assert.equal(missing.status, 404);
    assert.doesNotMatch(missing.headers['cache-control'] ?? '', /immutable/);
    const home = await get(`${site.sub}/`);
    assert.match(home.body.toString(), /Situs kabupaten/, 'the regency\'s own page');
    assert.equal(home.headers['content-security-policy'], undefined, 'the portal\'s headers stay in its folder');
    assert.equal(new URL((await get(`${site.sub}${SUB}`)).headers.location, site.sub).pathname, `${SUB}/`, 'the folder without its slash goes to the folder');
  } finally {
    await sub.stop();
  }
});

test('in Chromium: the portal boots, reads its backend on another origin, installs its worker, reloads offline; axe finds nothing', { timeout: 90_000 }, async () => {
  await withPage('root', async (page) => {
    await page.goto(`${site.root}/informasi`);
    await waitResults(page);
    assert.ok((await readResults(page)).titles.length > 0, 'the catalogue lists the backend\'s items');
    await assertNoAxeViolations(page, 'the catalogue under nginx');
    await page.waitForFunction(() => navigator.serviceWorker?.controller?.state === 'activated', null, { timeout: 30_000 });
    await page.context().setOffline(true);
    await page.goto(`${site.root}/`);
    await waitForApp(page);
    assert.ok((await page.locator('main#main h1').innerText()).trim().length > 0, 'the home page opens offline');
    await page.reload();
    await waitForApp(page);
  }, { errors: 'uncaught' });
});

test('the first load of / through nginx, as a phone on a fresh visit receives it (brotli): printed for the deployment notes', { timeout: 60_000 }, async () => {
  await withPage('first-load', async (page) => {
    // Every byte of the page's own answers on the wire, headers included (Chromium's encodedDataLength);
    // the service worker's precaching after the page is up is not part of the first load.
    const cdp = await page.context().newCDPSession(page);
    await cdp.send('Network.enable');
    const bytes = new Map();
    cdp.on('Network.loadingFinished', (e) => bytes.set(e.requestId, e.encodedDataLength));
    const types = new Map();
    cdp.on('Network.responseReceived', (e) => types.set(e.requestId, [e.response.url, e.response.headers['content-encoding'] ?? e.response.headers['Content-Encoding'] ?? '']));
    await page.goto(`${site.root}/`);
    await waitForApp(page);
    await page.waitForLoadState('networkidle');
    const total = [...bytes.values()].reduce((a, b) => a + b, 0);
    const doc = await get(`${site.root}/`, 'gzip, deflate, br');
    assert.equal(doc.headers['content-encoding'], BROTLI ? 'br' : 'gzip');
    const compressed = [...types.values()].filter(([, enc]) => enc === 'br').length;
    console.log(`first load of / through nginx: ${total.toLocaleString('en')} B on the wire in ${bytes.size} answers (${compressed} of them brotli); index.html alone ${doc.body.length.toLocaleString('en')} B as ${doc.headers['content-encoding']}`);
    assert.ok(total > doc.body.length, 'the first load is more than the page itself');
  }, { errors: 'uncaught' });
});

test('in Chromium under /ppid/: the portal boots, reads its backend through "api", installs its worker there', { timeout: 60_000 }, async () => {
  await withPage('subpath', async (page) => {
    await page.goto(`${site.sub}${SUB}/informasi`);
    await waitResults(page);
    assert.ok((await readResults(page)).titles.length > 0, 'the catalogue lists the backend\'s items through /ppid/api/');
    await page.waitForFunction(() => navigator.serviceWorker?.controller?.state === 'activated', null, { timeout: 30_000 });
    const scope = await page.evaluate(async () => (await navigator.serviceWorker.getRegistration()).scope);
    assert.equal(scope, `${site.sub}${SUB}/`);
    await assertNoAxeViolations(page, 'the catalogue under /ppid/');
  });
});

const APACHE = '/usr/sbin/apache2';
const APACHE_MODULES = '/usr/lib/apache2/modules';
const HAS_APACHE = fs.existsSync(APACHE) && fs.existsSync(path.join(APACHE_MODULES, 'mod_rewrite.so')) && fs.existsSync('/etc/apache2/mods-available/mime.conf');

test('Apache: deploy/apache.htaccess sends ppid-server\'s headers, at the root and in a sub-path\'s folder', { skip: !HAS_APACHE && 'Debian\'s apache2 is not installed', timeout: 30_000 }, async () => {
  const dir = path.join(tmp, 'apache');
  const [rootDir, subDir] = [path.join(dir, 'www'), path.join(dir, 'site')];
  fs.cpSync(DIST, rootDir, { recursive: true, preserveTimestamps: true });
  fs.cpSync(DIST_SUB, path.join(subDir, SUB.slice(1)), { recursive: true, preserveTimestamps: true });
  for (const folder of [rootDir, path.join(subDir, SUB.slice(1))]) fs.copyFileSync(path.join(ROOT, 'deploy', 'apache.htaccess'), path.join(folder, '.htaccess'));
  // Run as root, Apache's children are `nobody`: they must be able to read the files.
  for (const d of [tmp, dir]) fs.chmodSync(d, 0o755);
  const [rootPort, subPort] = [await freePort(), await freePort()];
  const modules = ['mpm_event', 'authz_core', 'mime', 'rewrite', 'headers', 'dir', 'filter', 'deflate', 'env', 'setenvif'];
  // Debian's own mime.conf and deflate.conf: the .br-as-Breton and on-the-fly compression the file must live with.
  fs.writeFileSync(
    path.join(dir, 'httpd.conf'),
    `ServerRoot /etc/apache2
ServerName localhost
Listen 127.0.0.1:${rootPort}
Listen 127.0.0.1:${subPort}
PidFile ${path.join(dir, 'httpd.pid')}
ErrorLog ${path.join(dir, 'error.log')}
DefaultRuntimeDir ${dir}
${process.getuid?.() === 0 ? 'User nobody\nGroup nogroup\n' : ''}${modules.map((m) => `LoadModule ${m}_module ${APACHE_MODULES}/mod_${m}.so`).join('\n')}
Include /etc/apache2/mods-available/mime.conf
Include /etc/apache2/mods-available/deflate.conf
<VirtualHost 127.0.0.1:${rootPort}>
    DocumentRoot ${rootDir}
</VirtualHost>
<VirtualHost 127.0.0.1:${subPort}>
    DocumentRoot ${subDir}
</VirtualHost>
<Directory ${dir}>
    AllowOverride FileInfo Indexes
    Require all granted
</Directory>
`,
  );
  const apache = spawn(APACHE, ['-f', path.join(dir, 'httpd.conf'), '-DFOREGROUND'], { stdio: ['ignore', 'ignore', 'pipe'] });
  let stderr = '';
  apache.stderr.on('data', (d) => (stderr += d));
  const exited = new Promise((resolve) => apache.once('exit', resolve));
  const [ref, refSub] = await Promise.all([
    startServer({ dist: rootDir, csp: false, args: serveShArgs() }),
    startServer({ dist: DIST_SUB, csp: false, args: ['--base', SUB, ...serveShArgs()] }),
  ]);
  try {
    const root = `http://127.0.0.1:${rootPort}`;
    await untilServing(apache, () => stderr, [`${root}/config.json`, `http://127.0.0.1:${subPort}${SUB}/config.json`]);
    const subWasm = fs.readdirSync(DIST_SUB).find((f) => /^ppid-portal-[0-9a-f]{16}_bg\.wasm$/.test(f));
    const cases = [
      [root, ref, '/', 'gzip, deflate, br'],
      [root, ref, '/informasi/dip-2026-001', 'gzip'],
      [root, ref, `/${WASM}`, 'br'],
      [root, ref, `/${WASM}`, 'br;q=0, gzip'],
      [root, ref, `/${BOOT}`, 'br'],
      // sw.js: gzip, the one encoding both send it in (Apache sends no copy of it, see below).
      [root, ref, '/sw.js', 'gzip'],
      [root, ref, '/config.json', 'gzip'],
      [`http://127.0.0.1:${subPort}`, refSub, `${SUB}/`, 'br'],
      [`http://127.0.0.1:${subPort}`, refSub, `${SUB}/status`, 'gzip'],
      [`http://127.0.0.1:${subPort}`, refSub, `${SUB}/${subWasm}`, 'br'],
      ...dictionaryCases('', DIST).map((c) => [root, ref, ...c]),
      ...dictionaryCases(SUB, DIST_SUB).map((c) => [`http://127.0.0.1:${subPort}`, refSub, ...c]),
    ];
    for (const [ours, theirs, file, accept, dictionary] of cases) {
      const [a, b] = await Promise.all([get(`${ours}${file}`, accept, 'GET', withDictionary(dictionary)), get(`${theirs.url}${file}`, accept, 'GET', withDictionary(dictionary))]);
      assert.equal(a.status, 200, file);
      assert.deepEqual(picked(a.headers), picked(b.headers), `Apache: ${file} with Accept-Encoding: ${accept}, Available-Dictionary: ${dictionary}`);
    }
    await assertSendsCopy(root, '', DIST, 'Apache');
    await assertSendsCopy(`http://127.0.0.1:${subPort}`, SUB, DIST_SUB, 'Apache under a sub-path');
    for (const file of [`/${MISSING}`, '/sw-tidak-ada.js']) {
      const missing = await get(`${root}${file}`, 'gzip');
      assert.equal(missing.status, 404, file);
      assert.doesNotMatch(missing.headers['cache-control'] ?? '', /immutable/, `${file}: not kept`);
      assert.equal(missing.headers['x-content-type-options'], 'nosniff', `${file}: the security headers`);
    }
    await assertRetiresByCopy(
      [
        { origin: root, folder: rootDir, sub: '', build: DIST },
        { origin: `http://127.0.0.1:${subPort}`, folder: path.join(subDir, SUB.slice(1)), sub: SUB, build: DIST_SUB },
      ],
      'Apache',
    );
  } finally {
    apache.kill('SIGTERM');
    await exited;
    await Promise.all([ref.stop(), refSub.stop()]);
  }
});

const CADDY = ['/usr/bin/caddy', '/usr/local/bin/caddy'].find((p) => fs.existsSync(p));

test('Caddy: deploy/Caddyfile sends ppid-server\'s headers, at the root and in a sub-path\'s folder', { skip: !CADDY && 'Debian\'s caddy is not installed', timeout: 30_000 }, async () => {
  const dir = path.join(tmp, 'caddy');
  const [rootDir, subDir] = [path.join(dir, 'www'), path.join(dir, 'site')];
  fs.cpSync(DIST, rootDir, { recursive: true, preserveTimestamps: true });
  fs.cpSync(DIST_SUB, path.join(subDir, SUB.slice(1)), { recursive: true, preserveTimestamps: true });
  fs.writeFileSync(path.join(subDir, 'index.html'), '<!doctype html><title>Kabupaten</title><p>Situs kabupaten</p>');
  const [rootPort, subPort] = [await freePort(), await freePort()];
  // The file as shipped, with the values its CHANGE lines leave to a regency: the two host names
  // (plain HTTP on loopback here, where a regency's name gets its certificate) and the folders.
  const shipped = fs.readFileSync(path.join(ROOT, 'deploy', 'Caddyfile'), 'utf8');
  const edits = [
    ['ppid.example.go.id {', `http://127.0.0.1:${rootPort} {`],
    ['/var/www/ppid/dist', rootDir],
    ['www.example.go.id {', `http://127.0.0.1:${subPort} {`],
    ['/var/www/kab', subDir],
  ];
  let config = shipped;
  for (const [from, to] of edits) {
    assert.ok(config.includes(from), `deploy/Caddyfile still has ${from}`);
    config = config.replaceAll(from, to);
  }
  fs.writeFileSync(path.join(dir, 'Caddyfile'), `{\n\tadmin off\n\tauto_https off\n}\n\n${config}`);
  const caddy = spawn(CADDY, ['run', '--config', path.join(dir, 'Caddyfile'), '--adapter', 'caddyfile'], {
    stdio: ['ignore', 'ignore', 'pipe'],
    env: { ...process.env, HOME: dir, XDG_DATA_HOME: dir, XDG_CONFIG_HOME: dir },
  });
  let stderr = '';
  caddy.stderr.on('data', (d) => (stderr += d));
  const exited = new Promise((resolve) => caddy.once('exit', resolve));
  const [ref, refSub] = await Promise.all([
    startServer({ dist: rootDir, csp: false, args: serveShArgs() }),
    startServer({ dist: DIST_SUB, csp: false, args: ['--base', SUB, ...serveShArgs()] }),
  ]);
  try {
    const root = `http://127.0.0.1:${rootPort}`;
    const sub = `http://127.0.0.1:${subPort}`;
    await untilServing(caddy, () => stderr, [`${root}/config.json`, `${sub}${SUB}/config.json`]);
    // Warnings about the two test-only options above are the test's own.
    const own = /admin endpoint disabled|automatic HTTPS is completely disabled/;
    const warnings = stderr.split('\n').filter((l) => /"level":"(warn|error)"/.test(l) && !own.test(l));
    assert.deepEqual(warnings, [], 'caddy accepts the file without a warning');
    const subWasm = fs.readdirSync(DIST_SUB).find((f) => /^ppid-portal-[0-9a-f]{16}_bg\.wasm$/.test(f));
    const cases = [
      [root, ref, '/', 'gzip, deflate, br'],
      [root, ref, '/informasi/dip-2026-001', 'gzip'],
      [root, ref, `/${WASM}`, 'br'],
      [root, ref, `/${WASM}`, 'br;q=0, gzip'],
      [root, ref, `/${BOOT}`, 'br'],
      // sw.js: gzip, the one encoding both send it in (Caddy sends no copy of it).
      [root, ref, '/sw.js', 'gzip'],
      [root, ref, '/config.json', 'gzip'],
      [sub, refSub, `${SUB}/`, 'br'],
      [sub, refSub, `${SUB}/status`, 'gzip'],
      [sub, refSub, `${SUB}/${subWasm}`, 'br'],
      ...dictionaryCases('', DIST).map((c) => [root, ref, ...c]),
      ...dictionaryCases(SUB, DIST_SUB).map((c) => [sub, refSub, ...c]),
    ];
    for (const [ours, theirs, file, accept, dictionary] of cases) {
      const [a, b] = await Promise.all([get(`${ours}${file}`, accept, 'GET', withDictionary(dictionary)), get(`${theirs.url}${file}`, accept, 'GET', withDictionary(dictionary))]);
      assert.equal(a.status, 200, file);
      assert.deepEqual(picked(a.headers), picked(b.headers), `Caddy: ${file} with Accept-Encoding: ${accept}, Available-Dictionary: ${dictionary}`);
    }
    await assertSendsCopy(root, '', DIST, 'Caddy');
    await assertSendsCopy(sub, SUB, DIST_SUB, 'Caddy under a sub-path');
    for (const file of [`/${MISSING}`, '/sw-tidak-ada.js', '/.git/config']) {
      const missing = await get(`${root}${file}`, 'gzip');
      assert.equal(missing.status, 404, file);
      assert.doesNotMatch(missing.headers['cache-control'] ?? '', /immutable|max-age/, `${file}: not kept`);
      assert.equal(missing.headers['x-content-type-options'], 'nosniff', `${file}: the security headers`);
    }
    const regency = await get(`${sub}/`, 'gzip');
    assert.match(unpack(regency), /Situs kabupaten/, 'the regency\'s own site stays as it is');
    await assertRetiresByCopy(
      [
        { origin: root, folder: rootDir, sub: '', build: DIST },
        { origin: sub, folder: path.join(subDir, SUB.slice(1)), sub: SUB, build: DIST_SUB },
      ],
      'Caddy',
    );
  } finally {
    caddy.kill('SIGTERM');
    await exited;
    await Promise.all([ref.stop(), refSub.stop()]);
  }
});
