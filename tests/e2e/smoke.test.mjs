// Smoke test: the built app loads from the release server, renders its main heading without errors,
// and passes axe-core's WCAG 2.1 A/AA and best-practice rules.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { useServers, waitForApp, assertNoAxeViolations } from './harness.mjs';
import { pageRunner } from './page.mjs';

const env = useServers({ server: {} });
const withPage = pageRunner('smoke', env);

test('home page renders without errors and passes axe', { timeout: 90_000 }, async () => {
  await withPage('home', async (page) => {
    const response = await page.goto(`${env.server.url}/`);
    assert.equal(response?.status(), 200, 'GET / answers 200');
    await waitForApp(page, 'main#main h1');
    assert.notEqual((await page.textContent('main#main h1'))?.trim(), '', 'the main heading has text');
    assert.deepEqual(page.consoleErrors, [], 'no console or page errors');
    await assertNoAxeViolations(page, 'home page');
  });
});
