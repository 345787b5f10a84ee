#!/usr/bin/env node
// Transfer-size budget for the built app: gzip (zlib level 9) every file under dist/ that a browser
// downloads, print a table and totals, write target/size-report.json, and fail over budget. The brotli
// column is what ppid-server and a CDN send to browsers that accept it: the build's `<file>.br` copy
// (scripts/post-build.mjs), or brotli quality 11 where there is none (config.json); those copies and the
// `.gz` ones are other encodings of a file, never files of a bundle. The budgets stay gzip, the
// encoding every browser and web server has. For each file the build also compressed against the main
// bundle's (`dcb/<hash>/<file>`), that copy's size is printed: what a browser that has the main bundle receives.
//
// The bundles, which files are whose, and every budget are in bundles.json (read by scripts/bundles.mjs).
// The boot script loads one page bundle per page (`app::Bundle`), so each page bundle is budgeted as a
// first load: its own files plus the shared ones that no row of bundles.json names (index.html, the boot
// script, CSS, config.json, the icon). Everything else is never part of a first load and is budgeted on
// its own: the kiosk's bar (only at a kiosk), the demo backend (only in demo mode), the files fetched
// later (receipt.js by the pages that need it, framed.js only in a frame, sw.js and sw-retire.js, the
// script a regency copies over sw.js to retire it) and embed.js (on regency sites, never loaded by the
// portal itself).
//
// usage: node scripts/size-check.mjs [DIST_DIR]   (default: dist/ at the repository root)

import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { fileURLToPath } from 'node:url';
import { bundles, other, goalFirstLoad, labelOf, isCompressedCopy } from './bundles.mjs';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const DIST = path.resolve(ROOT, process.argv[2] || 'dist');
const GROUPS = [...bundles, ...other];
const BUDGET = Object.fromEntries(GROUPS.map((g) => [g.label, g.budget]));
/** The bundles a page starts with: each is a first load. */
const FIRST_LOADS = bundles.filter((b) => b.loads === 'main' || b.loads === 'route').map((b) => b.label);
const KINDS = { '.wasm': 'wasm', '.js': 'js', '.mjs': 'js', '.css': 'css', '.html': 'html', '.json': 'json', '.svg': 'svg' };

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
/** The brotli bytes of a file: its `.br` copy when the build wrote one, else quality 11 here. */
function brotliSize(full, raw) {
  const copy = `${full}.br`;
  if (fs.existsSync(copy) && fs.statSync(copy).mtimeMs >= fs.statSync(full).mtimeMs) return fs.statSync(copy).size;
  const params = { [zlib.constants.BROTLI_PARAM_QUALITY]: zlib.constants.BROTLI_MAX_QUALITY, [zlib.constants.BROTLI_PARAM_SIZE_HINT]: raw.length };
  return Math.min(raw.length, zlib.brotliCompressSync(raw, { params }).length);
}

for (const full of walk(DIST)) {
  // `x.wasm.br` and `x.wasm.gz` are x.wasm, sent compressed: counted in its brotli column, not as files.
  const kind = KINDS[path.extname(full).toLowerCase()];
  const file = path.relative(DIST, full).split(path.sep).join('/');
  if (!kind || isCompressedCopy(file)) continue;
  const raw = fs.readFileSync(full);
  const gzip = zlib.gzipSync(raw, { level: 9 }).length;
  const brotli = brotliSize(full, raw);
  files.push({ file, group: labelOf(file), kind, raw: raw.length, gzip, brotli });
}
for (const bundle of FIRST_LOADS) {
  if (!files.some((f) => f.group === bundle && f.kind === 'wasm')) {
    console.error(`size-check: no ${bundle} bundle (wasm) in ${DIST}`);
    process.exit(2);
  }
}

const total = (of, key) => of.reduce((s, f) => s + f[key], 0);
const sum = (of) => ({ files: of.length, raw: total(of, 'raw'), gzip: total(of, 'gzip'), brotli: total(of, 'brotli') });
const totals = {};
for (const group of ['shared', ...GROUPS.map((g) => g.label)]) totals[group] = sum(files.filter((f) => f.group === group));
const firstLoad = {};
for (const bundle of FIRST_LOADS) firstLoad[bundle] = sum(files.filter((f) => f.group === bundle || f.group === 'shared'));

const kb = (n) => (n / 1000).toFixed(1);
const width = Math.max(24, ...files.map((f) => f.file.length + 9));
const row = (a, ...n) => `${a.padEnd(width)}${n.map((v) => `  ${String(v).padStart(12)}`).join('')}`;
console.log(row('file', 'raw bytes', 'gzip bytes', 'brotli bytes'));
console.log('-'.repeat(width + 42));
for (const f of files) console.log(row(`${f.group.padEnd(7)}  ${f.file}`, f.raw, f.gzip, f.brotli));
console.log('-'.repeat(width + 42));
for (const [name, t] of Object.entries(totals)) console.log(row(`total ${name} (${t.files})`, t.raw, t.gzip, t.brotli));
for (const [name, t] of Object.entries(firstLoad)) console.log(row(`first load, ${name} pages (${t.files})`, t.raw, t.gzip, t.brotli));

const checked = Object.fromEntries(GROUPS.map((g) => [g.label, FIRST_LOADS.includes(g.label) ? firstLoad[g.label] : totals[g.label]]));
// In bytes where the budget is a few kilobytes.
const amount = (n, budget) => (budget < 10_000 ? `${n} bytes` : `${kb(n)} KB`);
for (const g of GROUPS) {
  const goal = FIRST_LOADS.includes(g.label) ? `, goal ${kb(goalFirstLoad)} KB` : '';
  const { gzip, brotli } = checked[g.label];
  console.log(`size: ${g.what}: ${amount(gzip, g.budget)} gzip, ${amount(brotli, g.budget)} brotli (budget ${amount(g.budget, g.budget)} gzip${goal})`);
}

// A browser that has the main bundle gets each of these as its copy against it (README, "Compression").
const copiesDir = path.join(DIST, 'dcb');
const copies = fs.existsSync(copiesDir) ? [...walk(copiesDir)] : [];
for (const f of files) {
  const copy = copies.find((c) => path.basename(c) === f.file);
  if (copy) console.log(`size: ${f.file} against the main bundle (dcb/): ${kb(fs.statSync(copy).size)} KB (${kb(f.brotli)} KB brotli alone)`);
}

const over = Object.keys(BUDGET).filter((g) => checked[g].gzip > BUDGET[g]);
const report = { budget_gzip_bytes: BUDGET, goal_first_load_gzip_bytes: goalFirstLoad, over_budget: over, first_load: firstLoad, totals, files };
const reportPath = path.join(ROOT, 'target', 'size-report.json');
fs.mkdirSync(path.dirname(reportPath), { recursive: true });
fs.writeFileSync(reportPath, JSON.stringify(report, null, 2) + '\n');

for (const g of over) console.error(`size-check: ${g} is over budget by ${kb(checked[g].gzip - BUDGET[g])} KB`);
process.exit(over.length ? 1 : 0);
