// scripts/check-backend.mjs, the check a regency runs on its own backend: the reference backend passes
// every check (with --write too: access tokens and the lock per number included), and a backend that
// breaks the contract fails exactly the checks it breaks, each saying what is wrong.

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
  assert.match(lines.at(-1), /^check-backend: 28 passed, 0 failed, 0 skipped$/, stdout);
  assert.ok(lines.slice(1, -1).every((l) => l.startsWith('ok ')), stdout);
  for (const name of [
    'the receipt carries an access token',
    'POST /v1/request-access with its number and access token: 200',
    'POST /v1/request-access with a wrong access token: 404',
    '5 wrong verifiers lock the number',
    `CORS: an origin not on the list`,
  ]) {
    assert.match(line(lines, name), /^ok /, stdout);
  }
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
      assert.match(lines.at(-1), /^check-backend: 19 passed, 8 failed, 1 skipped$/, stdout);
    } finally {
      await broken.stop();
    }
  });
});
