// A document page: reached from a result, its summary list, and an exemption link.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import {
  TEST_TIMEOUT_MS, assertPageContract, follow, here, launchBrowser, visit, withPage,
} from './helpers.mjs';

let browser;
before(async () => { browser = await launchBrowser(); });
after(async () => { await browser?.close(); });

test('a result opens its document page, whose exemption link leads to the exemption', { timeout: TEST_TIMEOUT_MS }, async () => {
  await withPage(browser, {}, async (page) => {
    // Narrow to documents citing an exemption, so the one opened certainly has an exemption link.
    await visit(page, '/search?q=information');
    const exemption = page.locator('section.facet[data-facet="exemption"] a.facet-value').first();
    assert.equal(await exemption.count(), 1, `${here(page)}: no exemption facet values`);
    const provision = await exemption.getAttribute('data-value');
    if (!(await exemption.isVisible()))
      await page.locator('section.facet[data-facet="exemption"] summary').first().click();
    await follow(page, exemption);

    const result = page.locator('ol.results > li.result a.result-link').first();
    assert.equal(await result.count(), 1, `${here(page)}: no result to open`);
    const title = (await result.innerText()).trim();
    assert.ok(title, 'the result link has text');
    const response = await follow(page, result);
    assert.equal(response?.status(), 200, `${here(page)}: document page status`);
    assert.match(new URL(page.url()).pathname, /^\/doc\/[^/]+$/);
    await assertPageContract(page);

    const summary = page.locator('dl.govuk-summary-list');
    assert.ok(await summary.count() > 0, `${here(page)}: no dl.govuk-summary-list`);
    const rows = await summary.first().evaluate((dl) =>
      [...dl.querySelectorAll('dt')].map((dt) => [dt.innerText.trim(), dt.nextElementSibling?.innerText.trim() ?? '']));
    assert.ok(rows.length >= 3, `${here(page)}: the summary list has ${rows.length} rows`);
    for (const [key] of rows) assert.ok(key, `${here(page)}: a summary list key is empty`);
    assert.ok(rows.some(([, value]) => value), `${here(page)}: every summary value is empty`);

    const links = page.locator('a.exemption-link');
    assert.ok(await links.count() > 0, `${here(page)}: filtered on ${provision}, but no a.exemption-link`);
    const targets = await links.evaluateAll((as) => as.map((a) => new URL(a.href).pathname));
    for (const t of targets) assert.match(t, /^\/exemption\/[^/]+$/, `exemption link ${t}`);
    const provisions = targets.map((t) => decodeURIComponent(t.slice('/exemption/'.length)));
    const i = provisions.indexOf(provision);
    assert.ok(i >= 0, `filtered on exemption ${provision}, the document links to ${provisions.join(', ')}`);

    const exemptionResponse = await follow(page, links.nth(i));
    assert.equal(exemptionResponse?.status(), 200, `${here(page)}: exemption page status`);
    assert.equal(decodeURIComponent(new URL(page.url()).pathname), `/exemption/${provision}`);
    await assertPageContract(page);
    const h1 = await page.locator('h1').innerText();
    assert.ok(h1.includes(provision), `exemption page <h1> "${h1}" should contain ${provision}`);
  });
});
