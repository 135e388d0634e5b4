// Every page type: the shared markup contract, a screenshot (CSP enforced), and zero axe-core
// violations of WCAG 2.2 AA (in a context that bypasses CSP so axe can be injected).
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import {
  AXE_TAGS, TEST_TIMEOUT_MS, assertPageContract, axeViolations, formatViolations, here,
  launchBrowser, saveJson, screenshot, visit, withPage,
} from './helpers.mjs';

let browser;
before(async () => { browser = await launchBrowser(); });
after(async () => { await browser?.close(); });

// The first href matching selector on url.
async function firstHref(url, selector) {
  let href;
  await withPage(browser, {}, async (page) => {
    await visit(page, url);
    href = await page.locator(selector).first().getAttribute('href').catch(() => null);
    assert.ok(href, `${url}: no ${selector} to follow`);
  });
  return new URL(href, process.env.FOILOG_URL).pathname + new URL(href, process.env.FOILOG_URL).search;
}

// [name, url or async () => url, expected status]; the name is also the screenshot's.
const pages = [
  ['home', '/', 200],
  ['search', '/search?q=police', 200],
  ['search-facet', () => firstHref('/search?q=police', 'section.facet a.facet-value'), 200],
  ['search-empty', '/search?q=xyzzyplughfrobnicate', 200],
  ['search-questions', '/search?mode=questions&q=information', 200],
  ['document', () => firstHref('/search?q=police', 'ol.results a.result-link'), 200],
  ['authorities', '/authorities', 200],
  ['authority', () => firstHref('/authorities', 'a.authority-link'), 200],
  ['exemptions', '/exemptions', 200],
  ['exemption', () => firstHref('/exemptions', 'a.exemption-link'), 200],
  ['patterns', '/patterns', 200],
  ['patterns-month', '/patterns?period=month&q=police', 200],
  ['compare', async () => {
    const res = await fetch(new URL('/api/authorities', process.env.FOILOG_URL));
    const ids = (await res.json()).authorities.slice(0, 2).map((a) => a.id);
    return `/compare?authority=${ids[0]}&authority=${ids[1]}`;
  }, 200],
  ['check', '/check', 200],
  ['check-results', '/check?draft=' + encodeURIComponent('1. Which SIEM do you use?\n2. How many cyber attacks last year?'), 200],
  ['check-error', '/check?draft=' + encodeURIComponent('Dear Sir, please provide the information. Regards'), 400],
  ['not-found', '/no-such-page', 404],
  ['bad-request', '/search?page=abc', 400],
];

describe(`every page type: markup contract and axe (${AXE_TAGS.join(', ')})`, () => {
  for (const [name, where, status] of pages) {
    test(name, { timeout: TEST_TIMEOUT_MS }, async () => {
      const url = typeof where === 'function' ? await where() : where;
      await withPage(browser, {}, async (page) => {
        await visit(page, url, status);
        await assertPageContract(page);
        await screenshot(page, name);
      });
      await withPage(browser, { bypassCSP: true }, async (page) => {
        await visit(page, url, status);
        const violations = await axeViolations(page);
        if (violations.length) await saveJson(`${name}-axe`, violations);
        assert.equal(violations.length, 0, formatViolations(here(page), violations));
      });
    });
  }
});
