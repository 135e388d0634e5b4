// Publishing, the whole flow in a browser: sign in with a token, upload a letter, review its
// warnings, correct a fact through its Change page, be refused publishing until the warnings are
// confirmed, publish, see it in public, withdraw it, purge it, read the audit log, sign out.
// Every page is checked twice: the markup contract with the site's CSP enforced, and axe-core
// (WCAG 2.2 AA) in a second signed-in context that bypasses CSP so axe can be injected.
// run.sh makes the account and token with the CLI and passes them in FOILOG_PUBLISH_TOKEN.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import {
  TEST_TIMEOUT_MS, assertPageContract, axeViolations, formatViolations, here, launchBrowser,
  saveJson, screenshot, visit, withPage,
} from './helpers.mjs';

const TOKEN = process.env.FOILOG_PUBLISH_TOKEN;

let browser;
before(async () => { browser = await launchBrowser(); });
after(async () => { await browser?.close(); });

const LETTER = `Freedom of Information Request Reference: BROWSER-FOI-1

Dear Requester,

Thank you for your request received on 4 March 2024 about numbatlight street lamps.

1. How many numbatlight lamps were replaced in 2023?

Response: 340 lamps were replaced. Contact jane.smith@example.org with any questions.

Yours sincerely,
Information Governance Team
Test Borough Council
Date: 20 March 2024
`;

async function signIn(page) {
  await visit(page, '/publish', 401); // no session: the page answers 401 with the sign-in form
  await page.locator('input#token').fill(TOKEN);
  await Promise.all([
    page.waitForURL((u) => u.pathname === '/publish', { waitUntil: 'load' }),
    page.locator('form[action="/publish/sign-in"] button[type="submit"]').click(),
  ]);
}

// Submits the form the button is in and waits for the page it leads to; returns its status.
async function submit(page, button) {
  const [response] = await Promise.all([
    page.waitForNavigation({ waitUntil: 'load' }),
    button.click(),
  ]);
  return response?.status();
}

test('an authority publishes, corrects and withdraws a response (axe-clean throughout)',
  { timeout: TEST_TIMEOUT_MS * 3, skip: !TOKEN && 'FOILOG_PUBLISH_TOKEN is not set (run.sh sets it)' },
  async () => {
    await withPage(browser, {}, async (page) => {
      await withPage(browser, { bypassCSP: true }, async (axePage) => {
        const checked = [];
        // The page as it is now: markup contract and screenshot (CSP on), axe in the other context.
        const check = async (name, status = 200) => {
          await assertPageContract(page);
          await screenshot(page, `publish-${name}`);
          const url = here(page);
          if (status === 200) await visit(axePage, url);
          const violations = await axeViolations(axePage);
          if (violations.length) await saveJson(`publish-${name}-axe`, violations);
          assert.equal(violations.length, 0, formatViolations(here(axePage), violations));
          checked.push(name);
        };

        // Signed out, any publishing page is the sign-in form.
        await visit(axePage, '/publish', 401);
        assert.equal(await axePage.locator('input#token[type="password"]').count(), 1);
        const signInViolations = await axeViolations(axePage);
        assert.equal(signInViolations.length, 0, formatViolations('/publish (401)', signInViolations));
        await signIn(page);
        await signIn(axePage);
        await check('dashboard');

        await Promise.all([page.waitForURL(/\/publish\/upload$/), page.locator('a[href="/publish/upload"].govuk-button').click()]);
        await check('upload');
        await page.setInputFiles('input#file', { name: 'lamps.txt', mimeType: 'text/plain', buffer: Buffer.from(LETTER) });
        assert.equal(await submit(page, page.locator('form[action="/publish/upload"] button[type="submit"]')), 200);
        assert.match(new URL(page.url()).pathname, /^\/publish\/doc\/\d+$/, 'one upload opens its review page');
        const review = new URL(page.url()).pathname;
        const id = review.split('/').pop();
        await check('review');
        assert.ok(await page.locator('.govuk-warning-text').isVisible(), 'warnings are shown before publishing');
        assert.ok((await page.locator('.app-warnings').innerText()).includes('jane.smith@example.org'));
        // "Show in letter" jumps to the marked words.
        const show = page.locator('.app-warnings a[href^="#ev-warning-"]').first();
        const target = await show.getAttribute('href');
        assert.equal(await page.locator(target).count(), 1, `the letter has ${target}`);

        // Correct the reference through its Change link.
        await Promise.all([page.waitForURL(/\/change\/reference$/), page.locator(`a[href="${review}/change/reference"]`).click()]);
        await check('change-reference');
        await page.locator('input#value').fill('BROWSER-FOI-1-CORRECTED');
        assert.equal(await submit(page, page.locator('form button[type="submit"].govuk-button').last()), 200);
        assert.equal(new URL(page.url()).pathname, review);
        assert.ok((await page.locator('.govuk-notification-banner').innerText()).includes('Reference corrected'));
        assert.ok((await page.locator('.govuk-summary-list').innerText()).includes('BROWSER-FOI-1-CORRECTED'));
        assert.ok(await page.locator('.govuk-tag--blue', { hasText: 'Corrected by the authority' }).count() >= 1);

        // A date that does not exist: the error summary, in both contexts.
        for (const p of [page, axePage]) {
          await visit(p, `${review}/change/date_received`);
          await p.locator('#value-day').fill('31');
          await p.locator('#value-month').fill('2');
          await p.locator('#value-year').fill('2024');
          assert.equal(await submit(p, p.locator('form button[type="submit"].govuk-button').last()), 400);
        }
        assert.ok(await page.locator('.govuk-error-summary').isVisible());
        await assertPageContract(page);
        const dateErrors = await axeViolations(axePage);
        assert.equal(dateErrors.length, 0, formatViolations('date error', dateErrors));
        for (const field of ['outcome', 'topics', 'exemptions', 'questions']) {
          await visit(page, `${review}/change/${field}`);
          await check(`change-${field}`);
        }

        // Publishing waits for the warnings to be confirmed.
        await visit(page, review);
        for (const p of [page, axePage]) {
          await visit(p, review);
          assert.equal(await submit(p, p.locator('form[action$="/release"] button[type="submit"]')), 400);
        }
        assert.ok((await page.locator('.govuk-error-summary').innerText()).includes('Confirm'));
        const releaseErrors = await axeViolations(axePage);
        assert.equal(releaseErrors.length, 0, formatViolations('release error', releaseErrors));
        await page.locator('input#confirm_warnings').check();
        assert.equal(await submit(page, page.locator('form[action$="/release"] button[type="submit"]')), 200);
        assert.equal(new URL(page.url()).pathname, `${review}/done/published`);
        await check('published');

        // The public sees it, corrected.
        await visit(page, `/doc/${id}`);
        assert.ok((await page.locator('main').innerText()).includes('BROWSER-FOI-1-CORRECTED'));
        assert.ok((await page.locator('main').innerText()).includes('corrected by the authority'));
        await visit(page, '/search?q=numbatlight');
        assert.ok((await page.locator('#result-count').getAttribute('data-total')) === '1');

        // The embeddable log, which other sites may frame.
        await visit(page, '/authority/test-borough/embed');
        assert.ok((await page.locator('main').innerText()).includes('BROWSER-FOI-1-CORRECTED'));
        await visit(axePage, '/authority/test-borough/embed');
        const embedViolations = await axeViolations(axePage);
        assert.equal(embedViolations.length, 0, formatViolations('embed', embedViolations));

        // Withdraw it, then purge it.
        await visit(page, review);
        await Promise.all([page.waitForURL(/\/withdraw$/), page.locator(`a[href="${review}/withdraw"]`).click()]);
        await check('withdraw');
        await page.locator('textarea#reason').fill('Published by mistake');
        assert.equal(await submit(page, page.locator('form[action$="/withdraw"] button[type="submit"]')), 200);
        assert.equal(new URL(page.url()).pathname, `${review}/done/withdrawn`);
        await check('withdrawn');
        assert.equal(await submit(page, page.locator('form[action$="/purge"] button[type="submit"]')), 200);
        assert.equal(new URL(page.url()).pathname, `${review}/done/purged`);
        await check('purged');
        await visit(page, `/doc/${id}`, 410);
        await visit(page, '/search?q=numbatlight');
        assert.equal(await page.locator('#result-count').getAttribute('data-total'), '0');

        await visit(page, '/publish/audit');
        await check('audit');
        const actions = await page.locator('.govuk-table tbody').innerText();
        for (const a of ['upload', 'correct', 'release', 'withdraw', 'purge']) assert.ok(actions.includes(a), `audit log lists ${a}`);

        // Sign out: the session ends.
        await visit(page, '/publish');
        assert.equal(await submit(page, page.locator('form[action="/publish/sign-out"] button')), 200);
        assert.equal(new URL(page.url()).pathname, '/publish/sign-in');
        await visit(page, '/publish', 401);
        assert.ok(checked.length >= 12, `pages checked: ${checked.join(', ')}`);
      });
    });
  });
