#!/usr/bin/env node
// Trunk post_build hook (Trunk.toml).
//
// 1. Release builds: minifies the app's wasm-bindgen JS glue (and receipt.js, embed.js, framed.js), which Trunk's own
//    minifier cannot parse, and updates its Subresource Integrity hash in index.html.
// 2. Every build: replaces the inline boot script Trunk writes into index.html with a hashed file
//    (so the app runs under a CSP without 'unsafe-inline') that picks one of the portal's four
//    bundles by path (`app::Bundle` in src/app.rs): the forms bundle (`ppid-forms`) for /permohonan,
//    the objection bundle (`ppid-objection`) for /keberatan, the status bundle (`ppid-status`) for
//    /status, /statistik and /keberatan/sengketa, the main bundle for every
//    other page. Trunk builds the extra bundles as classic scripts, the only way it builds more
//    than one wasm. The preload links for the main bundle go: another bundle's page must not
//    download it. A bundle's JS and wasm downloads start at once instead. In a frame (a regency page
//    embedding the portal, issue 7) it also loads framed.js.
// Runs inside Trunk with TRUNK_STAGING_DIR set.

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
const release = process.env.TRUNK_PROFILE === 'release';

const require = createRequire(path.join(ROOT, 'tests', 'package.json'));
const { minify } = require('terser');

const indexPath = path.join(staging, 'index.html');
let html = fs.readFileSync(indexPath, 'utf8');
for (const name of fs.readdirSync(staging).filter((f) => release && (/^ppid-portal-[0-9a-f]+\.js$/.test(f) || ['receipt.js', 'embed.js', 'framed.js', 'ppid-forms.js', 'ppid-objection.js', 'ppid-status.js'].includes(f)))) {
  const file = path.join(staging, name);
  const source = fs.readFileSync(file, 'utf8');
  const result = await minify(source, { module: name.startsWith('ppid-portal'), compress: { passes: 2 }, mangle: true });
  fs.writeFileSync(file, result.code);
  const oldHash = 'sha384-' + crypto.createHash('sha384').update(source).digest('base64');
  const newHash = 'sha384-' + crypto.createHash('sha384').update(result.code).digest('base64');
  if (html.includes(oldHash)) html = html.split(oldHash).join(newHash);
  console.log(`post-build: ${name} ${source.length} -> ${result.code.length} bytes`);
}
// The kiosk's wasm (offline::kiosk_bar) is added as a classic script to a page that already runs a
// bundle: its glue's global is renamed so it does not clash with that bundle's `wasm_bindgen`, and it
// starts itself with its wasm beside it.
{
  const file = path.join(staging, 'ppid-kiosk.js');
  if (!fs.existsSync(file)) {
    console.error('post-build: ppid-kiosk.js is missing; see the ppid-kiosk link in index.html');
    process.exit(1);
  }
  const glue = fs.readFileSync(file, 'utf8');
  if (!/\bwasm_bindgen\b/.test(glue)) {
    console.error('post-build: ppid-kiosk.js has no wasm_bindgen global; see scripts/post-build.mjs');
    process.exit(1);
  }
  const started = glue.replace(/\bwasm_bindgen\b/g, 'ppidKiosk') +
    "\nppidKiosk({ module_or_path: new URL('ppid-kiosk_bg.wasm', document.currentScript.src) });\n";
  fs.writeFileSync(file, release ? (await minify(started, { compress: { passes: 2 }, mangle: true })).code : started);
}
// The inline `<script type=module>` that imports the glue and starts the wasm.
const inline = html.match(/<script type=module>([\s\S]*?)<\/script>/);
if (inline) {
  const glue = inline[1].match(/from '([^']*ppid-portal-[0-9a-f]+\.js)'/);
  const wasm = inline[1].match(/module_or_path: '([^']*ppid-portal-[0-9a-f]+_bg\.wasm)'/);
  if (!glue || !wasm || !['ppid-forms.js', 'ppid-objection.js', 'ppid-status.js'].every((f) => fs.existsSync(path.join(staging, f)))) {
    console.error('post-build: the boot script or a bundle is not what this hook expects; see scripts/post-build.mjs');
    process.exit(1);
  }
  const base = (href) => href.slice(href.lastIndexOf('/') + 1);
  const code = `// Starts the portal: the forms bundle for /permohonan, the status bundle for /status, /statistik and /keberatan/sengketa, the objection bundle for the rest of /keberatan,
// the main bundle otherwise (app::Bundle).
// Easy mode (components::access), before anything is drawn.
try { if (localStorage.getItem('ppid.easy') === '1') document.documentElement.setAttribute('data-easy', ''); } catch {}
const root = new URL('.', import.meta.url);
globalThis.ppidRoot = root.href;
const at = (file) => new URL(file, root).href;
if (parent !== window) document.head.append(Object.assign(document.createElement('script'), { src: at('framed.js') }));
const here = location.pathname.startsWith(root.pathname) ? location.pathname.slice(root.pathname.length) : '';
const bundle = /^permohonan(\\/|$)/.test(here) ? 'ppid-forms' : /^(status|statistik|keberatan\\/sengketa)(\\/|$)/.test(here) ? 'ppid-status' : /^keberatan(\\/|$)/.test(here) ? 'ppid-objection' : null;
let wasm;
if (bundle) {
  const module = fetch(at(\`\${bundle}_bg.wasm\`));
  await new Promise((resolve, reject) => {
    const script = document.createElement('script');
    script.src = at(\`\${bundle}.js\`);
    script.onload = resolve;
    script.onerror = reject;
    document.head.append(script);
  });
  wasm = await wasm_bindgen({ module_or_path: module });
} else {
  const module = fetch(at('${base(wasm[1])}'));
  const glue = await import(at('${base(glue[1])}'));
  wasm = await glue.default({ module_or_path: module });
}
dispatchEvent(new CustomEvent('TrunkApplicationStarted', { detail: { wasm } }));
`;
  const digest = crypto.createHash('sha256').update(code).digest('hex').slice(0, 16);
  const name = `boot-${digest}.js`;
  fs.writeFileSync(path.join(staging, name), code);
  const prefix = (html.match(/href=([^ >]*?)ppid-portal-[0-9a-f]+\.js/) || [, '/'])[1];
  const sri = 'sha384-' + crypto.createHash('sha384').update(code).digest('base64');
  html = html.replace(inline[0], () => `<script type=module src=${prefix}${name} integrity=${sri}></script>`);
  // The icon is a plain link in index.html: under a sub-path (`--public-url /ppid/`) it moves too.
  html = html.replace(/href="?\/favicon\.svg"?/, () => `href=${prefix}favicon.svg`);
  // The main bundle's preloads: boot.js starts the download of whichever bundle the page needs.
  html = html.replace(/<link[^>]*ppid-portal-[0-9a-f]+(_bg\.wasm|\.js)[^>]*>/g, '');
  console.log(`post-build: inline boot script moved to ${name}`);
}
// The contact shown without JavaScript: the office in the build's config.json, as index.html cannot
// read it at run time (edit dist/index.html too when config.json's office changes after the build).
{
  let office = null;
  try {
    office = JSON.parse(fs.readFileSync(path.join(staging, 'config.json'), 'utf8')).office ?? null;
  } catch {
    console.error('post-build: config.json is unreadable; the page without JavaScript names no office');
  }
  const escape = (v) => String(v).replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
  const lines = office ? [office.name, office.address, office.hours, office.phone, office.email].filter((v) => typeof v === 'string' && v) : [];
  const filled = lines.length ? `<p id=noscript-office>${lines.map(escape).join('<br>')}</p>` : '';
  const before = html;
  // A function, not a replacement string: `$&`, `$1` or `$$` in an office's name or address are text.
  html = html.replace(/<p id="?noscript-office"?>\s*<\/p>/, () => filled);
  if (html === before && filled) {
    console.error('post-build: index.html has no <p id="noscript-office"></p> to fill');
    process.exit(1);
  }
}
if (/<script(?![^>]*\bsrc=)[^>]*>/.test(html)) {
  console.error('post-build: index.html still has an inline script; a strict CSP would block it');
  process.exit(1);
}
fs.writeFileSync(indexPath, html);

// 3. Every build: the service worker. public/sw.js is a template; its version and file lists come from
//    the files in the staging dir, each with the start of its SHA-256 (the worker checks them), so the
//    list is never kept by hand. config.json is not a build file (each deployment has its own): the
//    worker keeps it as data. The demo backend's files are a list of their own, fetched only in demo mode.
const files = [];
(function walk(dir) {
  for (const entry of fs.readdirSync(dir, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
    if (entry.name.startsWith('.')) continue;
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) walk(full);
    else if (entry.isFile()) files.push(path.relative(staging, full).split(path.sep).join('/'));
  }
})(staging);
const hashOf = (file) => crypto.createHash('sha256').update(fs.readFileSync(path.join(staging, file))).digest('hex').slice(0, 16);
const isDemo = (file) => file.startsWith('demo-backend') || file === 'seed.json';
const precached = files.filter((f) => f !== 'sw.js' && f !== 'config.json').map((f) => [f, hashOf(f)]);
const shell = precached.filter(([f]) => !isDemo(f));
const demo = precached.filter(([f]) => isDemo(f));
const version = crypto.createHash('sha256').update(JSON.stringify(precached)).digest('hex').slice(0, 16);
let sw = fs.readFileSync(path.join(ROOT, 'public', 'sw.js'), 'utf8');
for (const [marker, value] of [['version', `'${version}'`], ['shell', JSON.stringify(shell)], ['demo', JSON.stringify(demo)]]) {
  const line = new RegExp(`^(const \\w+ = ).*; // ppid:${marker}$`, 'm');
  if (!line.test(sw)) {
    console.error(`post-build: public/sw.js has no \`// ppid:${marker}\` line for this hook to fill in`);
    process.exit(1);
  }
  sw = sw.replace(line, (_, start) => `${start}${value};`);
}
if (release) sw = (await minify(sw, { compress: { passes: 2 }, mangle: true })).code;
fs.writeFileSync(path.join(staging, 'sw.js'), sw);
console.log(`post-build: sw.js, build ${version}: ${shell.length} files, ${demo.length} more in demo mode`);
