#!/usr/bin/env node
// Trunk post_build hook (Trunk.toml): minifies the app's wasm-bindgen JS glue, which Trunk's own
// minifier cannot parse, and updates its Subresource Integrity hash in index.html; then moves the
// inline boot script Trunk writes into index.html into a hashed file, so the app runs under a CSP
// without 'unsafe-inline'.
// Runs inside Trunk with TRUNK_STAGING_DIR set; does nothing for debug builds.

import fs from 'node:fs';
import path from 'node:path';
import crypto from 'node:crypto';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const staging = process.env.TRUNK_STAGING_DIR;
if (!staging) {
  console.error('post-build: TRUNK_STAGING_DIR is not set (run through `trunk build`)');
  process.exit(1);
}
if (process.env.TRUNK_PROFILE !== 'release') process.exit(0);

const require = createRequire(path.join(ROOT, 'tests', 'package.json'));
const { minify } = require('terser');

const indexPath = path.join(staging, 'index.html');
let html = fs.readFileSync(indexPath, 'utf8');
for (const name of fs.readdirSync(staging).filter((f) => /^ppid-portal-[0-9a-f]+\.js$/.test(f) || f === 'receipt.js')) {
  const file = path.join(staging, name);
  const source = fs.readFileSync(file, 'utf8');
  const result = await minify(source, { module: name !== 'receipt.js', compress: { passes: 2 }, mangle: true });
  fs.writeFileSync(file, result.code);
  const oldHash = 'sha384-' + crypto.createHash('sha384').update(source).digest('base64');
  const newHash = 'sha384-' + crypto.createHash('sha384').update(result.code).digest('base64');
  if (html.includes(oldHash)) html = html.split(oldHash).join(newHash);
  console.log(`post-build: ${name} ${source.length} -> ${result.code.length} bytes`);
}
// The inline `<script type=module>` that imports the glue and starts the wasm.
const inline = html.match(/<script type=module>([\s\S]*?)<\/script>/);
if (inline) {
  const code = inline[1];
  const digest = crypto.createHash('sha256').update(code).digest('hex').slice(0, 16);
  const name = `boot-${digest}.js`;
  fs.writeFileSync(path.join(staging, name), code);
  const prefix = (html.match(/href=([^ >]*?)ppid-portal-[0-9a-f]+\.js/) || [, '/'])[1];
  const sri = 'sha384-' + crypto.createHash('sha384').update(code).digest('base64');
  html = html.replace(inline[0], `<script type=module src=${prefix}${name} integrity=${sri}></script>`);
  console.log(`post-build: inline boot script moved to ${name}`);
}
if (/<script(?![^>]*\bsrc=)[^>]*>/.test(html)) {
  console.error('post-build: index.html still has an inline script; a strict CSP would block it');
  process.exit(1);
}
fs.writeFileSync(indexPath, html);
