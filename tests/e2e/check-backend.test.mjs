// scripts/check-backend.mjs, the check a regency runs on its own backend: the reference backend passes
// every check (with --write too: access tokens and the lock per number included), and a backend that
// breaks the contract fails exactly the checks it breaks, each saying what is wrong. Since 1.5.0 the checks
// of what the contract spells out (paths, methods, body limit, preflights, lengths and trimming, paging,
// sorting, search, the order of the objection and survey checks, the backend's own clock, numbers typed
// in other letters) each have a proxy below that breaks them; so do the register's (1.6.0), which a
// backend without the feature skips.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import path from 'node:path';
import { ROOT, useServers, withServer, startHttpServer } from './harness.mjs';

/** The checker's default portal origin, which the reference backend is told to allow. */
const PORTAL = 'https://portal.example';

const env = useServers({ reference: { config: { api_base: '/api' }, args: ['--allow-origin', PORTAL] } }, { browser: false });

/** Runs the checker on `api`; resolves to its exit code and output lines. */
function runCheck(api, ...flags) {
  return new Promise((resolve) => {
    execFile(process.execPath, [path.join(ROOT, 'scripts', 'check-backend.mjs'), api, ...flags], { timeout: 60000 }, (error, stdout, stderr) => {
      resolve({ code: error ? error.code : 0, lines: stdout.trim().split('\n'), stdout, stderr });
    });
  });
}

/** The result of the check whose name contains `start`: its line and the indented lines under it. */
function line(lines, start) {
  const at = lines.findIndex((l) => l.includes(start));
  if (at < 0) return `(no line with ${start})`;
  const more = [];
  for (let i = at + 1; i < lines.length && lines[i].startsWith(' '); i++) more.push(lines[i].trim());
  return [lines[at], ...more].join(' ');
}

test('the reference backend passes every check, writes included', { timeout: 90_000 }, async () => {
  const { code, lines, stdout } = await runCheck(`${env.reference.url}/api`, '--write');
  assert.equal(code, 0, stdout);
  assert.match(lines.at(-1), /^check-backend: 52 passed, 0 failed, 0 skipped$/, stdout);
  assert.ok(lines.slice(1, -1).every((l) => l.startsWith('ok ')), stdout);
  for (const name of [
    'the receipt carries an access token',
    'POST /v1/request-access with its number and access token: 200',
    'POST /v1/request-access with a wrong access token: 404',
    '5 wrong verifiers lock the number',
    `CORS: an origin not on the list`,
    'register answers carry no property of the requester',
    "the status echoes the citizen's publish choice",
  ]) {
    assert.match(line(lines, name), /^ok /, stdout);
  }
});

test('a backend whose registration numbers hold a slash, a space and a # passes every check, writes included', { timeout: 90_000 }, async () => {
  await withServer({ config: { api_base: '/api' }, args: ['--allow-origin', PORTAL, '--request-number-prefix', '045/PPID #'] }, async (server) => {
    const { code, lines, stdout } = await runCheck(`${server.url}/api`, '--write');
    assert.equal(code, 0, stdout);
    assert.match(lines.at(-1), /^check-backend: 52 passed, 0 failed, 0 skipped$/, stdout);
    // The checker registered this number and locked it with its wrong verifiers.
    const year = new Intl.DateTimeFormat('en', { timeZone: 'Asia/Jakarta', year: 'numeric' }).format(Date.now());
    const locked = await fetch(`${server.url}/api/v1/request-lookups`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ number: `045/PPID #${year}-000201`, verifier: 'siti.nurhaliza@example.com' }) });
    assert.equal(locked.status, 429, `the checker registered and looked up 045/PPID #${year}-000201`);
  });
});

test('a reference backend that does not list the portal\'s origin fails the CORS checks', { timeout: 60_000 }, async () => {
  await withServer({ config: { api_base: '/api' } }, async (sameOriginOnly) => {
    const { code, lines, stdout } = await runCheck(`${sameOriginOnly.url}/api`);
    assert.equal(code, 1, stdout);
    assert.match(line(lines, 'CORS: the preflight'), /^FAIL .*Access-Control-Allow-Origin is missing/, stdout);
    assert.match(line(lines, 'CORS: an origin not on the list'), /^ok /, stdout);
  });
});

test('a backend that breaks the contract fails the checks it breaks, each saying why', { timeout: 90_000 }, async () => {
  // A fresh reference backend: the first test's wrong guesses count against this address for a minute.
  await withServer({ config: { api_base: '/api' } }, async (upstreamServer) => {
    // A proxy to the reference backend that breaks seven things; one is opening a status with any token.
    let realToken = null;
    const broken = await startHttpServer(async (req, res) => {
      const url = req.url.replace(/^\/api/, '');
      if (req.method === 'OPTIONS') return res.writeHead(405).end();
      if (url === '/v1/calendar/1900') return res.writeHead(404, { 'Content-Type': 'text/plain', 'Access-Control-Allow-Origin': '*' }).end('Not Found');
      // Its web server refuses a body over the limit (the reference would close the connection).
      if (Number(req.headers['content-length']) > 24 * 1024 * 1024) return res.writeHead(413, { 'Content-Type': 'text/html' }).end('<h1>413 Request Entity Too Large</h1>');
      const chunks = [];
      for await (const c of req) chunks.push(c);
      let sent = chunks.length ? Buffer.concat(chunks) : undefined;
      // Any token opens the status: the backend does not compare it.
      if (url === '/v1/request-access' && realToken) sent = JSON.stringify({ ...JSON.parse(sent), access_token: realToken });
      const upstream = await fetch(`${upstreamServer.url}/api${url}`, {
        method: req.method,
        headers: Object.fromEntries(['content-type', 'idempotency-key'].filter((h) => req.headers[h]).map((h) => [h, req.headers[h]])),
        body: sent,
      });
      const headers = { 'Content-Type': upstream.headers.get('content-type'), 'Access-Control-Allow-Origin': '*' };
      let body = Buffer.from(await upstream.arrayBuffer());
      if (url === '/v1/meta') {
        const meta = JSON.parse(body);
        delete meta.service_standards;
        body = JSON.stringify(meta);
      }
      if (/^\/v1\/catalogue\/[^/?]+$/.test(url) && upstream.status === 200) body = JSON.stringify({ ...JSON.parse(body), class: 'rahasia' });
      if (url === '/v1/requests' && upstream.status === 201) realToken = JSON.parse(body).access_token;
      // No Idempotent-Replayed header, and Retry-After / Idempotent-Replayed not exposed.
      res.writeHead(upstream.status, headers).end(body);
    });
    try {
      const { code, lines, stdout } = await runCheck(`${broken.url}/api`, '--write');
      assert.equal(code, 1, stdout);
      assert.match(line(lines, 'GET /v1/meta'), /^FAIL .*must have required property 'service_standards'/, stdout);
      assert.match(line(lines, 'GET /v1/calendar/1900'), /^FAIL .*Content-Type is "text\/plain", the contract says application\/problem\+json/, stdout);
      assert.match(line(lines, 'GET /v1/catalogue/{id}: 200'), /^FAIL .*\/class must be equal to one of the allowed values \(berkala, serta_merta, setiap_saat, dikecualikan\)/, stdout);
      assert.match(line(lines, 'CORS: the preflight'), /^FAIL .*the preflight answered 405/, stdout);
      assert.match(line(lines, 'CORS: a preflight asking for more headers'), /^FAIL .*the preflight answered 405/, stdout);
      // The proxy passes only Content-Type on: a 405 loses its Allow header.
      assert.match(line(lines, 'a method a path does not serve'), /^FAIL .*DELETE \/v1\/meta: no Allow header/, stdout);
      assert.match(line(lines, 'CORS: answers allow'), /^FAIL .*does not name retry-after/, stdout);
      assert.match(line(lines, 'the same receipt, Idempotent-Replayed'), /^FAIL .*no Idempotent-Replayed: true header/, stdout);
      assert.match(line(lines, 'with a wrong access token'), /^FAIL .*a wrong access token opened the status/, stdout);
      assert.match(line(lines, 'CORS: an origin not on the list'), /^skip .*allows every origin \(\*\)/, stdout);
      // The proxy drops Retry-After, so the lock's 429 does not say how long to wait.
      assert.match(line(lines, '5 wrong verifiers lock the number'), /^FAIL .*Retry-After is missing/, stdout);
      // What it does not break still passes.
      for (const ok of ['GET /v1/units', 'GET /v1/catalogue?page=1', 'POST /v1/requests (the contract', 'with its number and verifier', 'the receipt carries an access token', 'with its number and access token: 200']) {
        assert.match(line(lines, ok), /^ok /, stdout);
      }
      assert.match(lines.at(-1), /^check-backend: 41 passed, 10 failed, 1 skipped$/, stdout);
    } finally {
      await broken.stop();
    }
  });
});

/**
 * A proxy to `upstream` (the reference backend, `/api` included) that passes everything on as it is,
 * CORS and the headers the contract names included, unless `tamper(req, url, body)` answers itself
 * (returns true after answering) or `rewrite(url, status, json)` returns another body.
 */
async function proxy(upstream, { tamper = async () => false, rewrite = (url, status, json) => json, sendDate = true } = {}) {
  return startHttpServer(async (req, res) => {
    res.sendDate = sendDate;
    const url = req.url.replace(/^\/api/, '');
    const chunks = [];
    for await (const c of req) chunks.push(c);
    const body = chunks.length ? Buffer.concat(chunks) : undefined;
    if (await tamper(req, url, body, res)) return;
    // As a web server in front would: the reference closes the connection on a body over its limit.
    if (body && body.length > 24 * 1024 * 1024) return problem(res, 413, 'payload_too_large');
    const pass = ['content-type', 'idempotency-key', 'origin', 'access-control-request-method', 'access-control-request-headers'];
    const answer = await fetch(`${upstream}/api${url}`, {
      method: req.method,
      headers: Object.fromEntries(pass.filter((h) => req.headers[h]).map((h) => [h, req.headers[h]])),
      body,
    });
    const headers = {};
    for (const h of ['content-type', 'allow', 'retry-after', 'idempotent-replayed', 'vary', 'access-control-allow-origin', 'access-control-allow-methods', 'access-control-allow-headers', 'access-control-expose-headers', 'access-control-max-age', ...(sendDate ? ['date'] : [])]) {
      if (answer.headers.get(h) !== null) headers[h] = answer.headers.get(h);
    }
    let out = Buffer.from(await answer.arrayBuffer());
    if (out.length && (headers['content-type'] ?? '').includes('json')) {
      const json = rewrite(url, answer.status, JSON.parse(out));
      out = Buffer.from(JSON.stringify(json));
    }
    res.writeHead(answer.status, headers).end(out);
  });
}

/** Answers `res`; true, for `tamper`. */
function send(res, status, headers, body) {
  res.writeHead(status, headers).end(body);
  return true;
}

/** Answers `res` with a problem. */
function problem(res, status, code, errors, more = {}) {
  res.writeHead(status, { 'Content-Type': 'application/problem+json', 'Access-Control-Allow-Origin': PORTAL, ...more });
  res.end(JSON.stringify({ type: 'about:blank', title: 'Problem', status, code, ...(errors ? { errors } : {}) }));
  return true;
}

test('"this year" is the backend\'s: its Date header decides which calendars are checked; without one the checker says so', { timeout: 60_000 }, async () => {
  // Mid-2027 by the backend's clock, whatever this machine's clock says.
  await withServer({ config: { api_base: '/api' }, args: ['--allow-origin', PORTAL, '--now', String(Date.parse('2027-06-01T10:00:00+07:00'))] }, async (server) => {
    const { code, lines, stdout } = await runCheck(`${server.url}/api`);
    assert.equal(code, 0, stdout);
    assert.match(line(lines, "the backend's clock"), /^ok /, stdout);
    assert.match(line(lines, 'this year\'s calendar'), /^ok +GET \/v1\/calendar\/2027: 200, this year's calendar \(2027 by the backend's clock\)/, stdout);
    assert.match(line(lines, "the next year's calendar"), /^ok +GET \/v1\/calendar\/2028: /, stdout);
    // A server in front that drops Date: the checker falls back to this machine's clock and says so.
    const noDate = await proxy(`${server.url}`, { sendDate: false });
    try {
      const machine = Number(new Intl.DateTimeFormat('en', { timeZone: 'Asia/Jakarta', year: 'numeric' }).format(Date.now()));
      const { lines: l2, stdout: o2 } = await runCheck(`${noDate.url}/api`);
      assert.match(line(l2, "the backend's clock"), new RegExp(`^skip .*no Date header: "this year" is this machine's, ${machine}`), o2);
      assert.match(line(l2, "this year's calendar"), new RegExp(`GET /v1/calendar/${machine}: `), o2);
    } finally {
      await noDate.stop();
    }
  });
});

test('a backend read too literally fails the 1.5.0 checks it breaks, each saying why', { timeout: 90_000 }, async () => {
  await withServer({ config: { api_base: '/api' }, args: ['--allow-origin', PORTAL] }, async (server) => {
    const literal = await proxy(server.url, {
      async tamper(req, url, body, res) {
        const json = () => {
          try {
            return JSON.parse(body.toString('utf8'));
          } catch {
            return {};
          }
        };
        const known = /^\/v1\/(meta|calendar\/[^/]+|units|catalogue(\/[^/?]+)?|register(\/[^/?]+)?|announcements|statistics|requests|request-lookups|request-access|objections|objection-lookups|objection-access|surveys)(\?.*)?$/;
        // A single-page app's fallback: every unknown path is the portal's index.html.
        if (!known.test(url) || url.startsWith('/v1/calendar/abc')) return send(res, 200, { 'Content-Type': 'text/html' }, '<!doctype html><title>PPID</title>');
        // Exactly the headers the contract lists, nothing more.
        if (req.method === 'OPTIONS' && /x-/.test(req.headers['access-control-request-headers'] ?? '')) return send(res, 403, {}, '');
        if (Number(req.headers['content-length']) > 24 * 1024 * 1024) return send(res, 500, { 'Content-Type': 'text/plain' }, 'Internal Server Error');
        const query = new URL(url, 'http://x').searchParams;
        if (Number(query.get('per_page')) > 100) return problem(res, 400, 'validation', [{ pointer: '/per_page', code: 'invalid_format' }]);
        // An accent-sensitive search.
        if (/[^\x00-\x7f]/.test(query.get('q') ?? '')) {
          const empty = { items: [], total: 0, page: 1, per_page: 20, class_counts: { berkala: 0, serta_merta: 0, setiap_saat: 0, dikecualikan: 0 } };
          return send(res, 200, { 'Content-Type': 'application/json', 'Access-Control-Allow-Origin': PORTAL }, JSON.stringify(empty));
        }
        // Lengths in UTF-16 units, as JavaScript's .length counts.
        if (url === '/v1/requests' && req.method === 'POST' && body && json().information?.trim().length > 4000) {
          return problem(res, 422, 'validation', [{ pointer: '/information', code: 'too_long' }, { pointer: '/purpose', code: 'required' }]);
        }
        // A verifier of the wrong form refused as such, telling it from a wrong one.
        if (url === '/v1/request-lookups' && json().verifier === '12345') return problem(res, 422, 'validation', [{ pointer: '/verifier', code: 'invalid_format' }]);
        // The fields before ownership.
        if (url === '/v1/surveys' && req.method === 'POST' && (json().rating < 1 || json().rating > 5)) return problem(res, 422, 'validation', [{ pointer: '/rating', code: 'out_of_range' }]);
        return false;
      },
      rewrite(url, status, json) {
        // Sorted by title, but backwards.
        if (url.startsWith('/v1/catalogue?sort=title') && status === 200) return { ...json, items: json.items.reverse() };
        // One error per unknown reason.
        if (url === '/v1/objections' && status === 422) {
          return { ...json, errors: json.errors.flatMap((e) => (e.pointer === '/reasons' ? [{ ...e, pointer: '/reasons/1' }, { ...e, pointer: '/reasons/2' }] : [e])) };
        }
        return json;
      },
    });
    try {
      const { code, lines, stdout } = await runCheck(`${literal.url}/api`);
      assert.equal(code, 1, stdout);
      const failed = {
        'CORS: a preflight asking for more headers': /the preflight answered 403/,
        'paths the contract does not define': /GET \/v1\/ppid-check-no-such-path answered 200, the contract says 404/,
        'a body over the limit': /answered 500, the contract says 413/,
        'GET /v1/catalogue paging': /per_page=1000 answered 400, the contract says 200.*clamp it, never refuse it/,
        'GET /v1/register paging': /per_page=1000 answered 400, the contract says 200.*clamp it, never refuse it/,
        'sort orders are total': /sort=title: ".*" before ".*" \(folded titles ascend\)/,
        'GET /v1/catalogue?q': /q=\S+ does not find/,
        'lengths count code points': /4000 code points \(4001 UTF-16 units\) between spaces fit the 4000 of \/information: errors \/information too_long/,
        'unknown reasons are one error': /reasons b, x, y: errors \/reasons\/1 unknown_value, \/reasons\/2 unknown_value/,
        'neither an e-mail nor four digits': /a verifier of the wrong form got 422/,
        'POST /v1/surveys with a wrong verifier and a rating of 9': /prove ownership \(404\) before checking the fields/,
      };
      for (const [name, why] of Object.entries(failed)) assert.match(line(lines, name), new RegExp(`^FAIL .*${why.source}`), `${name}\n${stdout}`);
      for (const name of ['GET /v1/meta', "the backend's clock", 'CORS: the preflight of a submission', 'a method a path does not serve', 'GET /v1/catalogue?page=1']) {
        assert.match(line(lines, name), /^ok /, `${name}\n${stdout}`);
      }
      assert.match(lines.at(-1), new RegExp(`^check-backend: \\d+ passed, ${Object.keys(failed).length} failed, 0 skipped$`), stdout);
    } finally {
      await literal.stop();
    }
  });
});

test('with --write, a backend that compares numbers literally, reads state before fields, or holds objections up fails those checks', { timeout: 90_000 }, async () => {
  await withServer({ config: { api_base: '/api' }, args: ['--allow-origin', PORTAL] }, async (server) => {
    const strict = await proxy(server.url, {
      async tamper(req, url, body, res) {
        const json = () => {
          try {
            return JSON.parse(body.toString('utf8'));
          } catch {
            return {};
          }
        };
        // Numbers compared byte for byte: a number typed in small letters is not found.
        if (url === '/v1/request-lookups' && /[a-z]|^\s|\s$/.test((json().number ?? '').replace(/^PPID/, ''))) return problem(res, 404, 'not_found');
        // Whether the survey is open before its fields.
        if (url === '/v1/surveys' && json().access_token) return problem(res, 409, 'survey_closed');
        // Only ASCII spaces are trimmed: a purpose of no-break and ideographic spaces is not blank.
        if (url === '/v1/requests' && /^[\u00a0\u3000 ]+$/.test(json().purpose ?? '')) {
          return problem(res, 422, 'validation', [{ pointer: '/information', code: 'too_long' }]);
        }
        // The lock on lookups holds objections up too.
        if (url === '/v1/objections' && req.method === 'POST' && json().request_number) return problem(res, 429, 'rate_limited', undefined, { 'Retry-After': '600' });
        return false;
      },
    });
    try {
      const { code, lines, stdout } = await runCheck(`${strict.url}/api`, '--write');
      assert.equal(code, 1, stdout);
      assert.match(line(lines, 'in small letters with spaces around: 200'), /^FAIL .*was not found: compare numbers ignoring letter case and surrounding spaces/, stdout);
      assert.match(line(lines, 'POST /v1/surveys by access token before any notice'), /^FAIL .*a rating of 9 got 409: check the fields \(422\) before whether the survey is open/, stdout);
      assert.match(line(lines, 'POST /v1/objections on the locked number'), /^FAIL .*a lock on lookups never holds up an objection/, stdout);
      assert.match(line(lines, 'lengths count code points and Unicode whitespace is trimmed'), /^FAIL .*a purpose of only no-break and ideographic spaces is blank: errors \/information too_long/, stdout);
      assert.match(line(lines, '5 wrong verifiers lock the number'), /^ok /, stdout);
      assert.match(lines.at(-1), /^check-backend: 48 passed, 4 failed, 0 skipped$/, stdout);
    } finally {
      await strict.stop();
    }
  });
});

test('a backend without the register skips its checks, and one that serves it without listing the feature fails', { timeout: 60_000 }, async () => {
  await withServer({ config: { api_base: '/api' }, args: ['--allow-origin', PORTAL, '--without-feature', 'register'] }, async (server) => {
    const { code, lines, stdout } = await runCheck(`${server.url}/api`, '--write');
    assert.equal(code, 0, stdout);
    const skipped = lines.filter((l) => l.startsWith('skip ')).map((l) => l.replace(/^skip +/, ''));
    assert.equal(skipped.length, 8, stdout);
    assert.ok(skipped.every((l) => /register.*: the backend does not offer the feature register$/.test(l)), stdout);
    assert.match(lines.at(-1), /^check-backend: 44 passed, 0 failed, 8 skipped$/, stdout);
    // A register answered although meta does not list it: the portal would never show it.
    const unlisted = await proxy(server.url, {
      async tamper(req, url, body, res) {
        if (!url.startsWith('/v1/register')) return false;
        const page = { entries: [], total: 0, page: 1, per_page: 20, record: { answered: 0, on_time: 0, late: 0, fulfilled: 0, partly_fulfilled: 0, refused: 0, not_held: 0, not_yet_documented: 0, forwarded: 0, objections: 0, disputes: 0 } };
        return send(res, 200, { 'Content-Type': 'application/json', 'Access-Control-Allow-Origin': PORTAL }, JSON.stringify(page));
      },
    });
    try {
      const { code: c2, lines: l2, stdout: o2 } = await runCheck(`${unlisted.url}/api`);
      assert.equal(c2, 1, o2);
      assert.match(line(l2, 'GET /v1/register?per_page=2'), /^FAIL .*does not list register in features but answers GET \/v1\/register with 200/, o2);
    } finally {
      await unlisted.stop();
    }
  });
});

test('a register that counts only its page, ignores sort=oldest, leaks an e-mail, answers an unknown id with a web page, or forgets publish fails those checks', { timeout: 90_000 }, async () => {
  await withServer({ config: { api_base: '/api' }, args: ['--allow-origin', PORTAL] }, async (server) => {
    const broken = await proxy(server.url, {
      async tamper(req, url, body, res) {
        if (url === '/v1/register/ppid-check-no-such-entry') return send(res, 404, { 'Content-Type': 'text/html' }, '<h1>Not Found</h1>');
        return false;
      },
      rewrite(url, status, json) {
        if (url.startsWith('/v1/register?') && status === 200) {
          const entries = url.includes('sort=oldest') ? [...json.entries].reverse() : json.entries;
          const leaked = entries.map((e, i) => (i === 0 ? { ...e, email: 'warga@example.id' } : e));
          return { ...json, entries: leaked, record: { ...json.record, answered: json.entries.length } };
        }
        if (url === '/v1/request-lookups' && status === 200) {
          const { publish: _, ...rest } = json;
          return rest;
        }
        return json;
      },
    });
    try {
      const { code, lines, stdout } = await runCheck(`${broken.url}/api`, '--write');
      assert.equal(code, 1, stdout);
      const failed = {
        'GET /v1/register?per_page=2': /record\.answered 2 is not total \d+/,
        'GET /v1/register: every entry once': /sort=oldest: \S+ \(\d{4}-\d\d-\d\d\) before \S+/,
        'GET /v1/register paging and bad values': /page=99999: the record still counts every match: answered 0 \(the entries say \d+\)/,
        'GET /v1/register/{unknown id}': /Content-Type is "text\/html", the contract says application\/problem\+json/,
        'register answers carry no property': /\/v1\/register\/entries\/0\/email: the register never carries the requester's identity/,
        "the status echoes the citizen's publish choice": /publish is absent, the request said true/,
      };
      for (const [name, why] of Object.entries(failed)) assert.match(line(lines, name), new RegExp(`^FAIL .*${why.source}`), `${name}\n${stdout}`);
      for (const name of ['GET /v1/register filters', 'GET /v1/register/{id}: 200']) assert.match(line(lines, name), /^ok /, `${name}\n${stdout}`);
      assert.match(lines.at(-1), /^check-backend: 46 passed, 6 failed, 0 skipped$/, stdout);
    } finally {
      await broken.stop();
    }
  });
});
