#!/usr/bin/env node
// Trunk post_build hook (Trunk.toml): finishes the build in the staging dir, one named step at a time
// (the list at the bottom). The bundles, their routes and their files come from bundles.json
// (scripts/bundles.mjs); public/boot.js and public/sw.js are templates whose `ppid:` lines are filled
// here. Runs inside Trunk with TRUNK_STAGING_DIR set; the minifying only in release builds. The steps that
// need neither the sources nor npm packages are in scripts/build-steps.mjs.

import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { spawnSync } from 'node:child_process';
import { bundles, main, routed, kiosk, routes } from './bundles.mjs';
import { fail, sha256, sri, fillTemplate, noscriptOffice, serviceWorkerLists, precompress } from './build-steps.mjs';
import { shortenBindingNames } from './wasm-names.mjs';

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
/** Scripts copied as they are written (index.html's copy-file links) that Trunk does not minify. */
const COPIED_SCRIPTS = ['receipt.js', 'embed.js', 'framed.js'];

const squeeze = async (code, module = false) => (await minify(code, { module, compress: { passes: 2 }, mangle: true })).code;

/** Why: Trunk's own minifier cannot parse wasm-bindgen's glue; the glue's integrity hash must follow it. */
async function minifyGlue(html) {
  const isMain = (f) => new RegExp(`^${main.name}-[0-9a-f]+\\.js$`).test(f);
  const minified = [...COPIED_SCRIPTS, ...routed.map((b) => `${b.name}.js`)];
  for (const name of fs.readdirSync(staging).filter((f) => isMain(f) || minified.includes(f))) {
    const file = path.join(staging, name);
    const source = fs.readFileSync(file, 'utf8');
    const code = await squeeze(source, isMain(name));
    fs.writeFileSync(file, code);
    if (html.includes(sri(source))) html = html.split(sri(source)).join(sri(code));
    console.log(`post-build: ${name} ${source.length} -> ${code.length} bytes`);
  }
  return html;
}

/**
 * Why: the kiosk's wasm (kiosk::bar) is added as a classic script to a page that already runs
 * a bundle, so its glue's global is renamed not to clash with that bundle's `wasm_bindgen`, and it
 * starts itself with its wasm beside it.
 */
async function startKiosk() {
  const file = path.join(staging, `${kiosk.name}.js`);
  if (!fs.existsSync(file)) fail(`${kiosk.name}.js is missing; see the ${kiosk.name} link in index.html`);
  const glue = fs.readFileSync(file, 'utf8');
  if (!/\bwasm_bindgen\b/.test(glue)) fail(`${kiosk.name}.js has no wasm_bindgen global; see scripts/post-build.mjs`);
  const started = glue.replace(/\bwasm_bindgen\b/g, 'ppidKiosk') +
    `\nppidKiosk({ module_or_path: new URL('${kiosk.name}_bg.wasm', document.currentScript.src) });\n`;
  fs.writeFileSync(file, release ? await squeeze(started) : started);
}

/**
 * Why: wasm-bindgen's names for what a bundle and its glue pass each other are long and end in hex
 * digits that do not compress; short names save about 8 KB gzip per bundle (scripts/wasm-names.mjs).
 * Runs on the finished glue (minified, the kiosk's renamed) and keeps index.html's integrity hashes true.
 */
function shortenBindings(html) {
  const scripts = fs.readdirSync(staging).filter((f) => f.endsWith('.js'));
  const glues = new Map(bundles.map((bundle) => [bundle, bundle === main
    ? scripts.find((f) => new RegExp(`^${main.name}-[0-9a-f]+\\.js$`).test(f))
    : `${bundle.name}.js`]));
  // The build's own scripts (boot, receipt, kiosk wipe, …) may call a bundle by name: those names stay.
  const others = scripts.filter((f) => ![...glues.values()].includes(f)).map((f) => fs.readFileSync(path.join(staging, f), 'utf8'));
  for (const [bundle, glueName] of glues) {
    const wasmName = glueName && glueName.replace(/\.js$/, '_bg.wasm');
    if (!glueName || !fs.existsSync(path.join(staging, glueName)) || !fs.existsSync(path.join(staging, wasmName))) {
      fail(`the ${bundle.name} bundle's glue or wasm is missing from the build`);
    }
    const glue = fs.readFileSync(path.join(staging, glueName), 'utf8');
    const wasm = fs.readFileSync(path.join(staging, wasmName));
    let short;
    try {
      short = shortenBindingNames(wasm, glue, others);
    } catch (e) {
      fail(`${wasmName}: ${e.message}; see scripts/wasm-names.mjs`);
    }
    fs.writeFileSync(path.join(staging, wasmName), short.wasm);
    fs.writeFileSync(path.join(staging, glueName), short.glue);
    for (const [before, after] of [[glue, short.glue], [wasm, short.wasm]]) {
      if (html.includes(sri(before))) html = html.split(sri(before)).join(sri(after));
    }
    console.log(`post-build: ${bundle.name}: ${short.renamed} binding names shortened, wasm ${wasm.length} -> ${short.wasm.length} bytes`);
  }
  return html;
}

/** The texts the boot script shows (when the page's bundle cannot load; its loading line), in the order it reads them. */
const BOOT_TEXTS = ['boot_offline', 'boot_offline_home', 'retry', 'loading'];

/**
 * Why: the boot script runs before any wasm, yet every text lives in src/i18n. Each language's file is
 * read for BOOT_TEXTS, each a plain one-line string (`name: "…",`) found exactly once; anything else
 * fails the build rather than ship an empty message.
 */
function bootTexts() {
  const texts = {};
  for (const lang of ['id', 'en']) {
    const source = fs.readFileSync(path.join(ROOT, 'src', 'i18n', `${lang}.rs`), 'utf8');
    texts[lang] = BOOT_TEXTS.map((name) => {
      const found = [...source.matchAll(new RegExp(String.raw`^ {4}${name}: "((?:[^"\\\n]|\\["\\n])*)",$`, 'gm'))];
      if (found.length !== 1) fail(`src/i18n/${lang}.rs: ${name} is not one plain string (\`${name}: "…",\` on one line), found ${found.length}`);
      const text = found[0][1].replace(/\\(.)/g, (_, c) => (c === 'n' ? '\n' : c));
      if (!text.trim()) fail(`src/i18n/${lang}.rs: ${name} is empty`);
      return text;
    });
  }
  return texts;
}

/**
 * Why: the inline `<script type=module>` Trunk writes would need 'unsafe-inline' in the CSP, and it only
 * knows the main bundle. It becomes boot-<hash>.js (public/boot.js with the routes and the main bundle's
 * names filled in), which picks the bundle by path. The main bundle's preload links go: another bundle's
 * page must not download it; boot.js starts the download of the bundle the page needs instead.
 * A staging dir without the inline script (a test of the other steps) is left as it is.
 */
async function writeBootScript(html) {
  const inline = html.match(/<script type=module>([\s\S]*?)<\/script>/);
  if (!inline) return html;
  const glue = inline[1].match(new RegExp(`from '([^']*${main.name}-[0-9a-f]+\\.js)'`));
  const wasm = inline[1].match(new RegExp(`module_or_path: '([^']*${main.name}-[0-9a-f]+_bg\\.wasm)'`));
  if (!glue || !wasm || !routed.every((b) => fs.existsSync(path.join(staging, `${b.name}.js`)))) {
    fail('the boot script or a bundle is not what this hook expects; see scripts/post-build.mjs and bundles.json');
  }
  const base = (href) => href.slice(href.lastIndexOf('/') + 1);
  const template = fillTemplate('boot.js', {
    routes: JSON.stringify(routes()),
    'main-js': JSON.stringify(base(glue[1])),
    'main-wasm': JSON.stringify(base(wasm[1])),
    offline: JSON.stringify(bootTexts()),
  });
  const code = release ? await squeeze(template, true) : template;
  const name = `boot-${sha256(code)}.js`;
  fs.writeFileSync(path.join(staging, name), code);
  // The public URL (`--public-url /ppid/`), as Trunk wrote it before the main bundle's glue.
  const prefix = (html.match(new RegExp(`href=([^ >]*?)${main.name}-[0-9a-f]+\\.js`)) || [, '/'])[1];
  html = html.replace(inline[0], () => `<script type=module src=${prefix}${name} integrity=${sri(code)}></script>`);
  // The icon is a plain link in index.html: under a sub-path it moves too.
  html = html.replace(/href="?\/favicon\.svg"?/, () => `href=${prefix}favicon.svg`);
  html = html.replace(new RegExp(`<link[^>]*${main.name}-[0-9a-f]+(_bg\\.wasm|\\.js)[^>]*>`, 'g'), '');
  console.log(`post-build: inline boot script moved to ${name} (${code.length} bytes)`);
  return html;
}

/**
 * A text of src/i18n/<lang>.rs: `key: "…"` at the start of a line, or `key: ClassText { name: "…", what: "…" }`
 * for a class (`key.name`). Strict: a text that is missing, not a plain string literal, or uses an escape
 * this reader does not know fails the build, so the static page never says something the app does not.
 */
function i18nReader(lang) {
  const file = `src/i18n/${lang}.rs`;
  const source = fs.readFileSync(path.join(ROOT, file), 'utf8');
  const literal = '"((?:[^"\\\\]|\\\\.)*)"';
  const unescape = (raw, key) =>
    raw.replace(/\\(.)/g, (_, c) => {
      if (c === '"' || c === '\\') return c;
      if (c === 'n') return '\n';
      fail(`${file}: the text ${key} has an escape (\\${c}) the prerender does not read`);
    });
  return (key) => {
    const [name, part] = key.split('.');
    const pattern = part
      ? new RegExp(`^\\s*${name}: ClassText \\{ name: ${literal}, what: ${literal} \\},$`, 'm')
      : new RegExp(`^\\s*${name}: ${literal},$`, 'm');
    const found = source.match(pattern);
    if (!found) fail(`${file} has no plain text ${key}, which the prerendered page needs`);
    return unescape(part === 'what' ? found[2] : found[1], key);
  };
}

/**
 * Why: until the wasm has downloaded and run, a slow phone would paint only a loading line. The home and
 * the catalogue's frame (its heading and search form, no items) are written here into public/prerender.js,
 * as ppid-portal-prerender-<hash>.js (named in index.html's boot shell), with the texts of src/i18n/id.rs and the name
 * of the build's config.json; public/boot.js shows the one whose path it is, in Indonesian only, and the
 * app removes it once its own page is ready (app::mount). Backend data (counts, announcements, the public body's name) is never in it.
 * tests/e2e/prerender.test.mjs holds it to the components: same texts, same boxes.
 * Links are relative: both pages are at the portal's root, so they resolve under a sub-path too.
 */
async function prerender(html) {
  const t = i18nReader('id');
  const en = i18nReader('en');
  let config = {};
  try {
    config = JSON.parse(fs.readFileSync(path.join(staging, 'config.json'), 'utf8'));
  } catch {
    console.error('post-build: config.json is unreadable; the prerendered header names the portal');
  }
  const escape = (v) => String(v).replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
  // The header names the regency's theme, else the public body (backend data): the office's name is the
  // nearest the build knows, and about as long, so the header keeps its height when the app draws it.
  const named = (v) => typeof v === 'string' && v.trim();
  const brand = named(config.theme?.name) || named(config.office?.name) || t('app_name');
  const CLASSES = ['berkala', 'serta_merta', 'setiap_saat', 'dikecualikan'];
  const lapor = fs.readFileSync(path.join(ROOT, 'src/domain/complaint.rs'), 'utf8').match(/^pub const SP4N_LAPOR: &str = "([^"\\]+)";$/m);
  if (!lapor) fail('src/domain/complaint.rs has no SP4N_LAPOR address, which the prerendered menu links to');
  // What the app draws from the backend or only with the wasm (the region under the name, the header's
  // buttons, the connection line) holds its place, unseen and out of the tab order and the accessibility tree.
  const header = (current) => {
    const link = (href, text) => `<li><a href="${href}"${href === current ? ' aria-current=page' : ''}>${escape(text)}</a></li>`;
    return `<a class=skip-link href="#main">${escape(t('skip_link'))}</a>` +
      `<header class=site-header><div class=brand><a href="./" class=brand-name>${escape(brand)}</a>` +
      `<span class="brand-region prerender-slot">&nbsp;</span></div>` +
      `<button type=button class="lang-switch prerender-slot" disabled>${escape(en('language_name'))}</button>` +
      `<div class=tools><button type=button class="tool-button prerender-slot" disabled>${escape(t('easy_mode'))}</button>` +
      `<button type=button class="tool-button prerender-slot" disabled>${escape(t('listen_page'))}</button></div>` +
      `<nav aria-label="${escape(t('nav_label'))}"><ul>` +
      link('./', t('nav_home')) + link('informasi', t('nav_catalogue')) + link('permohonan', t('nav_request')) +
      link('status', t('nav_status')) + link('keberatan', t('nav_objection')) + link('tentang', t('nav_about')) +
      `<li><a href="${escape(lapor[1])}" rel=noopener>${escape(t('nav_complaint'))}</a></li></ul></nav></header>` +
      `<div class="connection prerender-slot"><span class=connection-dot></span><span>${escape(t('conn_online'))}</span></div>`;
  };
  const cards = CLASSES.map((c) =>
    `<li class="class-card ${c}"><h2 id=class-${c}>${escape(t(`${c}.name`))}</h2><p>${escape(t(`${c}.what`))}</p>` +
    // The count's line, kept empty: the card has its final height before the backend answers.
    `<p class=count-slot aria-hidden=true>&nbsp;</p>` +
    `<a href="informasi?class=${c}" aria-describedby=class-${c}>${escape(t('see_class'))}</a></li>`).join('');
  const home = header('./') + `<main id=main tabindex=-1><h1>${escape(t('home_title'))}</h1>` +
    `<p class=lead>${escape(t('home_intro'))}</p><ul class=class-cards>${cards}</ul>` +
    `<section class=panel aria-labelledby=home-request><h2 id=home-request>${escape(t('home_request_title'))}</h2>` +
    `<p>${escape(t('home_request_body'))}</p><p><a href="permohonan" class=button>${escape(t('nav_request'))}</a></p></section></main>`;
  // The search form submits as a plain GET to the catalogue, which reads its query from the URL; the lists
  // the backend or the date fill in offer their "all" choice only until the app draws them.
  const select = (id, label, options) =>
    `<div class=field><label for=${id}>${escape(t(label))}</label><select id=${id} name=${id.replace('filter-', '')}>` +
    options.map(([value, text]) => `<option value="${value}">${escape(text)}</option>`).join('') + `</select></div>`;
  const catalogue = header('informasi') + `<main id=main tabindex=-1><h1>${escape(t('catalogue_title'))}</h1>` +
    `<form class=search role=search action="informasi" method=get>` +
    `<div class="field search-box"><label for=search-q>${escape(t('search_label'))}</label>` +
    `<p class=hint id=search-q-hint>${escape(t('search_hint'))}</p>` +
    `<input id=search-q name=q type=search autocomplete=off aria-describedby=search-q-hint></div>` +
    select('filter-class', 'filter_class', [['', t('all_classes')], ...CLASSES.map((c) => [c, t(`${c}.name`)])]) +
    select('filter-unit', 'filter_unit', [['', t('all_units')]]) +
    select('filter-year', 'filter_year', [['', t('all_years')]]) +
    select('filter-format', 'filter_format', [['', t('all_formats')]]) +
    select('filter-sort', 'sort_label', [['', t('sort_newest')], ['title', t('sort_title')]]) +
    `<button type=submit class=button>${escape(t('search_button'))}</button>` +
    `<a href="informasi" class=clear-filters>${escape(t('clear_filters'))}</a></form>` +
    `<p class=loading>${escape(t('loading'))}</p></main>`;
  // A module of its own, imported by the boot script on these two paths only (a portal file: no other bundle's
  // page downloads it): in index.html or the boot script it would add its bytes to every page's first load.
  const announcement = ['announcement_label', 'announcement_hazard', 'announcement_affected',
    'announcement_instructions', 'announcement_source', 'dismiss_announcement'].map((key) => t(key));
  const template = fillTemplate('prerender.js', {
    pages: JSON.stringify({ home, catalogue }),
    announcement: JSON.stringify(announcement),
  });
  const code = release ? await squeeze(template, true) : template;
  const name = `${main.name}-prerender-${sha256(code)}.js`;
  fs.writeFileSync(path.join(staging, name), code);
  const done = html.replace(/<div id="?boot"?>/, () => `<div id=boot data-prerender=${name}>`);
  if (done === html) fail('index.html has no <div id="boot"> to name the prerendered pages in');
  console.log(`post-build: ${name}, the prerendered home and catalogue (${code.length} bytes)`);
  return done;
}

/** Why: the portal runs under a CSP without 'unsafe-inline'; an inline script left over would not run. */
function refuseInlineScripts(html) {
  if (/<script(?![^>]*\bsrc=)[^>]*>/.test(html)) fail('index.html still has an inline script; a strict CSP would block it');
}

/**
 * Why: every bundle carries the same shell (Leptos, the header, the outbox, the API client), and plain
 * brotli sends it again with each bundle a citizen opens. Each route bundle's wasm, and the kiosk's, is
 * also written compressed against the main bundle's (`dcb/<hash>/<file>`, RFC 9842), which ppid-server
 * and the configurations in deploy/ send to a browser that already has the main bundle (README,
 * "Compression"). Not the glue: Chromium 156 fails
 * a `<script>` whose answer is a `dcb` copy now and then (ERR_UNEXPECTED_CONTENT_DICTIONARY_HEADER),
 * which would leave a page without its bundle, for about 1.3 KB each. Node's zlib cannot compress
 * against a dictionary; ppid-server can (server/src/dictionary.rs). Runs after the worker's lists,
 * which never name a copy.
 */
function dictionaryCopies(dir) {
  const { dictionary, files } = mainAndRouteWasm(dir);
  serverStep('dictionary-copies', dir, dictionary, ...files.map((f) => f.file));
}

/**
 * Why: the copies above are smaller when each function a route bundle shares with the main bundle has
 * the main bundle's index (every `call` then reads the same): the status page's by about a fifth.
 * ppid-server lays each route bundle, and the kiosk's, out so (server/src/align.rs), as far as its gzip
 * copy grows by at most its `aligned_gzip_growth` (bundles.json): moving a bundle's own code away from
 * its neighbours costs gzip, whose budget is a first load's. Runs on the finished wasm (binding names
 * shortened), before anything is hashed or compressed.
 */
function alignBundles(dir) {
  const { dictionary, files } = mainAndRouteWasm(dir);
  serverStep('align', dir, dictionary, ...files.map((f) => `${f.file}=${f.bundle.aligned_gzip_growth}`));
}

/** The main bundle's wasm, and each route bundle's and the kiosk's, in `dir`. */
function mainAndRouteWasm(dir) {
  const built = fs.readdirSync(dir);
  // The main bundle's name carries Trunk's hash (the browser keeps it, so it can be a dictionary).
  const [dictionary, ...more] = built.filter((f) => new RegExp(`^${main.name}-[0-9a-f]{16}_bg\\.wasm$`).test(f));
  const files = [...routed, kiosk].map((bundle) => ({ bundle, file: `${bundle.name}_bg.wasm` })).filter((f) => built.includes(f.file));
  if (!dictionary || more.length || files.length !== routed.length + 1) {
    fail(`expected one main bundle wasm and one of each route bundle and the kiosk, found ${[dictionary, ...more, ...files.map((f) => f.file)]}`);
  }
  return { dictionary, files };
}

/** Runs one of ppid-server's build steps: what Node's standard library cannot do (brotli with a dictionary, rewriting wasm). */
function serverStep(...step) {
  const args = ['run', '--release', '--quiet', '-p', 'ppid-server', '--', ...step];
  const run = spawnSync('cargo', args, { cwd: ROOT, stdio: 'inherit' });
  if (run.status !== 0) fail(`\`cargo ${args.join(' ')}\` failed`);
}

// The steps, in order: index.html is read once, edited, and written before the service worker lists
// every file (index.html and boot.js included, with their final hashes).
let html = fs.readFileSync(indexPath, 'utf8');
if (release) html = await minifyGlue(html);
await startKiosk();
if (release) html = shortenBindings(html);
if (release) alignBundles(staging);
html = await writeBootScript(html);
html = noscriptOffice(html, staging);
html = await prerender(html);
refuseInlineScripts(html);
fs.writeFileSync(indexPath, html);
await serviceWorkerLists(staging, release ? squeeze : null);
precompress(staging);
if (release) dictionaryCopies(staging);
