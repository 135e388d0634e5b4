// Reflow (WCAG 1.4.10): at 320 CSS px wide nothing scrolls sideways.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { TEST_TIMEOUT_MS, here, launchBrowser, screenshot, visit, withPage } from './helpers.mjs';

let browser;
before(async () => { browser = await launchBrowser(); });
after(async () => { await browser?.close(); });

const viewport = { width: 320, height: 640 };

async function assertNoSideScroll(page) {
  const { scrollWidth, offender } = await page.evaluate(() => {
    const vw = document.documentElement.clientWidth;
    // Name the widest element sticking out, to make a failure easy to fix.
    let worst = null;
    for (const el of document.body.querySelectorAll('*')) {
      const r = el.getBoundingClientRect();
      if (r.right > vw + 0.5 && (!worst || r.right > worst.right))
        worst = { right: Math.round(r.right), html: el.outerHTML.slice(0, 160) };
    }
    return { scrollWidth: document.documentElement.scrollWidth, offender: worst };
  });
  assert.ok(scrollWidth <= viewport.width,
    `${here(page)}: scrollWidth ${scrollWidth} > ${viewport.width}; widest element: ${JSON.stringify(offender)}`);
}

describe('320 px wide', { timeout: TEST_TIMEOUT_MS }, () => {
  test('the search page has no horizontal scroll', async () => {
    await withPage(browser, { viewport }, async (page) => {
      await visit(page, '/search?q=police');
      assert.ok(await page.locator('ol.results > li.result').count() > 0, 'results are shown');
      await screenshot(page, 'search-320px');
      await assertNoSideScroll(page);
    });
  });

  test('the home page has no horizontal scroll', async () => {
    await withPage(browser, { viewport }, async (page) => {
      await visit(page, '/');
      await assertNoSideScroll(page);
    });
  });

  test('a document page has no horizontal scroll', async () => {
    await withPage(browser, { viewport }, async (page) => {
      await visit(page, '/search?q=police');
      const href = await page.locator('a.result-link').first().getAttribute('href');
      assert.ok(href, 'a result to open');
      await visit(page, href);
      await screenshot(page, 'document-320px');
      await assertNoSideScroll(page);
    });
  });
});
