// Search: the home page's form, results, a facet filter and its removable tag, pagination.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import {
  TEST_TIMEOUT_MS, follow, here, launchBrowser, resultTotal, visit, withPage,
} from './helpers.mjs';

const FACETS = ['authority', 'authority_type', 'exemption', 'topic', 'outcome', 'regime', 'year'];

let browser;
before(async () => { browser = await launchBrowser(); });
after(async () => { await browser?.close(); });

// Every result: an li.result with one a.result-link to /doc/ID.
async function assertResults(page) {
  const items = page.locator('ol.results > li.result');
  const n = await items.count();
  assert.ok(n > 0, `${here(page)}: no ol.results > li.result`);
  const hrefs = await page.locator('ol.results > li.result a.result-link').evaluateAll(
    (links) => links.map((a) => new URL(a.href).pathname));
  assert.equal(hrefs.length, n, `${here(page)}: every result needs one a.result-link`);
  for (const h of hrefs) assert.match(h, /^\/doc\/[^/]+$/, `${here(page)}: result link ${h}`);
  return hrefs;
}

// Every facet value on the page: { facet, value, count, locator }.
async function facetValues(page) {
  const out = [];
  for (const facet of FACETS) {
    const links = page.locator(`section.facet[data-facet="${facet}"] a.facet-value`);
    for (let i = 0; i < await links.count(); i++) {
      const link = links.nth(i);
      const value = await link.getAttribute('data-value');
      const text = (await link.innerText()).trim();
      const countText = (await link.locator('span.count').innerText()).trim();
      assert.ok(value, `${here(page)}: a.facet-value without data-value in ${facet}`);
      assert.match(countText, /^\(?\d[\d,]*\)?$/, `${here(page)}: ${facet}=${value} count "${countText}"`);
      assert.ok(text.endsWith(countText), `${here(page)}: ${facet}=${value}: text "${text}" must end with its count`);
      out.push({ facet, value, count: Number(countText.replace(/\D/g, '')), link });
    }
  }
  return out;
}

describe('search', { timeout: TEST_TIMEOUT_MS * 2 }, () => {
  test('the home page form submits a query and lists results', async () => {
    await withPage(browser, {}, async (page) => {
      await visit(page, '/');
      const form = page.locator('form[role="search"][action="/search"]');
      assert.equal(await form.count(), 1, 'home: one form[role=search][action="/search"]');
      await form.locator('input#q[name="q"]').fill('police');
      await Promise.all([
        page.waitForURL((u) => u.pathname === '/search', { waitUntil: 'load' }),
        form.locator('button[type="submit"]').click(),
      ]);
      assert.equal(new URL(page.url()).searchParams.get('q'), 'police', here(page));
      assert.equal(await page.locator('input#q').inputValue(), 'police', 'the search box keeps the query');
      const total = await resultTotal(page);
      assert.ok(total > 0, `no results for "police" (data-total=${total})`);
      assert.ok((await page.locator('#result-count').innerText()).includes(String(total)),
        '#result-count shows the total it carries in data-total');
      const hrefs = await assertResults(page);
      assert.ok(hrefs.length <= total, `${hrefs.length} results shown but data-total=${total}`);
    });
  });

  test('a facet value narrows the results; its filter tag removes it again', async () => {
    await withPage(browser, {}, async (page) => {
      await visit(page, '/search?q=police');
      const total = await resultTotal(page);
      assert.ok(total > 1, `need more than one result for "police" (data-total=${total})`);
      for (const facet of ['authority', 'authority_type', 'outcome', 'year']) {
        assert.ok(await page.locator(`section.facet[data-facet="${facet}"] a.facet-value`).count() > 0,
          `${here(page)}: facet "${facet}" has no section.facet with a.facet-value links`);
      }
      const values = await facetValues(page);
      for (const v of values)
        assert.ok(v.count > 0 && v.count <= total, `${v.facet}=${v.value} count ${v.count} outside 1..${total}`);
      const pick = values.find((v) => v.count < total);
      assert.ok(pick, `no facet value narrows the ${total} results of "police"`);

      // A facet may be a closed <details>: open it as a person would.
      if (!(await pick.link.isVisible()))
        await page.locator(`section.facet[data-facet="${pick.facet}"] summary`).first().click();
      await follow(page, pick.link);
      assert.equal(new URL(page.url()).searchParams.get('q'), 'police', `the query survives the facet: ${here(page)}`);
      const narrowed = await resultTotal(page);
      assert.equal(narrowed, pick.count, `${pick.facet}=${pick.value} said ${pick.count}, the filtered page says ${narrowed}`);
      await assertResults(page);
      const tag = page.locator(`a.filter-tag[data-facet="${pick.facet}"][data-value="${pick.value}"]`);
      assert.equal(await tag.count(), 1, `${here(page)}: one filter tag for ${pick.facet}=${pick.value}`);
      assert.ok(await tag.isVisible(), 'the filter tag is visible');

      await follow(page, tag);
      assert.equal(await page.locator('a.filter-tag').count(), 0, `${here(page)}: the filter tag is gone`);
      assert.equal(await resultTotal(page), total, 'removing the filter restores the total');
      assert.equal(new URL(page.url()).searchParams.get('q'), 'police', `the query survives removing the filter: ${here(page)}`);
    });
  });

  test('pagination: next and previous pages when the results do not fit on one', async () => {
    await withPage(browser, {}, async (page) => {
      await visit(page, '/search?q=information');
      const total = await resultTotal(page);
      const first = await assertResults(page);
      const next = page.locator('nav.govuk-pagination a[rel="next"]');
      if (total <= first.length) {
        assert.equal(await next.count(), 0, `all ${total} results on one page, yet a rel=next link`);
        return;
      }
      assert.equal(await next.count(), 1, `${total} results, ${first.length} shown: one nav.govuk-pagination a[rel=next]`);
      await follow(page, next);
      const second = await assertResults(page);
      assert.equal(await resultTotal(page), total, 'page 2 reports the same total');
      assert.ok(!second.some((h) => first.includes(h)), `page 2 repeats results of page 1: ${second}`);
      const prev = page.locator('nav.govuk-pagination a[rel="prev"]');
      assert.equal(await prev.count(), 1, `${here(page)}: one a[rel=prev]`);
      await follow(page, prev);
      assert.deepEqual(await assertResults(page), first, 'rel=prev returns to page 1');
    });
  });
});
