#!/usr/bin/env node
// Applies a regency's config.json to a built portal without building it again:
//
//   node scripts/reconfigure.mjs <dist> <config.json>
//
// config.json is read at run time, but a build also writes what it says into other files: the office in
// index.html's <noscript> page, the header's name in the prerendered home and catalogue, and the service
// worker's list of files with their hashes, which every file must match or the worker refuses to install
// (and offline never works). This writes config.json into <dist> and brings each of those, and their
// brotli and gzip copies, up to date, with the steps the build itself runs (scripts/build-steps.mjs).
// Node alone is enough: with the repository's npm packages (terser) sw.js is minified as the build does,
// without them it is written as it is, a few KB larger, and works the same.

import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { main } from './bundles.mjs';
import { fail, sha256, rewriteNoscriptOffice, serviceWorkerLists, precompress } from './build-steps.mjs';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const [distArg, configArg] = process.argv.slice(2);
if (!distArg || !configArg || process.argv.length > 4) {
  console.error('usage: node scripts/reconfigure.mjs <dist> <config.json>');
  process.exit(2);
}
const dist = path.resolve(distArg);
const at = (file) => path.join(dist, file);
for (const file of ['index.html', 'sw.js', 'sw-retire.js']) {
  if (!fs.existsSync(at(file))) fail(`${dist} is not a built portal: it has no ${file}`);
}

// The settings the portal cannot start without are checked here, before anything is written; the rest
// the portal checks itself (a wrong optional setting falls back to its default).
const text = fs.readFileSync(path.resolve(configArg), 'utf8');
let config;
try {
  config = JSON.parse(text);
} catch (e) {
  fail(`${configArg} is not valid JSON: ${e.message}`);
}
if (!config || typeof config !== 'object' || Array.isArray(config)) fail(`${configArg} is not a JSON object`);
if (typeof config.api_base !== 'string' || !config.api_base.trim()) {
  fail(`${configArg} names no backend: "api_base" is a URL, a path relative to the portal ("api"), or "demo"`);
}
if (!config.office || typeof config.office !== 'object') {
  console.warn('reconfigure: no "office": citizens will not be told where to go when the backend is down');
}

let html = fs.readFileSync(at('index.html'), 'utf8');
// Under a sub-path the build names its files from that folder (`--public-url /ppid/`).
const folder = html.match(/<script type=module src=([^ >]*?)boot-[0-9a-f]+\.js/)?.[1] ?? '/';
if (folder !== '/' && /^\/(?!\/)/.test(config.api_base)) {
  console.warn(
    `reconfigure: this build is served under ${folder}, and "api_base": "${config.api_base}" calls the site's root; ` +
      `"${config.api_base.slice(1)}" (no leading slash) would follow the folder (${folder}${config.api_base.slice(1)})`,
  );
}

if (path.resolve(configArg) !== at('config.json')) fs.writeFileSync(at('config.json'), text);
html = rewriteNoscriptOffice(html, config.office ?? null);

// The prerendered header names the theme, else the office, else the portal (as the build's prerender
// step does, scripts/post-build.mjs): the name is in the module's markup, in a JS string, HTML-escaped.
const changed = ['index.html', 'sw.js'];
const prerendered = html.match(/data-prerender=([^ >]+)/)?.[1];
if (prerendered && fs.existsSync(at(prerendered)) && (config.theme?.name || config.office?.name || html.includes('class=brand-name>'))) {
  const named = (v) => typeof v === 'string' && v.trim();
  const appName = html.match(/<span class="?brand-name"?>([^<]*)<\/span>/)?.[1];
  const escape = (v) => String(v).replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
  const brand = named(config.theme?.name) || named(config.office?.name) ? escape(named(config.theme?.name) || named(config.office?.name)) : appName;
  // Safe inside a JS string whatever its quotes.
  const inString = brand
    .replace(/\\/g, '\\\\')
    .replace(/\n/g, '\\n')
    .replace(/\r/g, '\\r')
    .replace(/\u2028/g, '\\u2028')
    .replace(/\u2029/g, '\\u2029')
    .replace(/`/g, '\\x60')
    .replace(/\$/g, '\\x24');
  const old = fs.readFileSync(at(prerendered), 'utf8');
  const code = old.replace(/(class=brand-name>)[^<]*(<\/a>)/g, (_, open, close) => open + inString + close);
  if (code === old && !old.includes('class=brand-name>')) {
    console.warn(`reconfigure: ${prerendered} has no header name to change; left as it is`);
  } else if (code !== old) {
    // A hashed name is cached for a year: the new content gets a new name.
    const name = `${main.name}-prerender-${sha256(code)}.js`;
    fs.writeFileSync(at(name), code);
    for (const file of [prerendered, `${prerendered}.br`, `${prerendered}.gz`]) fs.rmSync(at(file), { force: true });
    html = html.replace(`data-prerender=${prerendered}`, () => `data-prerender=${name}`);
    changed.push(name);
    console.log(`reconfigure: ${prerendered} -> ${name} (the header names "${brand}")`);
  }
}
fs.writeFileSync(at('index.html'), html);

// A retired worker (README, "Retiring the service worker": sw-retire.js copied over sw.js) stays retired.
if (fs.readFileSync(at('sw.js')).equals(fs.readFileSync(at('sw-retire.js')))) {
  console.log('reconfigure: sw.js is the retire script: left as it is');
  changed.splice(changed.indexOf('sw.js'), 1);
} else {
  let squeeze = null;
  try {
    const { minify } = createRequire(path.join(ROOT, 'tests', 'package.json'))('terser');
    squeeze = async (code) => (await minify(code, { compress: { passes: 2 }, mangle: true })).code;
  } catch {
    console.log('reconfigure: terser is not installed; sw.js is written unminified');
  }
  await serviceWorkerLists(dist, squeeze);
}
precompress(dist, changed);
console.log(`reconfigure: ${dist} now runs with ${configArg}`);
