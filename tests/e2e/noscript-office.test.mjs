// The office put into index.html's <noscript> by the build hook (scripts/post-build.mjs): an office's
// name, address or hours holding `$&`, `$1`, `$$`, `$'`, quotes or markup appear as typed, as text, on
// the page a browser without JavaScript shows. Runs the hook as Trunk does, on a small staging folder.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ROOT, useServers, withServer } from './harness.mjs';
import { pageRunner } from './page.mjs';
import { routed } from '../../scripts/bundles.mjs';

const OFFICE = {
  name: 'PPID $& Kab. "Sukamaju" $1 <b>tebal</b>',
  address: "Jl. Merdeka No. $$10 & $' $` $<name> </p><script>alert(1)</script>",
  hours: 'Senin–Kamis 08.00–15.30',
  phone: '(0123) 456',
  email: 'ppid@sukamaju.go.id',
};

let staging;
const env = useServers({}, {
  async setup() {
    staging = fs.mkdtempSync(path.join(os.tmpdir(), 'ppid-post-build-'));
    // What the hook needs from a build: index.html with the empty paragraph, the kiosk's glue, a file of
    // each route bundle (the service worker's lists name them), config.json.
    const index = fs.readFileSync(path.join(ROOT, 'index.html'), 'utf8').replace(/<link data-trunk[^>]*>/g, '');
    fs.writeFileSync(path.join(staging, 'index.html'), index);
    fs.writeFileSync(path.join(staging, 'ppid-kiosk.js'), 'let wasm_bindgen;');
    for (const bundle of routed) fs.writeFileSync(path.join(staging, `${bundle.name}.js`), 'let wasm_bindgen;');
    fs.writeFileSync(path.join(staging, 'config.json'), JSON.stringify({ api_base: 'demo', office: OFFICE }));
    execFileSync(process.execPath, [path.join(ROOT, 'scripts', 'post-build.mjs')], {
      cwd: ROOT,
      env: { ...process.env, TRUNK_STAGING_DIR: staging, TRUNK_PROFILE: 'debug' },
      stdio: 'pipe',
    });
  },
  async teardown() {
    if (staging) fs.rmSync(staging, { recursive: true, force: true });
  },
});
const withPage = pageRunner('noscript-office', env, { context: { javaScriptEnabled: false }, errors: 'none' });

test('the office in <noscript> is the text typed in config.json, escaped, with nothing of it run or parsed as markup', { timeout: 30_000 }, async () => {
  const html = fs.readFileSync(path.join(staging, 'index.html'), 'utf8');
  assert.equal((html.match(/<p id=noscript-office>/g) ?? []).length, 1, 'one office paragraph');
  assert.doesNotMatch(html, /<script>alert/, 'no markup from the office');
  await withServer({ dist: staging }, (server) => withPage('office', async (page) => {
    await page.goto(`${server.url}/`);
    const office = page.locator('#noscript-office');
    assert.equal(await office.count(), 1);
    const lines = (await office.innerText()).split('\n').map((l) => l.trim());
    assert.deepEqual(lines, [OFFICE.name, OFFICE.address, OFFICE.hours, OFFICE.phone, OFFICE.email], 'each line as typed');
    assert.equal(await page.locator('main.noscript b, main.noscript script').count(), 0, 'no element from the office text');
  }));
});
