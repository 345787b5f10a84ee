#!/usr/bin/env node
// Transfer-size budget for the built app: gzip (zlib level 9) every .wasm, .js, .css and .html file
// under dist/, print a table and totals, write target/size-report.json, and fail over budget.
//
// usage: node scripts/size-check.mjs [DIST_DIR]   (default: dist/ at the repository root)

import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { fileURLToPath } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const DIST = path.resolve(ROOT, process.argv[2] || 'dist');
const BUDGET_BYTES = 256000; // 250 KB
const KINDS = { '.wasm': 'wasm', '.js': 'js', '.mjs': 'js', '.css': 'css', '.html': 'html' };

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
  files.push({ file: path.relative(DIST, full).split(path.sep).join('/'), kind, raw: raw.length, gzip });
}

const totals = {};
for (const kind of ['wasm', 'js', 'css', 'html', 'all']) {
  const of = files.filter((f) => kind === 'all' || f.kind === kind);
  totals[kind] = { files: of.length, raw: of.reduce((s, f) => s + f.raw, 0), gzip: of.reduce((s, f) => s + f.gzip, 0) };
}

const kb = (n) => (n / 1024).toFixed(1);
const width = Math.max(20, ...files.map((f) => f.file.length));
const row = (a, b, c) => `${a.padEnd(width)}  ${String(b).padStart(10)}  ${String(c).padStart(10)}`;
console.log(row('file', 'raw bytes', 'gzip bytes'));
console.log('-'.repeat(width + 24));
for (const f of files) console.log(row(f.file, f.raw, f.gzip));
console.log('-'.repeat(width + 24));
for (const [kind, t] of Object.entries(totals)) console.log(row(`total ${kind} (${t.files})`, t.raw, t.gzip));

const total = totals.all.gzip;
const over = total > BUDGET_BYTES;
console.log(`size: total gzip ${kb(total)} KB (budget ${BUDGET_BYTES / 1024} KB)`);

const report = {
  dist: path.relative(ROOT, DIST).startsWith('..') ? DIST : path.relative(ROOT, DIST) || '.',
  budget_gzip_bytes: BUDGET_BYTES,
  total_gzip_bytes: total,
  within_budget: !over,
  totals,
  files,
};
const reportPath = path.join(path.dirname(DIST), 'target', 'size-report.json');
fs.mkdirSync(path.dirname(reportPath), { recursive: true });
fs.writeFileSync(reportPath, JSON.stringify(report, null, 2) + '\n');

if (over) {
  console.error(`size-check: over budget by ${kb(total - BUDGET_BYTES)} KB`);
  process.exit(1);
}
