#!/usr/bin/env node
// Transfer-size budget for the built app: gzip (zlib level 9) every file under dist/ that a browser
// downloads, print a table and totals, write target/size-report.json, and fail over budget.
//
// The portal ships as four bundles (`app::Bundle` in src/app.rs); boot.js loads one per page. Each
// first load is the shared files (index.html, boot.js, CSS, config.json, favicon) plus one bundle:
//   portal  - home, the catalogue, its items, about: the main bundle (ppid-portal-*.js and .wasm).
//   forms   - the request wizard and its receipt: the forms bundle (ppid-forms.js and .wasm).
//   objection - the objection pages (ppid-objection.js and .wasm).
//   status  - the status page, the statistics and the dispute route (ppid-status.js and .wasm).
// Each is budgeted at 250 KB (250,000 bytes) gzip; the goal is 180 KB.
// And, never part of a first load:
//   later   - fetched only by the page that needs it (receipt.js: the receipt's QR code and
//             calendar file), only in a frame (framed.js: the portal's side of embedding), or after
//             the page is up (sw.js: the service worker, which also keeps sw-retire.js, the script a
//             regency copies over sw.js to retire it). Budget 10 KB.
//   demo    - the embedded demo backend (a Web Worker and its data set), fetched only when
//             config.json chooses "demo". Budget 200 KB.
//   kiosk   - the kiosk's bar and idle timer (ppid-kiosk.js and .wasm), added by a page only when
//             config.json says "kiosk": true (a counter's screen on the office network). Budget 50 KB.
//   embed   - embed.js, the snippet regency sites load to frame the portal (issue 7); never loaded by
//             the portal itself. Budget 2 KB (2,000 bytes).
//
// usage: node scripts/size-check.mjs [DIST_DIR]   (default: dist/ at the repository root)

import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { fileURLToPath } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const DIST = path.resolve(ROOT, process.argv[2] || 'dist');
const BUDGET = { portal: 250_000, forms: 250_000, objection: 250_000, status: 250_000, later: 10_000, kiosk: 50_000, demo: 200_000, embed: 2_000 };
const GOAL_FIRST_LOAD = 180_000;
const FIRST_LOADS = ['portal', 'forms', 'objection', 'status'];
const KINDS = { '.wasm': 'wasm', '.js': 'js', '.mjs': 'js', '.css': 'css', '.html': 'html', '.json': 'json', '.svg': 'svg' };

/** The group of a file: `shared` files count in both first loads. */
function groupOf(file) {
  if (file.startsWith('demo-backend') || file === 'seed.json') return 'demo';
  if (file === 'embed.js') return 'embed';
  if (file === 'receipt.js' || file === 'framed.js' || file === 'sw.js' || file === 'sw-retire.js') return 'later';
  if (file.startsWith('ppid-kiosk')) return 'kiosk';
  if (file.startsWith('ppid-forms')) return 'forms';
  if (file.startsWith('ppid-objection')) return 'objection';
  if (file.startsWith('ppid-status')) return 'status';
  if (file.startsWith('ppid-portal')) return 'portal';
  return 'shared';
}

if (!fs.existsSync(DIST) || !fs.statSync(DIST).isDirectory()) {
  console.error(`size-check: no build at ${DIST}; run \`trunk build --release\` first`);
  process.exit(2);
}

function* walk(dir) {
  for (const entry of fs.readdirSync(dir, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) yield* walk(full);
    else if (entry.isFile()) yield full;
  }
}

const files = [];
for (const full of walk(DIST)) {
  const kind = KINDS[path.extname(full).toLowerCase()];
  if (!kind) continue;
  const raw = fs.readFileSync(full);
  const gzip = zlib.gzipSync(raw, { level: 9 }).length;
  const file = path.relative(DIST, full).split(path.sep).join('/');
  files.push({ file, group: groupOf(file), kind, raw: raw.length, gzip });
}
for (const bundle of FIRST_LOADS) {
  if (!files.some((f) => f.group === bundle && f.kind === 'wasm')) {
    console.error(`size-check: no ${bundle} bundle (wasm) in ${DIST}`);
    process.exit(2);
  }
}

const sum = (of) => ({ files: of.length, raw: of.reduce((s, f) => s + f.raw, 0), gzip: of.reduce((s, f) => s + f.gzip, 0) });
const totals = {};
for (const group of ['shared', 'portal', 'forms', 'objection', 'status', 'later', 'kiosk', 'demo', 'embed']) totals[group] = sum(files.filter((f) => f.group === group));
const firstLoad = {};
for (const bundle of FIRST_LOADS) firstLoad[bundle] = sum(files.filter((f) => f.group === bundle || f.group === 'shared'));

const kb = (n) => (n / 1000).toFixed(1);
const width = Math.max(24, ...files.map((f) => f.file.length + 9));
const row = (a, b, c) => `${a.padEnd(width)}  ${String(b).padStart(10)}  ${String(c).padStart(10)}`;
console.log(row('file', 'raw bytes', 'gzip bytes'));
console.log('-'.repeat(width + 24));
for (const f of files) console.log(row(`${f.group.padEnd(7)}  ${f.file}`, f.raw, f.gzip));
console.log('-'.repeat(width + 24));
for (const [name, t] of Object.entries(totals)) console.log(row(`total ${name} (${t.files})`, t.raw, t.gzip));
for (const [name, t] of Object.entries(firstLoad)) console.log(row(`first load, ${name} pages (${t.files})`, t.raw, t.gzip));

const checked = { ...firstLoad, later: totals.later, kiosk: totals.kiosk, demo: totals.demo, embed: totals.embed };
console.log(`size: first load of the portal pages (home, catalogue, items) ${kb(firstLoad.portal.gzip)} KB gzip (budget ${kb(BUDGET.portal)} KB, goal ${kb(GOAL_FIRST_LOAD)} KB)`);
console.log(`size: first load of the form pages (request) ${kb(firstLoad.forms.gzip)} KB gzip (budget ${kb(BUDGET.forms)} KB, goal ${kb(GOAL_FIRST_LOAD)} KB)`);
console.log(`size: first load of the objection pages (objection, its form) ${kb(firstLoad.objection.gzip)} KB gzip (budget ${kb(BUDGET.objection)} KB, goal ${kb(GOAL_FIRST_LOAD)} KB)`);
console.log(`size: first load of the status pages (status, statistics, dispute) ${kb(firstLoad.status.gzip)} KB gzip (budget ${kb(BUDGET.status)} KB, goal ${kb(GOAL_FIRST_LOAD)} KB)`);
console.log(`size: fetched later (receipt.js by the pages that need it, framed.js in a frame, sw.js once the page is up) ${kb(totals.later.gzip)} KB gzip (budget ${kb(BUDGET.later)} KB)`);
console.log(`size: kiosk bar ${kb(totals.kiosk.gzip)} KB gzip, fetched only in kiosk mode (budget ${kb(BUDGET.kiosk)} KB)`);
console.log(`size: demo backend ${kb(totals.demo.gzip)} KB gzip, fetched only in demo mode (budget ${kb(BUDGET.demo)} KB)`);
console.log(`size: embed snippet (embed.js, on regency sites) ${totals.embed.gzip} bytes gzip (budget ${BUDGET.embed} bytes)`);

const over = Object.keys(BUDGET).filter((g) => checked[g].gzip > BUDGET[g]);
const report = { budget_gzip_bytes: BUDGET, goal_first_load_gzip_bytes: GOAL_FIRST_LOAD, over_budget: over, first_load: firstLoad, totals, files };
const reportPath = path.join(ROOT, 'target', 'size-report.json');
fs.mkdirSync(path.dirname(reportPath), { recursive: true });
fs.writeFileSync(reportPath, JSON.stringify(report, null, 2) + '\n');

for (const g of over) console.error(`size-check: ${g} is over budget by ${kb(checked[g].gzip - BUDGET[g])} KB`);
process.exit(over.length ? 1 : 0);
