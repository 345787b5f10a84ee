#!/usr/bin/env node
// Transfer-size budget for the built app: gzip (zlib level 9) every file under dist/ that a browser
// downloads, print a table and totals, write target/size-report.json, and fail over budget.
//
// Two groups:
//   portal  - what every citizen downloads on a first visit (index.html, the app's wasm, JS, CSS,
//             config.json, favicon). Budget: 250 KB (250,000 bytes) gzip; the goal is 180 KB.
//   later   - fetched only by the page that needs it, never on a first visit (receipt.js: the receipt's
//             QR code and calendar file). Reported, and budgeted at 10 KB.
//   demo    - the embedded demo backend (a Web Worker and its data set), fetched only when
//             config.json chooses "demo". Reported, and checked against its own budget.
//
// usage: node scripts/size-check.mjs [DIST_DIR]   (default: dist/ at the repository root)

import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { fileURLToPath } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const DIST = path.resolve(ROOT, process.argv[2] || 'dist');
const BUDGET = { portal: 250_000, later: 10_000, demo: 200_000 };
const GOAL_PORTAL = 180_000;
const KINDS = { '.wasm': 'wasm', '.js': 'js', '.mjs': 'js', '.css': 'css', '.html': 'html', '.json': 'json', '.svg': 'svg' };
const isDemo = (file) => file.startsWith('demo-backend') || file === 'seed.json';
const isLater = (file) => file === 'receipt.js';
const groupOf = (file) => (isDemo(file) ? 'demo' : isLater(file) ? 'later' : 'portal');

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

const sum = (of) => ({ files: of.length, raw: of.reduce((s, f) => s + f.raw, 0), gzip: of.reduce((s, f) => s + f.gzip, 0) });
const totals = {};
for (const group of ['portal', 'later', 'demo']) {
  totals[group] = sum(files.filter((f) => f.group === group));
  for (const kind of ['wasm', 'js', 'css', 'html', 'json', 'svg']) {
    const of = files.filter((f) => f.group === group && f.kind === kind);
    if (of.length) totals[`${group} ${kind}`] = sum(of);
  }
}

const kb = (n) => (n / 1000).toFixed(1);
const width = Math.max(24, ...files.map((f) => f.file.length + 9));
const row = (a, b, c) => `${a.padEnd(width)}  ${String(b).padStart(10)}  ${String(c).padStart(10)}`;
console.log(row('file', 'raw bytes', 'gzip bytes'));
console.log('-'.repeat(width + 24));
for (const f of files) console.log(row(`${f.group.padEnd(7)}  ${f.file}`, f.raw, f.gzip));
console.log('-'.repeat(width + 24));
for (const [name, t] of Object.entries(totals)) console.log(row(`total ${name} (${t.files})`, t.raw, t.gzip));

const portal = totals.portal.gzip;
const demo = totals.demo.gzip;
console.log(`size: portal first load ${kb(portal)} KB gzip (budget ${kb(BUDGET.portal)} KB, goal ${kb(GOAL_PORTAL)} KB)`);
console.log(`size: fetched later by the pages that need them ${kb(totals.later.gzip)} KB gzip (budget ${kb(BUDGET.later)} KB)`);
console.log(`size: demo backend ${kb(demo)} KB gzip, fetched only in demo mode (budget ${kb(BUDGET.demo)} KB)`);
console.log(`size: demo-mode first load in total ${kb(portal + demo)} KB gzip`);

const over = Object.keys(BUDGET).filter((g) => totals[g].gzip > BUDGET[g]);
const report = { budget_gzip_bytes: BUDGET, goal_portal_gzip_bytes: GOAL_PORTAL, over_budget: over, totals, files };
const reportPath = path.join(ROOT, 'target', 'size-report.json');
fs.mkdirSync(path.dirname(reportPath), { recursive: true });
fs.writeFileSync(reportPath, JSON.stringify(report, null, 2) + '\n');

for (const g of over) console.error(`size-check: ${g} is over budget by ${kb(totals[g].gzip - BUDGET[g])} KB`);
process.exit(over.length ? 1 : 0);
