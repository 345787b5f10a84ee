#!/usr/bin/env node
// Checks a PPID backend from the outside, the way the portal will use it, against contract/openapi.yaml:
// every answer's status, content type and body (validated against the schema the contract gives for that
// status), the problem codes the portal acts on, CORS, and (contract 1.4.0) receipts' access tokens and the
// lock on a number after wrong verifiers.
//
//   node scripts/check-backend.mjs https://your-host/api            # reads only
//   node scripts/check-backend.mjs https://your-host/api --write    # also registers one request
//
// Options: --write registers one request (the contract's first example body), sends it again with the
// same Idempotency-Key (the same receipt and access token, `Idempotent-Replayed: true`), with another body
// (409 `idempotency_conflict`), looks it up by verifier and by access token, tries a wrong token, and then
// locks its number with 5 wrong verifiers: use it on a test backend, never on a live one.
// --origin URL is the portal's origin for the CORS checks (default https://portal.example); the backend must
// allow it, and must not allow an origin that is not on its list.
// Prints one line per check and a summary; exits 1 when any check failed. Needs the npm packages of
// tests/ (scripts/setup.sh installs them).

import fs from 'node:fs';
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

// ------------------------------------------------------------------------------------------------------

console.log(`check-backend: ${API} against contract ${DOC.info.version}${write ? ' (with --write)' : ' (read only)'}`);
let meta = null;
let firstItem = null;

await check('GET /v1/meta: 200, a Meta, contract major ' + MAJOR, async () => {
  // A Meta that breaks the contract still says which features to check.
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
const year = new Date().getFullYear();
await check(`GET /v1/calendar/${year}: 200, this year's calendar`, async () => {
  const { body } = await expect('get', `/v1/calendar/${year}`, '/v1/calendar/{year}', 200);
  if (body.year !== year) throw new Error(`asked for ${year}, answered the calendar of ${body.year}`);
});
await check(`GET /v1/calendar/${year + 1}: the next year's calendar, or 404 calendar_year_missing`, async () => {
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
await check('POST /v1/request-lookups for an unknown number: 404 not_found', () =>
  expect('post', '/v1/request-lookups', '/v1/request-lookups', 404, { body: { number: 'PPID-CHECK-000000', verifier: '0000' }, code: 'not_found' }));
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
  if (res.status < 200 || res.status > 299) throw new Error(`the preflight answered ${res.status}`);
  const allowOrigin = res.headers.get('access-control-allow-origin');
  if (allowOrigin !== '*' && allowOrigin !== ORIGIN) throw new Error(`Access-Control-Allow-Origin is ${allowOrigin ?? 'missing'}`);
  const allowHeaders = (res.headers.get('access-control-allow-headers') ?? '').toLowerCase();
  for (const h of ['content-type', 'idempotency-key']) {
    if (allowHeaders !== '*' && !allowHeaders.split(',').map((s) => s.trim()).includes(h)) throw new Error(`Access-Control-Allow-Headers does not allow ${h}: "${allowHeaders}"`);
  }
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
    ({ body: wrongVerifier } = await expect('post', '/v1/request-lookups', '/v1/request-lookups', 404, { body: { number: receipt.number, verifier: 'nobody@check-backend.invalid' }, code: 'not_found' }));
    if (JSON.stringify(body) !== JSON.stringify(wrongVerifier)) throw new Error(`a wrong token and a wrong verifier must get the same 404; got ${JSON.stringify(body)} and ${JSON.stringify(wrongVerifier)}`);
  });
  await check('5 wrong verifiers lock the number: 429 with Retry-After even for the right verifier, and the access token still opens it (1.4.0)', async () => {
    if (!receipt) return 'nothing was registered';
    if (before14()) return before14();
    // The check above sent one wrong verifier already.
    for (let i = wrongVerifier ? 1 : 0; i < 5; i++) {
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
}
// Last, so that its 404 does not count towards a limit per address before the lock is checked.
await check('POST /v1/objection-access for an unknown number: 404 not_found (1.4.0, feature objections)', async () =>
  before14() ??
  feature('objections') ??
  expect('post', '/v1/objection-access', '/v1/objection-access', 404, { body: { number: 'KEB-CHECK-000000', access_token: NO_SUCH_TOKEN }, code: 'not_found' }));

const count = (r) => results.filter((x) => x === r).length;
console.log(`check-backend: ${count('ok')} passed, ${count('fail')} failed, ${count('skip')} skipped`);
process.exit(count('fail') ? 1 : 0);
