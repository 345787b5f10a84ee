#!/usr/bin/env node
// Checks a PPID backend from the outside, the way the portal will use it, against contract/openapi.yaml:
// every answer's status, content type and body (validated against the schema the contract gives for that
// status), the problem codes the portal acts on, CORS, and (contract 1.4.0) receipts' access tokens and the
// lock on a number after wrong verifiers; and (1.5.0) what the contract now spells out: unknown paths and
// methods, the body limit, preflights asking for more headers, lengths in code points and Unicode trimming,
// the catalogue's paging, sort orders and search fold, the order of the objection and survey checks, a
// verifier of the wrong form, and "this year" read from the backend's own clock (its Date header); and
// (1.6.0) when the backend lists `register`: the register's shapes, both sort orders and paging, its
// filters and search, the record's sums against the entries, each entry against its summary, 404s, that
// no answer has a property of the requester's identity, and (--write) that a status echoes `publish`.
//
//   node scripts/check-backend.mjs https://your-host/api            # reads only
//   node scripts/check-backend.mjs https://your-host/api --write    # also registers one request
//
// Options: --write registers one request (the contract's first example body), sends it again with the
// same Idempotency-Key (the same receipt and access token, `Idempotent-Replayed: true`), with another body
// (409 `idempotency_conflict`), looks it up by verifier (its number also typed in small letters with spaces)
// and by access token, tries a wrong token, locks its number with 5 wrong verifiers, rates it too early, and
// files one objection on it while it is locked: use it on a test backend, never on a live one.
// Without --write nothing is registered: every submission it sends is refused (a 4xx) by the contract.
// --origin URL is the portal's origin for the CORS checks (default https://portal.example); the backend must
// allow it, and must not allow an origin that is not on its list.
// Prints one line per check and a summary; exits 1 when any check failed. Needs the npm packages of
// tests/ (scripts/setup.sh installs them).

import fs from 'node:fs';
import http from 'node:http';
import https from 'node:https';
import path from 'node:path';
import crypto from 'node:crypto';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(path.join(ROOT, 'tests', 'package.json'));
const Ajv2020 = require('ajv/dist/2020').default;
const addFormats = require('ajv-formats');
const YAML = require('yaml');

const args = process.argv.slice(2);
const write = args.includes('--write');
const originAt = args.indexOf('--origin');
const ORIGIN = originAt >= 0 ? args[originAt + 1] : 'https://portal.example';
const base = args.find((a, i) => !a.startsWith('--') && args[i - 1] !== '--origin');
if (!base || !/^https?:\/\//.test(base)) {
  console.error('usage: node scripts/check-backend.mjs <api base URL, e.g. https://your-host/api> [--write] [--origin URL]');
  process.exit(2);
}
const API = base.replace(/\/+$/, '');
const TIMEOUT_MS = 15000;
/** An origin no backend lists. */
const STRANGER = 'https://not-the-portal.invalid';
/** A made-up access token of the contract's form. */
const NO_SUCH_TOKEN = 'AAAAAAAAAAAAAAAAAAAAAAAA';

const DOC = YAML.parse(fs.readFileSync(path.join(ROOT, 'contract', 'openapi.yaml'), 'utf8'));
const ajv = new Ajv2020({ strict: false, allErrors: true });
addFormats(ajv);
ajv.addSchema(DOC, 'openapi.json');
const MAJOR = DOC.info.version.split('.')[0];

/** The contract's problem schema, for answers to paths it does not define. */
const validateProblem = ajv.compile({ $ref: 'openapi.json#/components/schemas/Problem' });

/** A JSON Pointer token (RFC 6901). */
const token = (s) => String(s).replaceAll('~', '~0').replaceAll('/', '~1');

/** The validator of the body the contract gives for `status` of `method path`, and the pointer it came from. */
function schemaOf(method, template, status) {
  let pointer = `#/paths/${token(template)}/${method}/responses/${status}`;
  let response = DOC.paths[template]?.[method]?.responses?.[status];
  if (response?.$ref) {
    pointer = response.$ref;
    response = response.$ref.slice(2).split('/').reduce((o, k) => o?.[k], DOC);
  }
  const type = Object.keys(response?.content ?? {})[0];
  if (!type) throw new Error(`the contract has no ${status} answer for ${method.toUpperCase()} ${template}`);
  return { type, validate: ajv.compile({ $ref: `openapi.json${pointer}/content/${token(type)}/schema` }) };
}

/** The schema errors of `body`, one line each, at most five. */
function schemaErrors(validate, body) {
  if (validate(body)) return [];
  return validate.errors.slice(0, 5).map((e) => `${e.instancePath || '(the body)'} ${e.message}${e.params?.allowedValues ? ` (${e.params.allowedValues.join(', ')})` : ''}`);
}

async function call(method, url, { body, headers = {}, origin = ORIGIN } = {}) {
  const init = { method, headers: { Accept: 'application/json', Origin: origin, ...headers }, signal: AbortSignal.timeout(TIMEOUT_MS) };
  if (body !== undefined) {
    init.body = typeof body === 'string' ? body : JSON.stringify(body);
    init.headers['Content-Type'] = 'application/json';
  }
  return fetch(`${API}${url}`, init);
}

/**
 * Calls `method url` and checks the answer: `status`, the content type the contract gives for it, a JSON
 * body valid against its schema, and (for a problem) its `code`. Returns the response and its body.
 */
async function expect(method, url, template, status, { code, ...options } = {}) {
  const res = await call(method.toUpperCase(), url, options);
  const text = await res.text();
  if (res.status !== status) throw new Error(`answered ${res.status}, the contract says ${status}${text ? `: ${text.slice(0, 200)}` : ''}`);
  const { type, validate } = schemaOf(method, template, status);
  const got = (res.headers.get('content-type') ?? '').split(';')[0].trim();
  if (got !== type) throw new Error(`Content-Type is "${got}", the contract says ${type}`);
  let body;
  try {
    body = JSON.parse(text);
  } catch {
    throw new Error(`the body is not JSON: ${text.slice(0, 200)}`);
  }
  const errors = schemaErrors(validate, body);
  if (errors.length) {
    throw Object.assign(new Error(`the body does not follow the contract:\n      ${errors.join('\n      ')}`), { body });
  }
  if (code && body.code !== code) throw new Error(`problem code "${body.code}", the contract says "${code}"`);
  return { res, body };
}

const results = [];
/** Runs one check; `fn` returns a string (why) to skip it. */
async function check(name, fn) {
  try {
    const returned = await fn();
    const skipped = typeof returned === 'string' ? returned : null;
    results.push(skipped ? 'skip' : 'ok');
    console.log(skipped ? `skip  ${name}: ${skipped}` : `ok    ${name}`);
  } catch (e) {
    results.push('fail');
    console.log(`FAIL  ${name}: ${e.cause?.message ?? e.message}`);
  }
}

/** Checks a problem answer the contract gives no operation for: `status`, problem+json, the schema, `code`. */
async function expectProblem(res, status, code) {
  const text = await res.text();
  if (res.status !== status) throw new Error(`answered ${res.status}, the contract says ${status}${text ? `: ${text.slice(0, 120)}` : ''}`);
  const got = (res.headers.get('content-type') ?? '').split(';')[0].trim();
  if (got !== 'application/problem+json') throw new Error(`Content-Type is "${got}", the contract says application/problem+json`);
  let body;
  try {
    body = JSON.parse(text);
  } catch {
    throw new Error(`the body is not JSON: ${text.slice(0, 120)}`);
  }
  const errors = schemaErrors(validateProblem, body);
  if (errors.length) throw new Error(`the body is not a Problem:\n      ${errors.join('\n      ')}`);
  if (body.code !== code) throw new Error(`problem code "${body.code}", the contract says "${code}"`);
  return body;
}

/** The field errors of a `422 validation` answer to `POST path` with `body` (sent with a fresh key). */
async function fieldErrors(path, template, body) {
  const { body: problem } = await expect('post', path, template, 422, { body, headers: { 'Idempotency-Key': crypto.randomUUID() }, code: 'validation' });
  return problem.errors ?? [];
}

/** `errors` as `pointer code` strings, for messages. */
const listed = (errors) => errors.map((e) => `${e.pointer || '""'} ${e.code}`).join(', ') || 'none';

/** Sends `size` bytes (spaces, not JSON) to `POST /v1/requests` and resolves to the answer or the error. */
function postOversized(size) {
  return new Promise((resolve) => {
    const url = new URL(`${API}/v1/requests`);
    const request = (url.protocol === 'https:' ? https : http).request(url, {
      method: 'POST',
      // As curl does: the backend may answer 413 from the headers before any of the body is sent.
      headers: { 'Content-Type': 'application/json', 'Content-Length': size, 'Idempotency-Key': crypto.randomUUID(), Origin: ORIGIN, Expect: '100-continue' },
    });
    let settled = false;
    const settle = (v) => {
      if (!settled) {
        settled = true;
        clearTimeout(timer);
        resolve(v);
      }
    };
    const timer = setTimeout(() => {
      request.destroy();
      settle({ error: new Error(`no answer within ${TIMEOUT_MS * 4} ms`) });
    }, TIMEOUT_MS * 4);
    request.on('response', (res) => {
      left = 0;
      const chunks = [];
      res.on('data', (c) => chunks.push(c));
      res.on('end', () => settle({ status: res.statusCode, headers: res.headers, text: Buffer.concat(chunks).toString('utf8') }));
      res.on('error', () => settle({ status: res.statusCode, headers: res.headers, text: Buffer.concat(chunks).toString('utf8') }));
    });
    // A backend that answers 413 from the headers may close the connection while the body is still
    // being written: its answer usually follows the write error.
    request.on('error', (error) => setTimeout(() => settle({ error }), 1000));
    const chunk = Buffer.alloc(1 << 20, 0x20);
    let left = size;
    const pump = () => {
      while (left > 0 && !request.destroyed) {
        const n = Math.min(left, chunk.length);
        left -= n;
        if (!request.write(n === chunk.length ? chunk : chunk.subarray(0, n))) return void request.once('drain', pump);
      }
      request.end();
    };
    let started = false;
    const start = () => {
      if (!started && !settled) {
        started = true;
        pump();
      }
    };
    request.on('continue', start);
    // A backend that ignores `Expect` gets the body after a second anyway.
    setTimeout(start, 1000).unref();
    request.flushHeaders();
  });
}

/** What a preflight must allow: a 2xx, the origin, and the two request headers the portal sends. */
function assertPreflightAllows(res) {
  if (res.status < 200 || res.status > 299) throw new Error(`the preflight answered ${res.status}`);
  const allowOrigin = res.headers.get('access-control-allow-origin');
  if (allowOrigin !== '*' && allowOrigin !== ORIGIN) throw new Error(`Access-Control-Allow-Origin is ${allowOrigin ?? 'missing'}`);
  const allowHeaders = (res.headers.get('access-control-allow-headers') ?? '').toLowerCase();
  for (const h of ['content-type', 'idempotency-key']) {
    if (allowHeaders !== '*' && !allowHeaders.split(',').map((s) => s.trim()).includes(h)) throw new Error(`Access-Control-Allow-Headers does not allow ${h}: "${allowHeaders}"`);
  }
}

/** The contract's search fold (GET /v1/catalogue, rule 1), character by character. */
function fold(text) {
  const map = [
    [/[à-åÀ-Å]/, 'a'], [/[è-ëÈ-Ë]/, 'e'], [/[ì-ïÌ-Ï]/, 'i'], [/[ò-öÒ-Ö]/, 'o'], [/[ù-üÙ-Ü]/, 'u'],
    [/[çÇ]/, 'c'], [/[ñÑ]/, 'n'], [/[ýÿÝ]/, 'y'], [/ß/, 's'],
  ];
  let out = '';
  for (const c of text) {
    const cp = c.codePointAt(0);
    const folded = map.find(([re]) => re.test(c))?.[1];
    if (folded) out += folded;
    else if (/[A-Za-z0-9]/.test(c)) out += c.toLowerCase();
    else if (cp < 0x80 || (cp >= 0x80 && cp <= 0xbf) || cp === 0xd7 || cp === 0xf7 || (cp >= 0x2000 && cp <= 0x206f) || cp === 0x3000) out += ' ';
    else out += c;
  }
  return out;
}

/** Compares strings by code point (JavaScript's `<` compares UTF-16 units). */
function byCodePoint(a, b) {
  const x = Array.from(a, (c) => c.codePointAt(0));
  const y = Array.from(b, (c) => c.codePointAt(0));
  for (let i = 0; i < Math.min(x.length, y.length); i++) if (x[i] !== y[i]) return x[i] - y[i];
  return x.length - y.length;
}

/** Every entry of a catalogue query, page by page (at most 500). */
async function everyEntry(query) {
  const items = [];
  for (let page = 1; page <= 5; page++) {
    const { body } = await expect('get', `/v1/catalogue?${query}&per_page=100&page=${page}`, '/v1/catalogue', 200);
    items.push(...body.items);
    if (body.items.length === 0 || items.length >= body.total) break;
  }
  return items;
}

/** The office-local year of the instant `ms` in the IANA zone `zone` (WIB when it is not known). */
function officeYear(ms, zone) {
  try {
    return Number(new Intl.DateTimeFormat('en', { timeZone: zone, year: 'numeric' }).format(ms));
  } catch {
    return new Date(ms + 7 * 3600_000).getUTCFullYear();
  }
}

// ------------------------------------------------------------------------------------------------------

console.log(`check-backend: ${API} against contract ${DOC.info.version}${write ? ' (with --write)' : ' (read only)'}`);
let meta = null;
let firstItem = null;
/** The backend's `Date` header on its meta answer. */
let backendDate = null;

await check('GET /v1/meta: 200, a Meta, contract major ' + MAJOR, async () => {
  // A Meta that breaks the contract still says which features to check.
  const res = await call('GET', '/v1/meta');
  backendDate = res.headers.get('date');
  await res.body?.cancel();
  ({ body: meta } = await expect('get', '/v1/meta', '/v1/meta', 200).catch((e) => {
    meta = e.body ?? null;
    throw e;
  }));
  const major = String(meta.contract_version).split('.')[0];
  if (major !== MAJOR) throw new Error(`contract_version ${meta.contract_version}: the portal refuses a backend whose major is not ${MAJOR}`);
});
/** The backend says it implements contract 1.4.0 or later (access tokens, the lock per number). */
const speaks14 = () => {
  const [major, minor] = String(meta?.contract_version ?? '').split('.').map(Number);
  return major === 1 && minor >= 4;
};
const before14 = () => (speaks14() ? null : `the backend reports contract ${meta?.contract_version ?? '(unknown)'}; access tokens came with 1.4.0`);
const zone = () => meta?.deadline_rules?.time_zone ?? 'Asia/Jakarta';
let year = officeYear(Date.now(), zone());
await check("the backend's clock: its Date header says which year is this year (1.5.0)", async () => {
  const ms = Date.parse(backendDate ?? '');
  if (!backendDate || Number.isNaN(ms)) return `no Date header: "this year" is this machine's, ${year}`;
  year = officeYear(ms, zone());
  return undefined;
});
await check(`GET /v1/calendar/${year}: 200, this year's calendar (${year} by the backend's clock)`, async () => {
  const { body } = await expect('get', `/v1/calendar/${year}`, '/v1/calendar/{year}', 200);
  if (body.year !== year) throw new Error(`asked for ${year}, answered the calendar of ${body.year}`);
});
await check(`GET /v1/calendar/${year + 1}: the next year's calendar, or 404 calendar_year_missing while its decree is not out`, async () => {
  const res = await call('GET', `/v1/calendar/${year + 1}`);
  await res.body?.cancel();
  await expect('get', `/v1/calendar/${year + 1}`, '/v1/calendar/{year}', res.status === 404 ? 404 : 200, { code: res.status === 404 ? 'calendar_year_missing' : undefined });
});
await check('GET /v1/calendar/1900: 404 calendar_year_missing (never a guessed calendar)', () =>
  expect('get', '/v1/calendar/1900', '/v1/calendar/{year}', 404, { code: 'calendar_year_missing' }));
await check('GET /v1/units: 200, a UnitList', () => expect('get', '/v1/units', '/v1/units', 200));
await check('GET /v1/catalogue?page=1&per_page=2: 200, a CataloguePage', async () => {
  const { body } = await expect('get', '/v1/catalogue?page=1&per_page=2', '/v1/catalogue', 200);
  if (body.items.length > 2) throw new Error(`per_page=2 gave ${body.items.length} items`);
  firstItem = body.items[0] ?? null;
});
await check('GET /v1/catalogue/{id}: 200, the item the list gave', async () => {
  if (!firstItem) return 'the catalogue is empty';
  const { body } = await expect('get', `/v1/catalogue/${encodeURIComponent(firstItem.id)}`, '/v1/catalogue/{id}', 200);
  if (body.id !== firstItem.id) throw new Error(`asked for ${firstItem.id}, answered ${body.id}`);
});
await check('GET /v1/catalogue/{unknown id}: 404 not_found', () =>
  expect('get', '/v1/catalogue/ppid-check-no-such-item', '/v1/catalogue/{id}', 404, { code: 'not_found' }));
await check('GET /v1/announcements: 200', () => expect('get', '/v1/announcements', '/v1/announcements', 200));
await check('GET /v1/statistics: 200 (feature statistics)', async () =>
  meta?.features?.includes('statistics') ? expect('get', '/v1/statistics', '/v1/statistics', 200) : 'the backend does not offer the feature statistics');
await check('POST /v1/requests without Idempotency-Key: 400 idempotency_key_missing, nothing registered', () =>
  expect('post', '/v1/requests', '/v1/requests', 400, { body: {}, code: 'idempotency_key_missing' }));
/** The 404 of a made-up number, to compare other 404s with. */
let unknownLookup = null;
await check('POST /v1/request-lookups for an unknown number: 404 not_found', async () => {
  ({ body: unknownLookup } = await expect('post', '/v1/request-lookups', '/v1/request-lookups', 404, { body: { number: 'PPID-CHECK-000000', verifier: '0000' }, code: 'not_found' }));
});
const feature = (name) => (meta?.features?.includes(name) ? null : `the backend does not offer the feature ${name}`);
await check('POST /v1/objections without Idempotency-Key: 400 idempotency_key_missing (feature objections)', async () =>
  feature('objections') ?? expect('post', '/v1/objections', '/v1/objections', 400, { body: {}, code: 'idempotency_key_missing' }));
await check('POST /v1/objection-lookups for an unknown number: 404 not_found (feature objections)', async () =>
  feature('objections') ??
  expect('post', '/v1/objection-lookups', '/v1/objection-lookups', 404, { body: { number: 'KEB-CHECK-000000', verifier: '0000' }, code: 'not_found' }));
await check('POST /v1/request-access for an unknown number: 404 not_found (1.4.0)', async () =>
  before14() ??
  expect('post', '/v1/request-access', '/v1/request-access', 404, { body: { number: 'PPID-CHECK-000000', access_token: NO_SUCH_TOKEN }, code: 'not_found' }));
await check('POST /v1/surveys without Idempotency-Key: 400 idempotency_key_missing (feature survey)', async () =>
  feature('survey') ?? expect('post', '/v1/surveys', '/v1/surveys', 400, { body: {}, code: 'idempotency_key_missing' }));
await check(`CORS: the preflight of a submission from ${ORIGIN} is allowed`, async () => {
  const res = await call('OPTIONS', '/v1/requests', {
    headers: { 'Access-Control-Request-Method': 'POST', 'Access-Control-Request-Headers': 'content-type,idempotency-key' },
  });
  await res.body?.cancel();
  assertPreflightAllows(res);
});
await check(`CORS: an origin not on the list (${STRANGER}) is not allowed`, async () => {
  const res = await call('OPTIONS', '/v1/request-lookups', { origin: STRANGER, headers: { 'Access-Control-Request-Method': 'POST', 'Access-Control-Request-Headers': 'content-type' } });
  await res.body?.cancel();
  const got = await call('GET', '/v1/meta', { origin: STRANGER });
  await got.body?.cancel();
  const allowed = [res, got].map((r) => r.headers.get('access-control-allow-origin')).filter(Boolean);
  if (allowed.includes(STRANGER)) throw new Error(`Access-Control-Allow-Origin echoes ${STRANGER}: list the portal's origins and allow only those`);
  if (allowed.includes('*')) return 'the backend allows every origin (*), which contract 1.4.0 no longer recommends';
});
await check('CORS: answers allow the origin and expose Retry-After and Idempotent-Replayed', async () => {
  const res = await call('GET', '/v1/meta');
  await res.body?.cancel();
  const allowOrigin = res.headers.get('access-control-allow-origin');
  if (allowOrigin !== '*' && allowOrigin !== ORIGIN) throw new Error(`Access-Control-Allow-Origin is ${allowOrigin ?? 'missing'}`);
  const exposed = (res.headers.get('access-control-expose-headers') ?? '').toLowerCase().split(',').map((s) => s.trim());
  for (const h of ['retry-after', 'idempotent-replayed']) {
    if (!exposed.includes('*') && !exposed.includes(h)) throw new Error(`Access-Control-Expose-Headers does not name ${h}`);
  }
});

await check('CORS: a preflight asking for more headers than the contract names is still answered, with the two the portal sends (1.5.0)', async () => {
  const res = await call('OPTIONS', '/v1/requests', {
    headers: { 'Access-Control-Request-Method': 'POST', 'Access-Control-Request-Headers': 'content-type,idempotency-key,x-ppid-check' },
  });
  await res.body?.cancel();
  assertPreflightAllows(res);
});

// ------------------------------------------------------------------ HTTP (1.5.0)

await check('paths the contract does not define: 404 not_found, problem+json (1.5.0)', async () => {
  for (const p of ['/v1/ppid-check-no-such-path', '/v1/catalogue/ppid-check/extra', '/v1/calendar/abc']) {
    await expectProblem(await call('GET', p), 404, 'not_found').catch((e) => {
      throw new Error(`GET ${p} ${e.message}`);
    });
  }
});
await check('a method a path does not serve: 405 method_not_allowed with an Allow header naming the one it does (1.5.0)', async () => {
  for (const [method, p, allowed] of [['DELETE', '/v1/meta', 'GET'], ['GET', '/v1/requests', 'POST']]) {
    const res = await call(method, p);
    const allow = res.headers.get('allow');
    await expectProblem(res, 405, 'method_not_allowed').catch((e) => {
      throw new Error(`${method} ${p} ${e.message}`);
    });
    if (!allow) throw new Error(`${method} ${p}: no Allow header (RFC 9110 requires it with 405)`);
    if (!allow.toUpperCase().split(',').map((m) => m.trim()).includes(allowed)) throw new Error(`${method} ${p}: Allow is "${allow}", it does not name ${allowed}`);
  }
});
const OVERSIZED = 32 * 1024 * 1024 + 1;
await check(`a body over the limit (${OVERSIZED} bytes): 413 payload_too_large, not another error or a dropped connection (1.5.0)`, async () => {
  const got = await postOversized(OVERSIZED);
  if (got.error) throw new Error(`no answer: ${got.error.message} (answer 413, before reading the body if you can)`);
  if (got.status === 422) return 'the backend read a body over 32 MiB (and refused it as invalid): it SHOULD refuse such a body with 413';
  if (got.status !== 413) throw new Error(`answered ${got.status}, the contract says 413${got.text ? `: ${got.text.slice(0, 120)}` : ''}`);
  const type = String(got.headers['content-type'] ?? '').split(';')[0].trim();
  // A web server in front of the backend may answer with its own page: the client reads the status alone.
  if (type === 'application/problem+json' && JSON.parse(got.text).code !== 'payload_too_large') throw new Error(`problem code "${JSON.parse(got.text).code}", the contract says "payload_too_large"`);
  return undefined;
});

// ------------------------------------------------------------------ the catalogue (1.5.0)

await check('GET /v1/catalogue paging: page and per_page 0 count as 1, per_page over 100 is clamped, a page past the end is empty, non-numbers are 400', async () => {
  const { body: zero } = await expect('get', '/v1/catalogue?page=0&per_page=0', '/v1/catalogue', 200);
  if (zero.page !== 1) throw new Error(`page=0 answered page ${zero.page}: it counts as 1`);
  if (zero.per_page !== 1 || zero.items.length > 1) throw new Error(`per_page=0 answered per_page ${zero.per_page} with ${zero.items.length} items: it counts as 1`);
  const { body: big } = await expect('get', '/v1/catalogue?per_page=1000', '/v1/catalogue', 200).catch((e) => {
    throw new Error(`per_page=1000 ${e.message} (clamp it, never refuse it)`);
  });
  if (big.per_page > 100 || big.items.length > big.per_page) throw new Error(`per_page=1000 answered per_page ${big.per_page} with ${big.items.length} items: at most 100`);
  const { body: past } = await expect('get', '/v1/catalogue?page=99999', '/v1/catalogue', 200);
  if (past.items.length !== 0 || past.total !== big.total) throw new Error(`page=99999 gave ${past.items.length} items and total ${past.total}: [] and ${big.total}`);
  const { body: plus } = await expect('get', '/v1/catalogue?page=%2B1&per_page=1', '/v1/catalogue', 200);
  if (plus.page !== 1) throw new Error(`page=+1 answered page ${plus.page}`);
  for (const [query, name] of [['page=-1', 'page'], ['page=1.5', 'page'], ['per_page=1e2', 'per_page'], ['page=%201', 'page'], ['year=tahun', 'year']]) {
    const { body } = await expect('get', `/v1/catalogue?${query}`, '/v1/catalogue', 400, { code: 'validation' }).catch((e) => {
      throw new Error(`${query} ${e.message}`);
    });
    if (!body.errors?.some((e) => e.pointer === `/${name}` && e.code === 'invalid_format')) throw new Error(`${query}: errors ${listed(body.errors ?? [])}, the contract says /${name} invalid_format`);
  }
});
let entries = [];
await check('GET /v1/catalogue sort orders are total: newest by date then title by code point, title by folded title, the same on every page', async () => {
  entries = await everyEntry('sort=newest');
  for (let i = 1; i < entries.length; i++) {
    const [a, b] = [entries[i - 1], entries[i]];
    if (a.updated_on < b.updated_on) throw new Error(`sort=newest: ${a.id} (${a.updated_on}) before ${b.id} (${b.updated_on})`);
    if (a.updated_on === b.updated_on && byCodePoint(a.title, b.title) > 0) throw new Error(`sort=newest: on ${a.updated_on} "${a.title}" before "${b.title}" (titles ascend in code-point order)`);
  }
  const byTitle = await everyEntry('sort=title');
  for (let i = 1; i < byTitle.length; i++) {
    const [a, b] = [byTitle[i - 1], byTitle[i]];
    if (byCodePoint(fold(a.title), fold(b.title)) > 0) throw new Error(`sort=title: "${a.title}" before "${b.title}" (folded titles ascend)`);
  }
  const paged = [];
  for (let page = 1; page <= 4; page++) paged.push(...(await expect('get', `/v1/catalogue?sort=title&per_page=3&page=${page}`, '/v1/catalogue', 200)).body.items);
  const ids = (list) => list.map((i) => i.id).join(' ');
  if (ids(paged) !== ids(byTitle.slice(0, paged.length))) throw new Error(`sort=title in pages of 3 gave ${ids(paged)}, in one page ${ids(byTitle.slice(0, paged.length))}`);
});
await check('GET /v1/catalogue?q: the contract\'s fold (capitals, accents, _ between words), word prefixes, keywords split into words', async () => {
  const nonsense = await expect('get', '/v1/catalogue?q=zzqxjw', '/v1/catalogue', 200);
  if (!meta?.features?.includes('catalogue_search')) {
    const all = await expect('get', '/v1/catalogue', '/v1/catalogue', 200);
    if (nonsense.body.total !== all.body.total) throw new Error(`without catalogue_search, q must be ignored: q=zzqxjw gave ${nonsense.body.total} of ${all.body.total}`);
    return 'the backend does not offer the feature catalogue_search (q is ignored, as it must be)';
  }
  if (nonsense.body.total !== 0) throw new Error(`q=zzqxjw matched ${nonsense.body.total} entries`);
  const words = (t) => fold(t).split(' ').filter((w) => /^[a-z]{4,}$/.test(w));
  const item = entries.find((i) => words(i.title).length >= 2);
  if (!item) return 'no catalogue entry has a title of two plain words to search for';
  // "laporan keuangan" is asked as "LÁPO_KÉUA": capitals, Latin-1 accents, `_` between the words.
  const accent = { a: 'Á', e: 'É', i: 'Í', o: 'Ó', u: 'Ú' };
  const asked = words(item.title).slice(0, 2).map((w) => w.slice(0, 4).toUpperCase().replace(/[AEIOU]/, (v) => accent[v.toLowerCase()])).join('_');
  const found = async (q) => (await everyEntry(`q=${encodeURIComponent(q)}&unit=${encodeURIComponent(item.unit_id)}`)).some((i) => i.id === item.id);
  if (!(await found(asked))) throw new Error(`q=${asked} does not find "${item.title}" (${item.id})`);
  const phrase = entries.find((i) => (i.keywords ?? []).some((k) => words(k).length >= 2));
  if (phrase) {
    const second = words(phrase.keywords.find((k) => words(k).length >= 2))[1];
    if (!(await (async () => (await everyEntry(`q=${second}&unit=${encodeURIComponent(phrase.unit_id)}`)).some((i) => i.id === phrase.id))())) throw new Error(`q=${second}, a word of a keyword of ${phrase.id}, does not find it: keywords are split into words`);
  }
  return undefined;
});

// ------------------------------------------------------------------ the register of published requests (1.6.0)

/** Why the register checks do not apply, or null. */
const noRegister = () => feature('register');
const OUTCOMES = ['fulfilled', 'partly_fulfilled', 'refused', 'not_held', 'not_yet_documented', 'forwarded'];
/** Properties that would carry the requester's identity; no register answer may have one, at any depth. */
const IDENTITY_KEYS = ['requester', 'nik', 'address', 'phone', 'email', 'purpose', 'number', 'verifier', 'access_token', 'delivery_email', 'delivery_address', 'objector', 'group_name', 'decree_number', 'principal_name'];

/** Every register entry of a query, page by page (at most 500), and the first page. */
async function everyRegisterEntry(query) {
  const entries = [];
  let first = null;
  for (let page = 1; page <= 5; page++) {
    const { body } = await expect('get', `/v1/register?${query}&per_page=100&page=${page}`, '/v1/register', 200);
    first ??= body;
    entries.push(...body.entries);
    if (body.entries.length === 0 || entries.length >= body.total) break;
  }
  return { entries, first };
}

/** The record the contract gives `entries`. */
function recordOf(entries) {
  const r = Object.fromEntries(['answered', 'on_time', 'late', ...OUTCOMES, 'objections', 'disputes'].map((k) => [k, 0]));
  r.refused_by_pasal17 = {};
  for (const e of entries) {
    r.answered++;
    r[e.late ? 'late' : 'on_time']++;
    if (OUTCOMES.includes(e.outcome)) r[e.outcome]++;
    if (e.pasal17) r.refused_by_pasal17[e.pasal17] = (r.refused_by_pasal17[e.pasal17] ?? 0) + 1;
    if (e.objection) r.objections++;
    if (e.dispute) r.disputes++;
  }
  return r;
}

/** Where `record` disagrees with the record of `entries`, as text; null when it agrees. */
function recordDiffers(record, entries) {
  const want = recordOf(entries);
  const diffs = Object.keys(want)
    .filter((k) => k !== 'refused_by_pasal17' && record[k] !== want[k])
    .map((k) => `${k} ${record[k]} (the entries say ${want[k]})`);
  const letters = new Set([...Object.keys(record.refused_by_pasal17 ?? {}), ...Object.keys(want.refused_by_pasal17)]);
  for (const l of letters) {
    const [got, say] = [record.refused_by_pasal17?.[l] ?? 0, want.refused_by_pasal17[l] ?? 0];
    if (got !== say) diffs.push(`refused_by_pasal17.${l} ${got} (the entries say ${say})`);
  }
  return diffs.length ? diffs.join(', ') : null;
}

/** Where a record breaks its own sums, as text; null when it does not. */
function recordSums(page) {
  const r = page.record;
  const outcomes = OUTCOMES.reduce((n, k) => n + r[k], 0);
  const letters = Object.values(r.refused_by_pasal17 ?? {}).reduce((n, v) => n + v, 0);
  if (r.answered !== page.total) return `record.answered ${r.answered} is not total ${page.total}`;
  if (r.on_time + r.late !== r.answered) return `on_time ${r.on_time} + late ${r.late} is not answered ${r.answered}`;
  if (outcomes > r.answered) return `the outcome counts add up to ${outcomes}, more than answered ${r.answered}`;
  if (letters > r.refused + r.partly_fulfilled) return `refused_by_pasal17 counts ${letters}, more than refused + partly_fulfilled (${r.refused + r.partly_fulfilled})`;
  if (page.entries.length > page.per_page) return `${page.entries.length} entries on a page of ${page.per_page}`;
  return null;
}

/** The first property in `value` that names the requester's identity, as a path; null when none does. */
function identityKey(value, at = '') {
  if (Array.isArray(value)) {
    for (const [i, v] of value.entries()) {
      const found = identityKey(v, `${at}/${i}`);
      if (found) return found;
    }
  } else if (value && typeof value === 'object') {
    for (const [k, v] of Object.entries(value)) {
      if (IDENTITY_KEYS.includes(k)) return `${at}/${k}`;
      const found = identityKey(v, `${at}/${k}`);
      if (found) return found;
    }
  }
  return null;
}

/** Where `list` is out of the order `sort` gives (received_on, ties by id ascending), as text; null when in order. */
function registerOrder(list, sort) {
  for (let i = 1; i < list.length; i++) {
    const [a, b] = [list[i - 1], list[i]];
    const dates = sort === 'oldest' ? byCodePoint(a.received_on, b.received_on) : byCodePoint(b.received_on, a.received_on);
    if (dates > 0 || (dates === 0 && byCodePoint(a.id, b.id) >= 0)) return `sort=${sort}: ${a.id} (${a.received_on}) before ${b.id} (${b.received_on})`;
  }
  return null;
}

let registerEntries = [];
await check('GET /v1/register?per_page=2: 200, a RegisterPage whose record adds up (1.6.0, feature register)', async () => {
  if (noRegister()) {
    // The portal reads `features`; whatever a backend without the register answers there, it must not be a register.
    const res = await call('GET', '/v1/register');
    await res.body?.cancel();
    if (res.status === 200) throw new Error('the backend does not list register in features but answers GET /v1/register with 200: list the feature, or answer 404 feature_unsupported');
    return noRegister();
  }
  const { body } = await expect('get', '/v1/register?per_page=2', '/v1/register', 200);
  const broken = recordSums(body);
  if (broken) throw new Error(broken);
  if (body.per_page !== 2) throw new Error(`per_page=2 answered per_page ${body.per_page}`);
  return undefined;
});
await check('GET /v1/register: every entry once, in both sort orders (received_on, ties by id), pages of 3 as one list, the record counted from the entries (feature register)', async () => {
  if (noRegister()) return noRegister();
  const { entries, first } = await everyRegisterEntry('sort=newest');
  registerEntries = entries;
  if (entries.length !== first.total) throw new Error(`total ${first.total}, the pages hold ${entries.length} entries`);
  const ids = entries.map((e) => e.id);
  const twice = ids.find((id, i) => ids.indexOf(id) !== i);
  if (twice) throw new Error(`${twice} is listed twice`);
  const order = registerOrder(entries, 'newest') ?? registerOrder((await everyRegisterEntry('sort=oldest')).entries, 'oldest');
  if (order) throw new Error(order);
  const differs = recordDiffers(first.record, entries);
  if (differs) throw new Error(`the record does not count the entries: ${differs}`);
  const paged = [];
  for (let page = 1; page <= 3; page++) paged.push(...(await expect('get', `/v1/register?per_page=3&page=${page}`, '/v1/register', 200)).body.entries);
  const got = paged.map((e) => e.id).join(' ');
  const want = ids.slice(0, paged.length).join(' ');
  if (got !== want) throw new Error(`in pages of 3: ${got}; in one page: ${want}`);
  for (const e of entries) {
    const needs = e.outcome === 'refused' || e.outcome === 'partly_fulfilled';
    if (Boolean(e.pasal17) !== needs && OUTCOMES.includes(e.outcome)) throw new Error(`${e.id}: pasal17 ${e.pasal17 ?? 'absent'} with outcome ${e.outcome}`);
    if (e.notice_on < e.received_on) throw new Error(`${e.id}: a notice (${e.notice_on}) before the request (${e.received_on})`);
  }
  return entries.length ? undefined : 'the register is empty: nothing to check the order and the record with';
});
await check('GET /v1/register filters: unit, outcome, year and q give exactly the matching entries, each with its own record (feature register)', async () => {
  if (noRegister()) return noRegister();
  const e = registerEntries[0];
  if (!e) return 'the register is empty';
  const { body: units } = await expect('get', '/v1/units', '/v1/units', 200);
  const unitName = (id) => units.units.find((u) => u.id === id)?.name ?? '';
  const year = e.received_on.slice(0, 4);
  const wordOf = fold(e.information).split(' ').find((w) => /^[a-z]{4,}$/.test(w));
  const filters = [
    [`unit=${encodeURIComponent(e.unit_id)}`, (x) => x.unit_id === e.unit_id],
    [`outcome=${encodeURIComponent(e.outcome)}`, (x) => x.outcome === e.outcome],
    [`year=${year}`, (x) => x.received_on.startsWith(year)],
    [`year=${year}&unit=${encodeURIComponent(e.unit_id)}`, (x) => x.received_on.startsWith(year) && x.unit_id === e.unit_id],
  ];
  if (wordOf) {
    // A word of its information, asked as its first four letters in capitals: the catalogue's fold and prefixes.
    const asked = wordOf.slice(0, 4).toUpperCase();
    filters.push([`q=${asked}`, (x) => fold(`${x.information} ${unitName(x.unit_id)}`).split(' ').some((w) => w.startsWith(asked.toLowerCase()))]);
  }
  for (const [query, keep] of filters) {
    const { entries, first } = await everyRegisterEntry(query);
    const want = registerEntries.filter(keep).map((x) => x.id).join(' ');
    const got = entries.map((x) => x.id).join(' ');
    if (got !== want) throw new Error(`${query} gave ${got || 'nothing'}; the full list says ${want}`);
    const differs = recordDiffers(first.record, entries);
    if (differs) throw new Error(`${query}: the record does not count its entries: ${differs}`);
  }
  const { body: none } = await expect('get', '/v1/register?q=zzqxjw', '/v1/register', 200);
  if (none.total !== 0 || none.record.answered !== 0) throw new Error(`q=zzqxjw matched ${none.total} entries (record ${none.record.answered})`);
  return undefined;
});
await check('GET /v1/register paging and bad values: page and per_page 0 count as 1, over 100 is clamped, a page past the end is empty with the same record, invalid values are 400 (feature register)', async () => {
  if (noRegister()) return noRegister();
  const { body: zero } = await expect('get', '/v1/register?page=0&per_page=0', '/v1/register', 200);
  if (zero.page !== 1 || zero.per_page !== 1 || zero.entries.length > 1) throw new Error(`page=0&per_page=0 answered page ${zero.page}, per_page ${zero.per_page}, ${zero.entries.length} entries: both count as 1`);
  const { body: big } = await expect('get', '/v1/register?per_page=1000', '/v1/register', 200).catch((e) => {
    throw new Error(`per_page=1000 ${e.message} (clamp it, never refuse it)`);
  });
  if (big.per_page > 100) throw new Error(`per_page=1000 answered per_page ${big.per_page}: at most 100`);
  const { body: past } = await expect('get', '/v1/register?page=99999', '/v1/register', 200);
  if (past.entries.length !== 0 || past.total !== big.total) throw new Error(`page=99999 gave ${past.entries.length} entries and total ${past.total}: [] and ${big.total}`);
  if (recordDiffers(past.record, registerEntries)) throw new Error(`page=99999: the record still counts every match: ${recordDiffers(past.record, registerEntries)}`);
  for (const [query, name] of [['outcome=maybe', 'outcome'], ['sort=title', 'sort'], ['year=dua', 'year'], ['page=-1', 'page'], ['per_page=1e2', 'per_page']]) {
    const { body } = await expect('get', `/v1/register?${query}`, '/v1/register', 400, { code: 'validation' }).catch((e) => {
      throw new Error(`${query} ${e.message}`);
    });
    if (!body.errors?.some((x) => x.pointer === `/${name}` && x.code === 'invalid_format')) throw new Error(`${query}: errors ${listed(body.errors ?? [])}, the contract says /${name} invalid_format`);
  }
  return undefined;
});
await check('GET /v1/register/{id}: 200, each listed entry in full, agreeing with its summary; late is notice_on after due_on; the timeline starts with received (feature register)', async () => {
  if (noRegister()) return noRegister();
  if (!registerEntries.length) return 'the register is empty';
  // The newest, the oldest and every one with a follow-up or documents: at most 12 calls.
  const some = [...new Set([registerEntries[0], registerEntries.at(-1), ...registerEntries.filter((x) => x.objection || x.dispute || x.documents)])].slice(0, 12);
  for (const s of some) {
    const { body: e } = await expect('get', `/v1/register/${encodeURIComponent(s.id)}`, '/v1/register/{id}', 200);
    for (const k of ['id', 'information', 'unit_id', 'received_on', 'notice_on', 'outcome', 'late']) {
      if (e[k] !== s[k]) throw new Error(`${s.id}: ${k} is ${JSON.stringify(e[k])} in full, ${JSON.stringify(s[k])} in the list`);
    }
    if ((e.documents ?? []).length !== (s.documents ?? 0)) throw new Error(`${s.id}: ${(e.documents ?? []).length} documents in full, ${s.documents ?? 0} in the list`);
    for (const k of ['objection', 'dispute']) {
      if (JSON.stringify(e[k] ?? null) !== JSON.stringify(s[k] ?? null)) throw new Error(`${s.id}: ${k} differs between the list and the entry`);
    }
    const late = e.due_on ? e.notice_on > e.due_on : false;
    if (e.late !== late) throw new Error(`${s.id}: late is ${e.late} with notice_on ${e.notice_on} and due_on ${e.due_on ?? 'absent'}`);
    const timeline = e.timeline ?? [];
    if (timeline.length && (timeline[0].kind !== 'received' || timeline[0].on !== e.received_on)) throw new Error(`${s.id}: the timeline starts with ${timeline[0].kind} on ${timeline[0].on}, not received on ${e.received_on}`);
    const back = timeline.findIndex((t, i) => i && t.on < timeline[i - 1].on);
    if (back > 0) throw new Error(`${s.id}: the timeline goes back in time at ${timeline[back].kind} (${timeline[back].on})`);
  }
  return undefined;
});
await check('GET /v1/register/{unknown id}: 404 not_found (feature register)', async () =>
  noRegister() ?? expect('get', '/v1/register/ppid-check-no-such-entry', '/v1/register/{id}', 404, { code: 'not_found' }));
await check("register answers carry no property of the requester's identity (name, NIK, address, contacts, purpose, number, token) (feature register)", async () => {
  if (noRegister()) return noRegister();
  const { body: list } = await expect('get', '/v1/register?per_page=100', '/v1/register', 200);
  const found = identityKey(list, '/v1/register');
  if (found) throw new Error(`${found}: the register never carries the requester's identity`);
  for (const s of registerEntries.slice(0, 12)) {
    const { body } = await expect('get', `/v1/register/${encodeURIComponent(s.id)}`, '/v1/register/{id}', 200);
    const inEntry = identityKey(body, `/v1/register/${s.id}`);
    if (inEntry) throw new Error(`${inEntry}: the register never carries the requester's identity`);
  }
  return undefined;
});

// ------------------------------------------------------------------ submissions checked, nothing registered (1.5.0)

const requestExample = Object.values(DOC.paths['/v1/requests'].post.requestBody.content['application/json'].examples)[0].value;
await check('POST /v1/requests: lengths count code points and Unicode whitespace is trimmed (refused for a blank purpose, nothing registered)', async () => {
  const blank = '\u00a0\u3000 ';
  // 4000 code points between Unicode spaces: 4001 UTF-16 units, so a JavaScript .length would say too long.
  const fits = `\u3000${'a'.repeat(3999)}\u{1F4C4}\u00a0`;
  const first = await fieldErrors('/v1/requests', '/v1/requests', { ...requestExample, purpose: blank, information: fits });
  if (!first.some((e) => e.pointer === '/purpose' && e.code === 'required')) throw new Error(`a purpose of only no-break and ideographic spaces is blank: errors ${listed(first)}, the contract says /purpose required`);
  if (first.some((e) => e.pointer === '/information')) throw new Error(`4000 code points (4001 UTF-16 units) between spaces fit the 4000 of /information: errors ${listed(first)}`);
  const over = await fieldErrors('/v1/requests', '/v1/requests', { ...requestExample, purpose: blank, information: `${'a'.repeat(4000)}\u{1F4C4}` });
  if (!over.some((e) => e.pointer === '/information' && e.code === 'too_long')) throw new Error(`4001 code points in /information: errors ${listed(over)}, the contract says too_long`);
});
const objectionExample = Object.values(DOC.paths['/v1/objections'].post.requestBody.content['application/json'].examples).find((e) => e.value.reasons.join() === 'b').value;
await check('POST /v1/objections: unknown reasons are one error at /reasons (feature objections; nothing registered)', async () => {
  if (feature('objections')) return feature('objections');
  const { catalogue_item_id: _, ...body } = objectionExample;
  const errors = await fieldErrors('/v1/objections', '/v1/objections', { ...body, reasons: ['b', 'x', 'y'] });
  const reasons = errors.filter((e) => e.pointer.startsWith('/reasons'));
  if (reasons.length !== 1 || reasons[0].pointer !== '/reasons' || reasons[0].code !== 'unknown_value') throw new Error(`reasons b, x, y: errors ${listed(reasons)}, the contract says one /reasons unknown_value`);
  return undefined;
});

// ------------------------------------------------------------------ lookups that prove ownership (1.5.0)
// A backend limits wrong verifiers per number (5 lock it) and per address (for example 10 a minute), so
// these send few: with --write they are two of the five wrong verifiers that lock the registered number.

/** Wrong verifiers sent for the number under test, towards its lock. */
let wrongSent = 0;
/** A verifier of the wrong form gets the same 404 as a wrong verifier. */
const wrongFormVerifier = (number, wrong) =>
  check('a verifier that is neither an e-mail nor four digits (12345): the same 404 as a wrong one (1.5.0)', async () => {
    if (!wrong) return 'no 404 of a made-up number to compare with';
    wrongSent++;
    const { body } = await expect('post', '/v1/request-lookups', '/v1/request-lookups', 404, { body: { number, verifier: '12345' }, code: 'not_found' }).catch((e) => {
      throw e.message.startsWith('answered 422') ? new Error('a verifier of the wrong form got 422: it is simply wrong, the same 404 (a 422 would tell the form from the facts)') : e;
    });
    if (JSON.stringify(body) !== JSON.stringify(wrong)) throw new Error(`not the same 404: ${JSON.stringify(body)} and ${JSON.stringify(wrong)}`);
    return undefined;
  });
/** A survey with a wrong verifier and an invalid rating: ownership is proven before the fields are read. */
const surveyOwnershipFirst = (number) =>
  check('POST /v1/surveys with a wrong verifier and a rating of 9: 404 before 422 (1.5.0, feature survey)', async () => {
    if (feature('survey')) return feature('survey');
    wrongSent++;
    await expect('post', '/v1/surveys', '/v1/surveys', 404, { body: { number, verifier: 'nobody@check-backend.invalid', rating: 9 }, headers: { 'Idempotency-Key': crypto.randomUUID() }, code: 'not_found' }).catch((e) => {
      throw e.message.startsWith('answered 422') ? new Error('a wrong verifier with an invalid rating got 422: prove ownership (404) before checking the fields, so a stranger learns nothing') : e;
    });
    return undefined;
  });
if (!write) {
  await wrongFormVerifier('PPID-CHECK-000000', unknownLookup);
  await surveyOwnershipFirst('PPID-CHECK-000000');
}

if (write) {
  const example = Object.values(DOC.paths['/v1/requests'].post.requestBody.content['application/json'].examples)[0].value;
  const key = crypto.randomUUID();
  let receipt = null;
  await check('POST /v1/requests (the contract\'s example): 201, a receipt', async () => {
    ({ body: receipt } = await expect('post', '/v1/requests', '/v1/requests', 201, { body: example, headers: { 'Idempotency-Key': key } }));
  });
  await check('the receipt carries an access token: at least 128 bits, URL-safe (1.4.0)', async () => {
    if (!receipt) return 'nothing was registered';
    if (before14()) return before14();
    const token = receipt.access_token;
    if (typeof token !== 'string') throw new Error('the receipt has no access_token: the status link on the citizen\'s receipt cannot open the status');
    if (!/^[A-Za-z0-9_-]{22,64}$/.test(token)) throw new Error(`access_token "${token}" is not 22 to 64 characters of A-Z a-z 0-9 - _`);
  });
  await check('POST /v1/requests again with the same key and body: 201, the same receipt, Idempotent-Replayed: true', async () => {
    if (!receipt) return 'nothing was registered';
    const { res, body } = await expect('post', '/v1/requests', '/v1/requests', 201, { body: example, headers: { 'Idempotency-Key': key } });
    if (body.number !== receipt.number) throw new Error(`a second request was registered: ${body.number} after ${receipt.number}`);
    if (body.access_token !== receipt.access_token) throw new Error('the replayed receipt has another access_token');
    if (res.headers.get('idempotent-replayed') !== 'true') throw new Error('no Idempotent-Replayed: true header');
  });
  await check('POST /v1/requests with the same key and another body: 409 idempotency_conflict', async () => {
    if (!receipt) return 'nothing was registered';
    const other = { ...example, information: `${example.information} (lain)` };
    await expect('post', '/v1/requests', '/v1/requests', 409, { body: other, headers: { 'Idempotency-Key': key }, code: 'idempotency_conflict' });
  });
  const who = example.requester;
  const verifier = who.email ?? who.phone.slice(-4);
  await check('POST /v1/request-lookups with its number and verifier: 200, its status', async () => {
    if (!receipt) return 'nothing was registered';
    const { body } = await expect('post', '/v1/request-lookups', '/v1/request-lookups', 200, { body: { number: receipt.number, verifier } });
    if (body.number !== receipt.number) throw new Error(`looked up ${receipt.number}, answered ${body.number}`);
  });
  await check("the status echoes the citizen's publish choice and names no register entry before a notice (1.6.0, feature register)", async () => {
    if (!receipt) return 'nothing was registered';
    if (noRegister()) return noRegister();
    const { body } = await expect('post', '/v1/request-lookups', '/v1/request-lookups', 200, { body: { number: receipt.number, verifier } });
    const chose = example.publish === true;
    if (body.publish !== chose) throw new Error(`publish is ${body.publish ?? 'absent'}, the request said ${chose}: store the choice and echo it`);
    if (body.register_id != null) throw new Error(`register_id ${body.register_id} before any notice: only an answered request is published`);
    return undefined;
  });
  await check('POST /v1/request-lookups with its number in small letters with spaces around: 200 (numbers compare ignoring case and surrounding spaces)', async () => {
    if (!receipt) return 'nothing was registered';
    const typed = `  ${receipt.number.toLowerCase()} `;
    const { body } = await expect('post', '/v1/request-lookups', '/v1/request-lookups', 200, { body: { number: typed, verifier } }).catch((e) => {
      throw e.message.startsWith('answered 404') ? new Error(`"${typed}" was not found: compare numbers ignoring letter case and surrounding spaces`) : e;
    });
    if (body.number !== receipt.number) throw new Error(`the status says ${body.number}, the number as issued is ${receipt.number}`);
    return undefined;
  });
  await check('the registration number: at most 64 characters, no control characters, no spaces around', async () => {
    if (!receipt) return 'nothing was registered';
    const n = receipt.number;
    if ([...n].length > 64 || /[\u0000-\u001f\u007f]/.test(n) || n.trim() !== n) throw new Error(`"${n}" breaks the contract's form of a number`);
    return undefined;
  });
  const hasToken = () => (!receipt ? 'nothing was registered' : before14() ?? (typeof receipt.access_token === 'string' ? null : 'the receipt has no access_token'));
  await check('POST /v1/request-access with its number and access token: 200, its status without a verifier (1.4.0)', async () => {
    if (hasToken()) return hasToken();
    const { body } = await expect('post', '/v1/request-access', '/v1/request-access', 200, { body: { number: receipt.number, access_token: receipt.access_token } });
    if (body.number !== receipt.number) throw new Error(`opened ${receipt.number}, answered ${body.number}`);
  });
  let wrongVerifier = null;
  await check('POST /v1/request-access with a wrong access token: 404, the same answer as a wrong verifier (1.4.0)', async () => {
    if (hasToken()) return hasToken();
    const token = receipt.access_token;
    const wrong = token.slice(0, -1) + (token.endsWith('A') ? 'B' : 'A');
    const { body } = await expect('post', '/v1/request-access', '/v1/request-access', 404, { body: { number: receipt.number, access_token: wrong }, code: 'not_found' }).catch((e) => {
      throw e.message.startsWith('answered 200') ? new Error('a wrong access token opened the status: compare the whole token (in constant time)') : e;
    });
    wrongSent++;
    ({ body: wrongVerifier } = await expect('post', '/v1/request-lookups', '/v1/request-lookups', 404, { body: { number: receipt.number, verifier: 'nobody@check-backend.invalid' }, code: 'not_found' }));
    if (JSON.stringify(body) !== JSON.stringify(wrongVerifier)) throw new Error(`a wrong token and a wrong verifier must get the same 404; got ${JSON.stringify(body)} and ${JSON.stringify(wrongVerifier)}`);
  });
  if (receipt) {
    await wrongFormVerifier(receipt.number, unknownLookup);
    await surveyOwnershipFirst(receipt.number);
  }
  await check('5 wrong verifiers lock the number: 429 with Retry-After even for the right verifier, and the access token still opens it (1.4.0)', async () => {
    if (!receipt) return 'nothing was registered';
    if (before14()) return before14();
    // The checks above sent some wrong verifiers already.
    for (let i = wrongSent; i < 5; i++) {
      await expect('post', '/v1/request-lookups', '/v1/request-lookups', 404, { body: { number: receipt.number, verifier: 'nobody@check-backend.invalid' }, code: 'not_found' });
    }
    const { res, body } = await expect('post', '/v1/request-lookups', '/v1/request-lookups', 429, { body: { number: receipt.number, verifier }, code: 'rate_limited' }).catch((e) => {
      throw e.message.startsWith('answered 200') ? new Error('after 5 wrong verifiers the right one still got the status: lock the number (429) for 15 minutes, whoever asks') : e;
    });
    const seconds = Number(res.headers.get('retry-after'));
    if (!(seconds >= 1)) throw new Error(`Retry-After is ${res.headers.get('retry-after') ?? 'missing'}`);
    if (body.retry_after !== seconds) throw new Error(`retry_after ${body.retry_after} differs from Retry-After ${seconds}`);
    if (typeof receipt.access_token === 'string') {
      await expect('post', '/v1/request-access', '/v1/request-access', 200, { body: { number: receipt.number, access_token: receipt.access_token } }).catch((e) => {
        throw new Error(`the lock also stopped the access token (it must not): ${e.message}`);
      });
    }
  });
  await check('POST /v1/surveys by access token before any notice: a rating of 9 is 422 out_of_range, a good one 409 survey_closed; fields before state (1.5.0, feature survey)', async () => {
    if (feature('survey')) return feature('survey');
    if (hasToken()) return hasToken();
    const survey = (rating) => ({ body: { number: receipt.number, access_token: receipt.access_token, rating }, headers: { 'Idempotency-Key': crypto.randomUUID() } });
    const { body } = await expect('post', '/v1/surveys', '/v1/surveys', 422, { ...survey(9), code: 'validation' }).catch((e) => {
      throw e.message.startsWith('answered 409') ? new Error('a rating of 9 got 409: check the fields (422) before whether the survey is open (409)') : e;
    });
    if (!body.errors?.some((e) => e.pointer === '/rating' && e.code === 'out_of_range')) throw new Error(`errors ${listed(body.errors ?? [])}, the contract says /rating out_of_range`);
    await expect('post', '/v1/surveys', '/v1/surveys', 409, { ...survey(4), code: 'survey_closed' });
    return undefined;
  });
  await check('POST /v1/objections on the locked number, typed in small letters: 201, never held up by the lock; request_number as issued (feature objections)', async () => {
    if (feature('objections')) return feature('objections');
    if (!receipt) return 'nothing was registered';
    const example = Object.values(DOC.paths['/v1/objections'].post.requestBody.content['application/json'].examples)[0].value;
    const { attachments: _, ...body } = example;
    const { body: filed } = await expect('post', '/v1/objections', '/v1/objections', 201, {
      body: { ...body, request_number: ` ${receipt.number.toLowerCase()} `, verifier, objector: requestExample.requester },
      headers: { 'Idempotency-Key': crypto.randomUUID() },
    }).catch((e) => {
      throw e.message.startsWith('answered 429') ? new Error('the objection was refused with 429: a lock on lookups never holds up an objection') : e;
    });
    if (filed.request_number !== receipt.number) throw new Error(`request_number "${filed.request_number}", the number as issued is "${receipt.number}"`);
    return undefined;
  });
}
// Last, so that its 404 does not count towards a limit per address before the lock is checked.
await check('POST /v1/objection-access for an unknown number: 404 not_found (1.4.0, feature objections)', async () =>
  before14() ??
  feature('objections') ??
  expect('post', '/v1/objection-access', '/v1/objection-access', 404, { body: { number: 'KEB-CHECK-000000', access_token: NO_SUCH_TOKEN }, code: 'not_found' }));

const count = (r) => results.filter((x) => x === r).length;
console.log(`check-backend: ${count('ok')} passed, ${count('fail')} failed, ${count('skip')} skipped`);
process.exit(count('fail') ? 1 : 0);
