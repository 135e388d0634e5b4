// Keyboard only: skip link, search box, Enter, first result, Enter, document page.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import {
  TEST_TIMEOUT_MS, assertFocusVisible, here, launchBrowser, tabTo, visit, withPage,
} from './helpers.mjs';

let browser;
before(async () => { browser = await launchBrowser(); });
after(async () => { await browser?.close(); });

test('search and open a result with the keyboard alone', { timeout: TEST_TIMEOUT_MS }, async () => {
  await withPage(browser, {}, async (page) => {
    await visit(page, '/');
    await page.keyboard.press('Tab');
    const skip = await page.evaluate(() => {
      const el = document.activeElement;
      if (!el?.matches('a.govuk-skip-link[href="#main-content"]')) return { html: el?.outerHTML.slice(0, 200) };
      const r = el.getBoundingClientRect();
      return { ok: true, box: { x: r.x, y: r.y, w: r.width, h: r.height }, vw: innerWidth, vh: innerHeight };
    });
    assert.ok(skip.ok, `the first Tab must focus the skip link, focused ${skip.html}`);
    const { box } = skip;
    assert.ok(box.w > 1 && box.h > 1 && box.x >= 0 && box.y >= 0 && box.x + box.w <= skip.vw && box.y + box.h <= skip.vh,
      `the focused skip link must be visible on screen (box ${JSON.stringify(box)})`);
    await assertFocusVisible(page, 'the skip link');

    await tabTo(page, 'input#q', 30, 'the search box');
    await assertFocusVisible(page, 'the search box');
    await page.keyboard.type('police');
    await Promise.all([
      page.waitForURL((u) => u.pathname === '/search', { waitUntil: 'load' }),
      page.keyboard.press('Enter'),
    ]);
    assert.equal(new URL(page.url()).searchParams.get('q'), 'police', here(page));

    // Facet links may come before the results; allow for all of them.
    const stops = await page.locator('a[href], button, input, select, textarea').count();
    await tabTo(page, 'ol.results > li.result:first-child a.result-link', stops + 5, 'the first result link');
    await assertFocusVisible(page, 'the first result link');
    const target = await page.evaluate(() => new URL(document.activeElement.href).pathname);
    await Promise.all([
      page.waitForURL((u) => u.pathname === target, { waitUntil: 'load' }),
      page.keyboard.press('Enter'),
    ]);
    assert.match(new URL(page.url()).pathname, /^\/doc\/[^/]+$/);
    assert.equal(await page.locator('h1').count(), 1, `${here(page)}: one <h1>`);
    assert.ok(await page.locator('dl.govuk-summary-list').count() > 0, `${here(page)}: the document's summary list`);
  });
});
