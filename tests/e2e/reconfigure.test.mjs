// A regency changes its config.json after the build with scripts/reconfigure.mjs, as the README says,
// never by editing index.html: the page without JavaScript names the new office, every file the service
// worker lists matches its hash (else the worker refuses to install and offline never works), and in
// Chromium the worker installs and a reload offline works. Then the release archive (scripts/release.sh):
// what it holds, its checksum, and the command run from it with node alone (no npm packages); the
// archive's build, reconfigured so, served by Debian's nginx with deploy/nginx.conf and embedded on a
// regency's page of another origin, as a newcomer deploys it.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';
import { ROOT, DIST, NOW_ARGS, HOST_PAGE, useServers, withServer, startServer, startStaticServer, waitForApp } from './harness.mjs';
import { NGINX, startFront } from './nginx-front.mjs';
import { pageRunner, waitResults, readResults } from './page.mjs';

const OFFICE = {
  name: 'PPID Kabupaten Tanah $& "Baru" <b>',
  address: 'Jl. Pahlawan No. 7, Tanah Baru',
  hours: 'Senin–Jumat 08.00–15.00',
  phone: '(0361) 123-4567',
  email: 'ppid@tanahbaru.go.id',
};
const CONFIG = { api_base: '/api', timeout_ms: 15000, office: OFFICE, theme: { name: 'PPID Kabupaten Tanah Baru' } };

const env = useServers();
const withPage = pageRunner('reconfigure', env);

const sha16 = (file) => crypto.createHash('sha256').update(fs.readFileSync(file)).digest('hex').slice(0, 16);
/** Every [file, hash] sw.js lists, minified or not. */
const listed = (sw) => [...sw.matchAll(/\[\s*["']([^"']+)["']\s*,\s*["']([0-9a-f]{16})["']\s*\]/g)].map((m) => [m[1], m[2]]);

/** A copy of the build, as a regency unpacked it (the compressed copies keep their dates). */
function copyOfDist() {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ppid-reconfigure-'));
  fs.cpSync(DIST, path.join(dir, 'dist'), { recursive: true, preserveTimestamps: true });
  return dir;
}

function assertWorkerMatches(dist) {
  const entries = listed(fs.readFileSync(path.join(dist, 'sw.js'), 'utf8'));
  assert.ok(entries.some(([f]) => f === 'index.html'), 'sw.js lists index.html');
  for (const [file, hash] of entries) {
    assert.ok(fs.existsSync(path.join(dist, file)), `sw.js lists ${file}, which is there`);
    assert.equal(sha16(path.join(dist, file)), hash, `${file} matches the hash sw.js checks it against`);
  }
}

/** Every file under `root`, in folders too, relative to it. */
const filesOf = (root) => fs.readdirSync(root, { recursive: true }).filter((f) => fs.statSync(path.join(root, f)).isFile()).sort();

test('reconfigure.mjs writes the office into the noscript page and keeps the service worker\'s hashes true; offline works', { timeout: 120_000 }, async () => {
  const dir = copyOfDist();
  try {
    const dist = path.join(dir, 'dist');
    const before = fs.readFileSync(path.join(dist, 'index.html'), 'utf8');
    fs.writeFileSync(path.join(dir, 'config.json'), JSON.stringify(CONFIG, null, 2));
    execFileSync(process.execPath, [path.join(ROOT, 'scripts', 'reconfigure.mjs'), dist, path.join(dir, 'config.json')], { stdio: 'pipe' });

    assert.deepEqual(JSON.parse(fs.readFileSync(path.join(dist, 'config.json'), 'utf8')), CONFIG, 'config.json is the regency\'s');
    const html = fs.readFileSync(path.join(dist, 'index.html'), 'utf8');
    assert.notEqual(html, before);
    assertWorkerMatches(dist);
    // The copies a web server sends instead of the file say the same as the file.
    for (const name of ['index.html', 'sw.js']) {
      const raw = fs.readFileSync(path.join(dist, name));
      const br = path.join(dist, `${name}.br`);
      if (fs.existsSync(br)) assert.deepEqual(zlib.brotliDecompressSync(fs.readFileSync(br)), raw, `${name}.br is the new ${name}`);
    }
    const prerender = html.match(/data-prerender=([^ >]+)/)[1];
    assert.match(fs.readFileSync(path.join(dist, prerender), 'utf8'), /class=brand-name>PPID Kabupaten Tanah Baru</, 'the prerendered header names the regency');
    assert.ok(!fs.readdirSync(dist).some((f) => f.includes('-prerender-') && !f.startsWith(prerender)), 'the old prerendered module is gone');

    await withServer({ dist, args: NOW_ARGS }, async (server) => {
      await withPage('noscript', async (page) => {
        await page.goto(`${server.url}/`);
        const lines = (await page.locator('#noscript-office').innerText()).split('\n').map((l) => l.trim());
        assert.deepEqual(lines, [OFFICE.name, OFFICE.address, OFFICE.hours, OFFICE.phone, OFFICE.email], 'the page without JavaScript names the new office, as typed');
      }, { context: { javaScriptEnabled: false }, errors: 'none' });

      await withPage('offline', async (page) => {
        await page.goto(`${server.url}/informasi`);
        await waitResults(page);
        assert.equal((await page.locator('.brand-name').first().innerText()).trim(), CONFIG.theme.name);
        await page.waitForFunction(() => navigator.serviceWorker?.controller?.state === 'activated', null, { timeout: 30_000 });
        const online = await readResults(page);
        await page.context().setOffline(true);
        await page.reload();
        await waitForApp(page);
        assert.equal((await page.locator('main#main h1').innerText()).trim().length > 0, true, 'the catalogue reloads offline');
        assert.ok(online.titles.length > 0);
      }, { errors: 'uncaught' });
    });
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});

test('reconfigure.mjs with the build\'s own config.json changes nothing; a retired worker stays retired; a config without a backend is refused', () => {
  const dir = copyOfDist();
  try {
    const dist = path.join(dir, 'dist');
    const run = (config) => execFileSync(process.execPath, [path.join(ROOT, 'scripts', 'reconfigure.mjs'), dist, config], { stdio: 'pipe', encoding: 'utf8' });
    run(path.join(dist, 'config.json'));
    // Every file, in folders too (dcb/): none added, none changed.
    assert.deepEqual(filesOf(dist), filesOf(DIST), 'the same files as the build');
    for (const file of filesOf(DIST)) {
      assert.ok(fs.readFileSync(path.join(dist, file)).equals(fs.readFileSync(path.join(DIST, file))), `${file} is as the build wrote it`);
    }

    fs.writeFileSync(path.join(dir, 'broken.json'), JSON.stringify({ office: OFFICE }));
    assert.throws(() => run(path.join(dir, 'broken.json')), /names no backend/);
    assert.ok(fs.readFileSync(path.join(dist, 'index.html')).equals(fs.readFileSync(path.join(DIST, 'index.html'))), 'nothing is written when the config is refused');

    fs.copyFileSync(path.join(dist, 'sw-retire.js'), path.join(dist, 'sw.js'));
    fs.writeFileSync(path.join(dir, 'config.json'), JSON.stringify(CONFIG));
    assert.match(run(path.join(dir, 'config.json')), /retire script: left as it is/);
    assert.ok(fs.readFileSync(path.join(dist, 'sw.js')).equals(fs.readFileSync(path.join(dist, 'sw-retire.js'))), 'sw.js is still the retire script');
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});

test('scripts/release.sh packs the build, deploy/ and the reconfigure command, with its checksum; the command runs from it with node alone; nginx serves it as shipped, embedded on a second origin, offline after a visit', { timeout: 120_000 }, async () => {
  const out = fs.mkdtempSync(path.join(os.tmpdir(), 'ppid-release-'));
  try {
    const version = fs.readFileSync(path.join(ROOT, 'Cargo.toml'), 'utf8').match(/^version = "([^"]+)"$/m)[1];
    const name = `ppid-portal-${version}`;
    execFileSync(path.join(ROOT, 'scripts', 'release.sh'), [out], { cwd: ROOT, stdio: 'pipe', env: { ...process.env, PPID_DIST: DIST } });
    const archive = path.join(out, `${name}.tar.gz`);
    const sum = crypto.createHash('sha256').update(fs.readFileSync(archive)).digest('hex');
    assert.equal(fs.readFileSync(`${archive}.sha256`, 'utf8'), `${sum}  ${name}.tar.gz\n`, 'the .sha256 is the archive\'s, in sha256sum -c form');

    const unpacked = path.join(out, 'unpacked');
    fs.mkdirSync(unpacked);
    execFileSync('tar', ['xzf', archive, '-C', unpacked]);
    const root = path.join(unpacked, name);
    for (const file of ['deploy/nginx.conf', 'deploy/nginx-subpath.conf', 'deploy/apache.htaccess', 'deploy/Caddyfile', 'deploy/INSTALL.md', 'scripts/reconfigure.mjs']) {
      assert.ok(fs.readFileSync(path.join(root, file)).equals(fs.readFileSync(path.join(ROOT, file))), `${file} as in the repository`);
    }
    const install = fs.readFileSync(path.join(root, 'deploy', 'INSTALL.md'), 'utf8');
    assert.match(install, /## Bahasa Indonesia[\s\S]*reconfigure\.mjs[\s\S]*## English[\s\S]*reconfigure\.mjs/, 'INSTALL.md says how, in Indonesian and in English');
    assert.deepEqual(filesOf(path.join(root, 'dist')), filesOf(DIST), 'dist/ is the whole build, compressed copies too (dcb/ with them)');
    assert.equal(fs.existsSync(path.join(root, 'node_modules')) || fs.existsSync(path.join(root, 'tests')), false, 'no npm packages');

    // With node alone: no terser to minify with, so sw.js comes out as the template is; it still lists true hashes.
    fs.writeFileSync(path.join(out, 'config.json'), JSON.stringify(CONFIG));
    const said = execFileSync(process.execPath, [path.join(root, 'scripts', 'reconfigure.mjs'), path.join(root, 'dist'), path.join(out, 'config.json')], { cwd: out, encoding: 'utf8', stdio: 'pipe' });
    assert.match(said, /unminified/);
    assertWorkerMatches(path.join(root, 'dist'));
    assert.match(fs.readFileSync(path.join(root, 'dist', 'index.html'), 'utf8'), /<p id=noscript-office>PPID Kabupaten Tanah \$&#38; &#34;Baru&#34; &#60;b&#62;<br>/);
    // Served as a newcomer serves it: Debian's nginx with deploy/nginx.conf as shipped, the backend behind it
    // at /api/, and embedded on the regency's own site, a second origin named in embed_origins and in the
    // policy's frame-ancestors.
    assert.ok(NGINX, 'nginx is installed (scripts/setup.sh installs nginx-light)');
    let front;
    const host = await startStaticServer((p) => {
      if (p === '/') return ['text/html; charset=utf-8', HOST_PAGE.html(front.url)];
      if (p === '/host.css') return ['text/css; charset=utf-8', HOST_PAGE.css];
      return null;
    });
    const api = await startServer({ args: NOW_ARGS, csp: false });
    try {
      fs.writeFileSync(path.join(out, 'config.json'), JSON.stringify({ ...CONFIG, embed_origins: [host.url] }));
      execFileSync(process.execPath, [path.join(root, 'scripts', 'reconfigure.mjs'), path.join(root, 'dist'), path.join(out, 'config.json')], { cwd: out, stdio: 'pipe' });
      front = await startFront({ backend: api.url, dist: path.join(root, 'dist'), connectSrc: "'self'", frameAncestors: `'self' ${host.url}` });
      await withPage('release-embedded', async (page) => {
        await page.goto(`${host.url}/`);
        const frame = await (await page.waitForSelector('iframe.ppid-embed-frame', { state: 'attached', timeout: 10_000 })).contentFrame();
        await frame.waitForSelector('main#main h1', { timeout: 20_000 });
        assert.equal((await frame.locator('.brand-name').first().innerText()).trim(), CONFIG.theme.name, 'the frame shows the regency\'s portal');
        await frame.locator('a[href$="/informasi"]').first().click();
        await waitResults(frame);
        assert.ok((await readResults(frame)).titles.length > 0, 'the catalogue in the frame lists the backend\'s items through nginx');
      }, { errors: 'uncaught' });
      await withPage('release', async (page) => {
        await page.goto(`${front.url}/`);
        await waitForApp(page);
        await page.waitForFunction(() => navigator.serviceWorker?.controller?.state === 'activated', null, { timeout: 30_000 });
        await page.context().setOffline(true);
        await page.reload();
        await waitForApp(page);
      }, { errors: 'uncaught' });
    } finally {
      await front?.stop();
      await api.stop();
      await host.stop();
    }
  } finally {
    fs.rmSync(out, { recursive: true, force: true });
  }
});
