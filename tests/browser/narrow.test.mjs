// Reflow (WCAG 1.4.10): at 320 CSS px wide nothing scrolls sideways, on the search page (the
// brief's must) and on every other page type with content of its own.
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
    // Name the innermost element sticking out furthest, to make a failure easy to fix.
    let worst = null;
    for (const el of document.body.querySelectorAll('*')) {
      const r = el.getBoundingClientRect();
      if (r.right > vw + 0.5 && (!worst || r.right >= worst.right))
        worst = { right: Math.round(r.right), html: el.outerHTML.slice(0, 200) };
    }
    return { scrollWidth: document.documentElement.scrollWidth, offender: worst };
  });
  assert.ok(scrollWidth <= viewport.width,
    `${here(page)}: scrollWidth ${scrollWidth} > ${viewport.width}; element sticking out: ${JSON.stringify(offender)}`);
}

// [name, url, or [page to look on, link selector] for the first such link's target]
const pages = [
  ['search', '/search?q=police'],
  ['home', '/'],
  ['document', ['/search?q=police', 'ol.results a.result-link']],
  ['search-questions', '/search?mode=questions&q=information'],
  ['authorities', '/authorities'],
  ['authority', ['/authorities', 'a.authority-link']],
  ['exemptions', '/exemptions'],
  ['exemption', ['/exemptions', 'a.exemption-link']],
];

describe('320 px wide: no horizontal scroll', { timeout: TEST_TIMEOUT_MS * 2 }, () => {
  for (const [name, where] of pages) {
    test(name, async () => {
      await withPage(browser, { viewport }, async (page) => {
        let url = where;
        if (Array.isArray(where)) {
          await visit(page, where[0]);
          url = await page.locator(where[1]).first().getAttribute('href');
          assert.ok(url, `${where[0]}: no ${where[1]} to follow`);
        }
        await visit(page, url);
        if (name === 'search')
          assert.ok(await page.locator('ol.results > li.result').count() > 0, 'results are shown');
        await screenshot(page, `${name}-320px`);
        await assertNoSideScroll(page);
      });
    });
  }
});
