// The steps of finishing a build that do not need the sources' toolchain: filling public/ templates,
// the office in index.html's <noscript>, the service worker's lists of files and hashes, and the
// precompressed copies. scripts/post-build.mjs runs them on Trunk's staging dir; scripts/reconfigure.mjs
// runs them again on a built dist/ after its config.json changed. Node's own modules only: a release
// archive runs them without npm packages.

import fs from 'node:fs';
import path from 'node:path';
import crypto from 'node:crypto';
import zlib from 'node:zlib';
import { fileURLToPath } from 'node:url';
import { bundles, main, routed, kiosk, worker, other, isOf, labelOf, isCompressedCopy } from './bundles.mjs';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
/** The running script's name (`post-build`, `reconfigure`), which starts every message. */
const TOOL = path.basename(process.argv[1] ?? 'build', '.mjs');

export function fail(message) {
  console.error(`${TOOL}: ${message}`);
  process.exit(1);
}

export const sha256 = (data) => crypto.createHash('sha256').update(data).digest('hex').slice(0, 16);
export const sri = (data) => 'sha384-' + crypto.createHash('sha384').update(data).digest('base64');

/**
 * A template from public/ with each `const X = ...; // ppid:<marker>` line given its value, so that the
 * template runs as it is in development and no list in it is kept by hand.
 */
export function fillTemplate(file, values) {
  let code = fs.readFileSync(path.join(ROOT, 'public', file), 'utf8');
  for (const [marker, value] of Object.entries(values)) {
    const line = new RegExp(`^(const \\w+ = ).*; // ppid:${marker}$`, 'm');
    if (!line.test(code)) fail(`public/${file} has no \`// ppid:${marker}\` line for this hook to fill in`);
    code = code.replace(line, (_, start) => `${start}${value};`);
  }
  return code;
}

/**
 * Why: the page without JavaScript names the office to visit, and index.html cannot read config.json at
 * run time, so the build's config.json fills it (edit dist/index.html too when the office changes later).
 */
export function noscriptOffice(html, dir) {
  let office = null;
  try {
    office = JSON.parse(fs.readFileSync(path.join(dir, 'config.json'), 'utf8')).office ?? null;
  } catch {
    console.error(`${TOOL}: config.json is unreadable; the page without JavaScript names no office`);
  }
  const filled = officeParagraph(office);
  // A function, not a replacement string: `$&`, `$1` or `$$` in an office's name or address are text.
  const done = html.replace(/<p id="?noscript-office"?>\s*<\/p>/, () => filled);
  if (done === html && filled) fail('index.html has no <p id="noscript-office"></p> to fill');
  return done;
}

/** The office's lines as the page without JavaScript shows them, escaped; '' for no office. */
export function officeParagraph(office) {
  const escape = (v) => String(v).replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
  const lines = office ? [office.name, office.address, office.hours, office.phone, office.email].filter((v) => typeof v === 'string' && v) : [];
  return lines.length ? `<p id=noscript-office>${lines.map(escape).join('<br>')}</p>` : '';
}

/**
 * A built index.html with another office: its paragraph replaced, or put back at the end of the
 * <noscript> page where the build had no office to write.
 */
export function rewriteNoscriptOffice(html, office) {
  const filled = officeParagraph(office);
  const paragraph = /<p id="?noscript-office"?>[\s\S]*?<\/p>/;
  if (paragraph.test(html)) return html.replace(paragraph, () => filled);
  const end = /<\/main>\s*<\/noscript>/;
  if (!end.test(html)) fail('index.html has neither <p id=noscript-office> nor the end of its <noscript> page');
  return html.replace(end, (tail) => filled + tail);
}

/**
 * Where the service worker keeps each of bundles.json's `other` files: with every page (`shell`), with the
 * route bundles whose pages load it (`later`), or never (`never`). A file bundles.json adds there must be
 * placed here first: the build fails rather than guess.
 */
export const OTHER_FILES = {
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
export async function serviceWorkerLists(dir, squeeze = null) {
  const files = [];
  (function walk(folder) {
    for (const entry of fs.readdirSync(folder, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
      if (entry.name.startsWith('.')) continue;
      const full = path.join(folder, entry.name);
      if (entry.isDirectory()) walk(full);
      // Relative to the build's root: a file in a folder is listed with its folder.
      else if (entry.isFile()) files.push(path.relative(dir, full).split(path.sep).join('/'));
    }
  })(dir);
  for (const file of other.flatMap((g) => g.files)) {
    if (!(file in OTHER_FILES)) fail(`bundles.json lists ${file}, which serviceWorkerLists does not place; see OTHER_FILES in scripts/post-build.mjs`);
  }
  const lists = { shell: [], routed: Object.fromEntries(routed.map((b) => [b.name, []])), later: [], kiosk: [], demo: [] };
  // A built dist/ has the compressed copies beside each file: the worker fetches the file itself.
  for (const file of files.filter((f) => f !== 'config.json' && !isCompressedCopy(f))) {
    const entry = () => [file, sha256(fs.readFileSync(path.join(dir, file)))];
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
  fs.writeFileSync(path.join(dir, 'sw.js'), squeeze ? await squeeze(sw) : sw);
  const count = (list) => list.length;
  console.log(
    `${TOOL}: sw.js, build ${version}: ${count(lists.shell)} files at install, ` +
      `${Object.values(lists.routed).map(count).join('+')}+${count(lists.later)} when idle, ` +
      `${count(lists.kiosk)} more on a kiosk, ${count(lists.demo)} more in demo mode`,
  );
}

/**
 * Why: a phone pays for every byte, and brotli is about a fifth smaller than gzip on these bundles.
 * Beside each compressible file goes `<file>.br` (quality 11) and `<file>.gz` (level 9), only where
 * smaller, for ppid-server and web servers to send as they are (README, "Compression"). Runs last: the
 * service worker's lists never name a copy. config.json gets none: it is edited after the build, and a
 * stale copy would be sent instead of the edit. `only` (paths relative to `dir`) limits it to the files
 * that changed.
 */
export function precompress(dir, only = null) {
  const COMPRESSIBLE = ['.wasm', '.js', '.mjs', '.css', '.html', '.svg', '.json', '.ics', '.txt'];
  const written = { br: 0, gz: 0 };
  (function walk(folder) {
    for (const entry of fs.readdirSync(folder, { withFileTypes: true })) {
      const full = path.join(folder, entry.name);
      const file = path.relative(dir, full).split(path.sep).join('/');
      // A copy (dcb/ among them, already compressed) is never compressed again.
      if (isCompressedCopy(file)) continue;
      if (entry.isDirectory()) walk(full);
      if (!entry.isFile() || !COMPRESSIBLE.includes(path.extname(entry.name).toLowerCase())) continue;
      if (file === 'config.json') continue;
      if (only && !only.includes(file)) continue;
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
  })(dir);
  console.log(`${TOOL}: ${written.br} brotli and ${written.gz} gzip copies written beside the files`);
}
