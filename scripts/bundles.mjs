// bundles.json, read once for the build hook and the size check: the portal's bundles, the routes the
// boot script sends to each, which files are whose, and the budgets. tests/bundles.rs holds the same
// file to the Rust side (Page::bundle(), Cargo.toml, index.html).

import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const table = JSON.parse(fs.readFileSync(path.join(ROOT, 'bundles.json'), 'utf8'));

// Names and routes go into file names, regular expressions and the boot script as they are.
for (const b of table.bundles) {
  if (!/^[a-z][a-z-]*$/.test(b.name) || !b.routes.every((r) => /^[a-z]+(\/[a-z]+)*$/.test(r))) {
    throw new Error(`bundles.json: ${b.name}: a name or a route is not lowercase words between dashes or slashes`);
  }
}

// `next` names route bundles only (the service worker keeps them when a page of this bundle is idle).
for (const b of table.bundles) {
  for (const n of b.next ?? []) {
    if (!table.bundles.some((r) => r.name === n && r.loads === 'route' && r.name !== b.name)) {
      throw new Error(`bundles.json: ${b.name}: next names ${n}, which is not another route bundle`);
    }
  }
}

/** Every bundle: { name, label, loads, routes, next?, budget, what, files? }. */
export const bundles = table.bundles;
/** Groups of plain files with a budget of their own: { label, files, budget, what }. */
export const other = table.other;
/** The first load every page should stay under, in gzip bytes. */
export const goalFirstLoad = table.goal_first_load;
/** The bundle Trunk builds as the page's module: every page that no route claims. */
export const main = bundles.find((b) => b.loads === 'main');
/** The bundles the boot script picks by path. */
export const routed = bundles.filter((b) => b.loads === 'route');
/** The kiosk's bar, added by a page in kiosk mode. */
export const kiosk = bundles.find((b) => b.loads === 'kiosk');
/** The demo backend's Web Worker. */
export const worker = bundles.find((b) => b.loads === 'worker');

/**
 * Whether a built file (relative to the dist root) is a copy the build wrote of another: `<file>.br` or
 * `<file>.gz` beside it, or anything in `dcb/`, the copies against the main bundle. That file sent
 * compressed, never a file of its own.
 */
export const isCompressedCopy = (file) => /\.(br|gz)$/.test(file) || /^dcb(\/|$)/.test(file);

/** Whether a built file (relative to the dist root) is one of `bundle`'s. */
export const isOf = (bundle, file) =>
  !isCompressedCopy(file) && (file.startsWith(bundle.name) || (bundle.files ?? []).includes(file));

/** [route, bundle name] for the boot script, longest route first so that the first match is the most specific. */
export const routes = () =>
  routed.flatMap((b) => b.routes.map((r) => [r, b.name])).sort(([a], [b]) => b.length - a.length);

/** The label of the bundle or group a built file counts in, or `shared` (part of every first load). */
export function labelOf(file) {
  const group = other.find((g) => g.files.includes(file)) ?? bundles.find((b) => isOf(b, file));
  return group ? group.label : 'shared';
}
