// R9 in a real browser: the hostile letters of tests/web/fixtures (markup in every field, in the
// file name, Mustache tags, javascript: and data: URLs) and payloads in the query and facet
// parameters, on every kind of page. Payloads call alert() or set window.__xss; withPage fails
// the test on any dialog, page error or CSP violation, and each page is checked for the canary
// and for links or sources that point at script.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { TEST_TIMEOUT_MS, here, launchBrowser, visit, withPage } from './helpers.mjs';

let browser;
before(async () => { browser = await launchBrowser(); });
after(async () => { await browser?.close(); });

const PAYLOADS = [
  '<img src=x onerror="window.__xss=1;alert(1)">',
  '"><script>window.__xss=1;alert(2)</script>',
  "'><svg onload=alert(3)>",
  'javascript:alert(4)',
  '{{title}}{{{body_html}}}',
];

async function hostileDocs(page) {
  const urls = [];
  for (const canary of ['canary-xylophone', 'canary-zanzibar', 'canary-formula']) {
    const res = await page.request.get(`/api/search?q=${canary}`);
    const j = await res.json();
    assert.ok(j.results.length > 0, `the fixture letter with ${canary} is not in the test store`);
    urls.push(j.results[0].url);
  }
  return urls;
}

async function assertInert(page) {
  const where = here(page);
  assert.equal(await page.evaluate(() => window.__xss), undefined, `${where}: an injected script ran`);
  const bad = await page.evaluate(() => [...document.querySelectorAll('[href],[src],[action],[formaction]')]
    .map((el) => el.getAttribute('href') ?? el.getAttribute('src') ?? el.getAttribute('action') ?? el.getAttribute('formaction'))
    .filter((v) => /^\s*(javascript|data|vbscript):/i.test(v ?? '')));
  assert.deepEqual(bad, [], `${where}: links or sources that run script`);
  const injected = await page.evaluate(() => document.querySelectorAll('main script, main iframe, main svg[onload], main img[onerror]').length);
  assert.equal(injected, 0, `${where}: injected elements in the page`);
}

test('hostile letters and hostile parameters never run script on any page', { timeout: TEST_TIMEOUT_MS * 3 }, async () => {
  await withPage(browser, {}, async (page) => {
    const docs = await hostileDocs(page);
    const pages = ['/', '/authorities', '/exemptions', '/patterns?q=canary-xylophone',
      '/search?q=canary-xylophone', '/search?q=canary-zanzibar&mode=questions'];
    for (const doc of docs) pages.push(doc);
    for (const p of PAYLOADS) {
      const e = encodeURIComponent(p);
      pages.push(`/search?q=${e}`, `/search?q=canary&authority=${e}`, `/patterns?q=${e}`,
        `/check?draft=${e}`, `/compare?authority=west-midlands-police&authority=${e}`);
    }
    for (const url of pages) {
      const response = await page.goto(url, { waitUntil: 'load' });
      assert.ok(response && response.status() < 500, `GET ${url}: ${response?.status()}`);
      await assertInert(page);
    }
    // The authority pages of the hostile letters' authorities, reached from their documents.
    for (const doc of docs) {
      await visit(page, doc);
      const link = page.locator('a[href^="/authority/"]').first();
      if (await link.count()) {
        await visit(page, await link.getAttribute('href'));
        await assertInert(page);
      }
    }
  });
});
