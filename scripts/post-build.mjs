#!/usr/bin/env node
// Trunk post_build hook (Trunk.toml): finishes the build in the staging dir, one named step at a time
// (the list at the bottom). The bundles, their routes and their files come from bundles.json
// (scripts/bundles.mjs); public/boot.js and public/sw.js are templates whose `ppid:` lines are filled
// here. Runs inside Trunk with TRUNK_STAGING_DIR set; the minifying only in release builds.

import fs from 'node:fs';
import path from 'node:path';
import crypto from 'node:crypto';
import zlib from 'node:zlib';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { bundles, main, routed, kiosk, worker, other, isOf, routes, labelOf } from './bundles.mjs';
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

function fail(message) {
  console.error(`post-build: ${message}`);
  process.exit(1);
}

const sha256 = (data) => crypto.createHash('sha256').update(data).digest('hex').slice(0, 16);
const sri = (data) => 'sha384-' + crypto.createHash('sha384').update(data).digest('base64');
const squeeze = async (code, module = false) => (await minify(code, { module, compress: { passes: 2 }, mangle: true })).code;

/**
 * A template from public/ with each `const X = ...; // ppid:<marker>` line given its value, so that the
 * template runs as it is in development and no list in it is kept by hand.
 */
function fillTemplate(file, values) {
  let code = fs.readFileSync(path.join(ROOT, 'public', file), 'utf8');
  for (const [marker, value] of Object.entries(values)) {
    const line = new RegExp(`^(const \\w+ = ).*; // ppid:${marker}$`, 'm');
    if (!line.test(code)) fail(`public/${file} has no \`// ppid:${marker}\` line for this hook to fill in`);
    code = code.replace(line, (_, start) => `${start}${value};`);
  }
  return code;
}

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

/** The texts the boot script shows when the page's bundle cannot load, in the order it reads them. */
const BOOT_TEXTS = ['boot_offline', 'boot_offline_home', 'retry'];

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
 * Why: the page without JavaScript names the office to visit, and index.html cannot read config.json at
 * run time, so the build's config.json fills it (edit dist/index.html too when the office changes later).
 */
function noscriptOffice(html) {
  let office = null;
  try {
    office = JSON.parse(fs.readFileSync(path.join(staging, 'config.json'), 'utf8')).office ?? null;
  } catch {
    console.error('post-build: config.json is unreadable; the page without JavaScript names no office');
  }
  const escape = (v) => String(v).replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
  const lines = office ? [office.name, office.address, office.hours, office.phone, office.email].filter((v) => typeof v === 'string' && v) : [];
  const filled = lines.length ? `<p id=noscript-office>${lines.map(escape).join('<br>')}</p>` : '';
  // A function, not a replacement string: `$&`, `$1` or `$$` in an office's name or address are text.
  const done = html.replace(/<p id="?noscript-office"?>\s*<\/p>/, () => filled);
  if (done === html && filled) fail('index.html has no <p id="noscript-office"></p> to fill');
  return done;
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
 * Where the service worker keeps each of bundles.json's `other` files: with every page (`shell`), with the
 * route bundles whose pages load it (`later`), or never (`never`). A file bundles.json adds there must be
 * placed here first: the build fails rather than guess.
 */
const OTHER_FILES = {
  // The portal's side of embedding: the boot script loads it on any page shown in a frame.
  'framed.js': 'shell',
  // The receipt's QR code and calendar file: the form and status pages show receipts.
  'receipt.js': 'later',
  // The worker itself, and its replacement for retiring it: never served from a cache.
  'sw.js': 'never',
  'sw-retire.js': 'never',
  // Loaded by regency pages, not by the portal's.
  'embed.js': 'never',
};

/**
 * Why: the service worker keeps exactly this build's files, each checked against the start of its SHA-256,
 * and no list is kept by hand. The files go by kind (bundles.json), because a first visit on a phone must
 * not download what it never runs: what every page needs (index.html, the boot script, the CSS, the icon,
 * the main bundle, the files bundles.json gives no bundle), each route bundle's files, the receipt's
 * script, the kiosk's files, the demo backend's; config.json is not a build file (each deployment has its
 * own), so the worker keeps it as data. public/sw.js decides when each list is downloaded.
 */
async function serviceWorkerLists() {
  const files = [];
  (function walk(dir) {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
      if (entry.name.startsWith('.')) continue;
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (entry.isFile()) files.push(path.relative(staging, full).split(path.sep).join('/'));
    }
  })(staging);
  for (const file of other.flatMap((g) => g.files)) {
    if (!(file in OTHER_FILES)) fail(`bundles.json lists ${file}, which serviceWorkerLists does not place; see OTHER_FILES in scripts/post-build.mjs`);
  }
  const lists = { shell: [], routed: Object.fromEntries(routed.map((b) => [b.name, []])), later: [], kiosk: [], demo: [] };
  for (const file of files.filter((f) => f !== 'config.json')) {
    const entry = () => [file, sha256(fs.readFileSync(path.join(staging, file)))];
    const place = OTHER_FILES[file];
    const route = routed.find((b) => isOf(b, file));
    if (place === 'never') continue;
    else if (place) lists[place].push(entry());
    else if (route) lists.routed[route.name].push(entry());
    else if (isOf(kiosk, file)) lists.kiosk.push(entry());
    else if (isOf(worker, file)) lists.demo.push(entry());
    else if (isOf(main, file) || labelOf(file) === 'shared') lists.shell.push(entry());
    else fail(`${file} belongs to no list of the service worker; see serviceWorkerLists in scripts/post-build.mjs`);
  }
  for (const b of routed) if (!lists.routed[b.name].length) fail(`the route bundle ${b.name} has no files in the build`);
  if (!lists.kiosk.length) fail(`the kiosk bundle ${kiosk.name} has no files in the build`);
  if (!lists.shell.some(([f]) => f === 'index.html')) fail('index.html is not in the build');
  const version = sha256(JSON.stringify(lists));
  const sw = fillTemplate('sw.js', {
    version: `'${version}'`,
    shell: JSON.stringify(lists.shell),
    routed: JSON.stringify(lists.routed),
    next: JSON.stringify(Object.fromEntries(bundles.filter((b) => b.next?.length).map((b) => [b.name, b.next]))),
    later: JSON.stringify(lists.later),
    kiosk: JSON.stringify(lists.kiosk),
    demo: JSON.stringify(lists.demo),
  });
  fs.writeFileSync(path.join(staging, 'sw.js'), release ? await squeeze(sw) : sw);
  const count = (list) => list.length;
  console.log(
    `post-build: sw.js, build ${version}: ${count(lists.shell)} files at install, ` +
      `${Object.values(lists.routed).map(count).join('+')}+${count(lists.later)} when idle, ` +
      `${count(lists.kiosk)} more on a kiosk, ${count(lists.demo)} more in demo mode`,
  );
}

/**
 * Why: a phone pays for every byte, and brotli is about a fifth smaller than gzip on these bundles.
 * Beside each compressible file goes `<file>.br` (quality 11) and `<file>.gz` (level 9), only where
 * smaller, for ppid-server and web servers to send as they are (README, "Compression"). Runs last: the
 * service worker's lists never name a copy. config.json gets none: it is edited after the build, and a
 * stale copy would be sent instead of the edit.
 */
function precompress() {
  const COMPRESSIBLE = ['.wasm', '.js', '.mjs', '.css', '.html', '.svg', '.json', '.ics', '.txt'];
  const written = { br: 0, gz: 0 };
  (function walk(dir) {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      if (!entry.isFile() || !COMPRESSIBLE.includes(path.extname(entry.name).toLowerCase())) continue;
      if (path.relative(staging, full) === 'config.json') continue;
      const raw = fs.readFileSync(full);
      const copies = {
        br: zlib.brotliCompressSync(raw, {
          params: {
            [zlib.constants.BROTLI_PARAM_QUALITY]: zlib.constants.BROTLI_MAX_QUALITY,
            [zlib.constants.BROTLI_PARAM_SIZE_HINT]: raw.length,
            // The library's default window, stated: newer Node versions default to a smaller one.
            [zlib.constants.BROTLI_PARAM_LGWIN]: 22,
          },
        }),
        gz: zlib.gzipSync(raw, { level: 9 }),
      };
      for (const [ext, data] of Object.entries(copies)) {
        // A copy left by an earlier build would otherwise outlive a file that no longer shrinks.
        fs.rmSync(`${full}.${ext}`, { force: true });
        if (data.length < raw.length) {
          fs.writeFileSync(`${full}.${ext}`, data);
          written[ext] += 1;
        }
      }
    }
  })(staging);
  console.log(`post-build: ${written.br} brotli and ${written.gz} gzip copies written beside the files`);
}

// The steps, in order: index.html is read once, edited, and written before the service worker lists
// every file (index.html and boot.js included, with their final hashes).
let html = fs.readFileSync(indexPath, 'utf8');
if (release) html = await minifyGlue(html);
await startKiosk();
if (release) html = shortenBindings(html);
html = await writeBootScript(html);
html = noscriptOffice(html);
html = await prerender(html);
refuseInlineScripts(html);
fs.writeFileSync(indexPath, html);
await serviceWorkerLists();
precompress();
