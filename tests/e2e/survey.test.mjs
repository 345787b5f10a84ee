// The satisfaction survey (contract 1.2.0): a finished request's status invites a rating from 1 to
// 5 and an optional comment, sent through POST /v1/surveys; one answer per request. Against ppid-server's
// reference backend, whose seed has finished (a written notice) and open requests.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { useServers, waitForApp, assertNoAxeViolations, SEED, NOW_ARGS } from './harness.mjs';
import { pageRunner, lookUpStatus } from './page.mjs';

const env = useServers({ server: { config: { api_base: '/api' }, args: NOW_ARGS } });
const withPage = pageRunner('survey', env);
const finished = SEED.requests.filter((r) => r.events.some((e) => e.kind === 'notice') && r.submission.requester.email);
const open = SEED.requests.find((r) => !r.events.some((e) => e.kind === 'notice') && r.submission.requester.email);
const S = {
  title: 'Bagaimana layanan kami?',
  send: 'Kirim penilaian',
  missing: 'Pilih penilaian dari 1 sampai 5.',
  thanks: 'Terima kasih. Penilaian Anda sudah kami terima.',
  answered: 'Penilaian untuk permohonan ini sudah diberikan. Terima kasih.',
};

/** Looks `request` up on the status page and waits for its history. */
async function lookUp(page, request, button = 'Cek status') {
  await lookUpStatus(page, env.server.url, request.receipt.number, request.submission.requester.email, button);
  await page.getByRole('heading', { level: 2, name: request.receipt.number }).waitFor();
}

test('a finished request invites the survey: a missing rating is explained, the answer is thanked, and a second visit finds it answered', async () => {
  const request = finished[0];
  await withPage('once', async (page) => {
    const posts = [];
    page.on('request', (r) => r.method() === 'POST' && r.url().endsWith('/v1/surveys') && posts.push(r.postDataJSON()));
    await lookUp(page, request);
    const survey = page.getByRole('region', { name: S.title });
    await survey.waitFor();
    await assertNoAxeViolations(page, 'survey invitation');
    // Sent without a rating: the error summary takes focus and links to the first choice.
    await survey.getByRole('button', { name: S.send }).click();
    const summary = survey.locator('.error-summary');
    await summary.getByRole('link', { name: S.missing }).waitFor();
    await page.waitForFunction(() => document.activeElement?.classList.contains('error-summary'), null, { timeout: 2000 });
    assert.equal(await survey.getByRole('group', { name: /Seberapa puas/ }).getAttribute('aria-describedby'), 'survey-rating-error');
    await assertNoAxeViolations(page, 'survey without a rating');
    assert.equal(posts.length, 0, 'nothing sent without a rating');
    // A rating by keyboard, a comment, and send.
    await survey.getByLabel('4 – Puas').check();
    await survey.getByLabel('Saran atau komentar (tidak wajib)').fill('Jawaban jelas dan tepat waktu.');
    await survey.getByText('Sisa 970 karakter.').waitFor();
    await survey.getByRole('button', { name: S.send }).click();
    await survey.getByText(S.thanks).waitFor();
    await page.waitForFunction((text) => document.activeElement?.textContent?.trim() === text, S.thanks, { timeout: 2000 });
    assert.deepEqual(posts, [{
      number: request.receipt.number, verifier: request.submission.requester.email, rating: 4, comment: 'Jawaban jelas dan tepat waktu.',
    }]);
    await assertNoAxeViolations(page, 'survey thanks');
    // Once per request: looked up again, the survey is answered.
    await lookUp(page, request);
    await survey.getByText(S.answered).waitFor();
    assert.equal(await survey.getByRole('radio').count(), 0, 'no form a second time');
  });
});

test('a failed send keeps the answer and is sent again with the same key', async () => {
  const request = finished[1];
  await withPage('retry', async (page) => {
    const keys = [];
    let fail = true;
    await page.route('**/api/v1/surveys', async (route) => {
      keys.push(route.request().headers()['idempotency-key']);
      if (fail) {
        fail = false;
        return route.fulfill({ status: 503, contentType: 'application/problem+json', body: '{"status":503,"code":"internal"}' });
      }
      return route.continue();
    });
    await lookUp(page, request);
    const survey = page.getByRole('region', { name: S.title });
    await survey.getByLabel('5 – Sangat puas').check();
    await survey.getByRole('button', { name: S.send }).click();
    await survey.locator('.error-summary [role=alert] a').waitFor();
    assert.equal(await survey.getByLabel('5 – Sangat puas').isChecked(), true, 'the rating is kept');
    await survey.getByRole('button', { name: S.send }).click();
    await survey.getByText(S.thanks).waitFor();
    assert.equal(keys.length, 2);
    assert.equal(keys[0], keys[1], 'the same idempotency key for the retry');
  }, {
    context: { serviceWorkers: 'block' },
    // The 503 the route made up is the failure under test.
    tolerated: (e) => e.includes('status of 503'),
  });
});

test('answered elsewhere while the form was open: the backend refuses a second answer and the page says it is answered', async () => {
  const request = finished[3];
  await withPage('elsewhere', async (page) => {
    await lookUp(page, request);
    const survey = page.getByRole('region', { name: S.title });
    await survey.getByLabel('2 – Tidak puas').check();
    const other = await page.request.post(`${env.server.url}/api/v1/surveys`, {
      headers: { 'Idempotency-Key': 'another-device-0001' },
      data: { number: request.receipt.number, verifier: request.submission.requester.email, rating: 3 },
    });
    assert.equal(other.status(), 201);
    await survey.getByRole('button', { name: S.send }).click();
    await survey.getByText(S.answered).waitFor();
  }, { tolerated: (e) => e.includes('status of 409') });
});

test('no invitation for a request that is not finished, nor from a backend without the survey; in English', async () => {
  await withPage('none', async (page) => {
    await lookUp(page, open);
    await page.getByRole('heading', { level: 3 }).first().waitFor();
    assert.equal(await page.getByRole('region', { name: S.title }).count(), 0, 'not finished: no survey');
  });
  await withPage('no-feature', async (page) => {
    await page.route('**/api/v1/meta', (route) =>
      route.fulfill({ json: { ...SEED.meta, features: SEED.meta.features.filter((f) => f !== 'survey') } }));
    await lookUp(page, finished[2]);
    await page.getByRole('heading', { level: 3 }).first().waitFor();
    assert.equal(await page.getByRole('region', { name: S.title }).count(), 0, 'a backend without the survey: none');
  }, { context: { serviceWorkers: 'block' } });
  await withPage('english', async (page) => {
    await page.goto(`${env.server.url}/`);
    await waitForApp(page);
    await page.locator('.lang-switch').click();
    await page.waitForFunction(() => document.documentElement.lang === 'en');
    await lookUp(page, finished[2], 'Check status');
    const survey = page.getByRole('region', { name: 'How did we do?' });
    await survey.getByRole('group', { name: 'How satisfied are you with the service for this request?' }).waitFor();
    await survey.getByRole('button', { name: 'Send rating' }).click();
    await survey.getByRole('link', { name: 'Choose a rating from 1 to 5.' }).waitFor();
    await assertNoAxeViolations(page, 'survey in English');
  });
});
