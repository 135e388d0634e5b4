// Check before you ask: a requester pastes the seeds' questions in their own words and sees the
// seeds' published answers, using the keyboard and the form alone (no script needed).
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import {
  TEST_TIMEOUT_MS, assertPageContract, here, launchBrowser, screenshot, visit, withPage,
} from './helpers.mjs';

let browser;
before(async () => { browser = await launchBrowser(); });
after(async () => { await browser?.close(); });

const DRAFT = [
  'Hello,',
  '',
  'Could you tell me:',
  '1. What product do you use for security information and event management (SIEM)?',
  '2. Who looks after your managed security service, and when is that contract up for renewal?',
  '3. How many times has your network been breached by hackers in the past two years?',
  '',
  'Many thanks',
].join('\n');

test('reworded seed questions find the seed, question by question', { timeout: TEST_TIMEOUT_MS }, async () => {
  await withPage(browser, {}, async (page) => {
    await visit(page, '/check');
    await assertPageContract(page);
    await page.getByLabel('Your draft request').fill(DRAFT);
    await Promise.all([
      page.waitForNavigation({ waitUntil: 'load' }),
      page.getByRole('button', { name: 'Check my request' }).click(),
    ]);
    assert.equal(new URL(page.url()).pathname, '/check');
    await assertPageContract(page);
    const questions = page.locator('li.app-check-question');
    assert.equal(await questions.count(), 3, `${here(page)}: the draft should split into 3 questions`);
    for (let i = 0; i < 3; i++) {
      const text = await questions.nth(i).innerText();
      assert.ok(text.includes('FOI 003477-20'), `question ${i + 1} did not find the seed:\n${text}`);
      assert.match(text, /Asked (once|\d+ times)/, `question ${i + 1} has no summary`);
    }
    // The draft stays in the box, so it can be edited and checked again.
    assert.equal(await page.getByLabel('Your draft request').inputValue(), DRAFT);
    await screenshot(page, 'check-results');
  });
});

test('a draft of request wording only is told what is missing', { timeout: TEST_TIMEOUT_MS }, async () => {
  await withPage(browser, {}, async (page) => {
    await visit(page, '/check');
    await page.getByLabel('Your draft request').fill('Dear Sir/Madam,\nPlease provide the information you hold.\nYours faithfully');
    const [response] = await Promise.all([
      page.waitForNavigation({ waitUntil: 'load' }),
      page.getByRole('button', { name: 'Check my request' }).click(),
    ]);
    assert.equal(response?.status(), 400);
    const summary = page.locator('.govuk-error-summary');
    assert.equal(await summary.count(), 1, 'no error summary');
    assert.match(await summary.innerText(), /no question/);
    // The error links to the field it is about.
    assert.equal(await summary.locator('a[href="#draft"]').count(), 1);
  });
});
