// The patterns page: a search becomes its figures with one click, the charts render (SVG with
// an accessible name beside a table of the same numbers), and a CSV export downloads with the
// rows the table shows.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import {
  TEST_TIMEOUT_MS, assertPageContract, follow, here, launchBrowser, screenshot, visit, withPage,
} from './helpers.mjs';

let browser;
before(async () => { browser = await launchBrowser(); });
after(async () => { await browser?.close(); });

test('a search links to its patterns; charts render beside their tables', { timeout: TEST_TIMEOUT_MS }, async () => {
  await withPage(browser, {}, async (page) => {
    await visit(page, '/search?q=information');
    const link = page.getByRole('link', { name: 'Refusal patterns for these results' });
    assert.equal(await link.count(), 1, `${here(page)}: no link to the patterns of this search`);
    await follow(page, link);
    assert.equal(new URL(page.url()).pathname, '/patterns');
    assert.equal(new URL(page.url()).searchParams.get('q'), 'information');
    await assertPageContract(page);
    const charts = page.locator('svg.app-chart[role="img"]');
    assert.ok(await charts.count() >= 3, `${here(page)}: expected the outcome, exemption and time charts`);
    for (const chart of await charts.all()) {
      const box = await chart.boundingBox();
      assert.ok(box && box.width > 100 && box.height > 20, 'a chart has no size on the page');
      const title = await chart.locator('title').textContent();
      assert.ok(title?.trim(), 'a chart has no <title>');
      // The chart is drawn: bars, lines or cells are there.
      assert.ok(await chart.locator('rect, path, circle').count() > 0, `chart "${title}" is empty`);
    }
    // The outcome table has the numbers the bars show.
    const rows = await page.locator('#outcomes ~ table tbody tr').count();
    assert.ok(rows > 0, 'the outcome table has no rows');
    await screenshot(page, 'patterns-flow');
  });
});

test('the authorities CSV downloads and holds the rows the table shows', { timeout: TEST_TIMEOUT_MS }, async () => {
  await withPage(browser, { acceptDownloads: true }, async (page) => {
    await visit(page, '/patterns');
    const tableRows = await page.locator('#authorities ~ .app-scroll').first().locator('tbody tr').count();
    assert.ok(tableRows > 0, 'the authority table is empty');
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('link', { name: 'authorities (CSV)' }).click(),
    ]);
    assert.match(download.suggestedFilename(), /^foilog-patterns-authorities.*\.csv$/);
    const file = await download.path();
    const { readFile } = await import('node:fs/promises');
    const text = await readFile(file, 'utf8');
    const lines = text.split('\r\n').filter((l) => l.length > 0);
    assert.match(lines[0], /^"authority_id","authority","responses"/);
    assert.equal(lines.length - 1, tableRows, 'CSV rows and table rows differ');
  });
});
