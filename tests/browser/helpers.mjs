// Shared helpers for the headless-browser tests of `foilog serve` (see run.sh).
// Environment: FOILOG_URL (the running server, required), FOILOG_ARTIFACTS (where screenshots
// go), FOILOG_CHROMIUM (browser binary; default Debian's /usr/bin/chromium: never a download).
import assert from 'node:assert/strict';
import { mkdir, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import path from 'node:path';
import { chromium } from 'playwright-core';

const require = createRequire(import.meta.url);

export const BASE_URL = process.env.FOILOG_URL;
if (!BASE_URL) throw new Error('FOILOG_URL is not set: run the suite through tests/browser/run.sh');
export const ARTIFACTS = path.resolve(process.env.FOILOG_ARTIFACTS || 'build/browser-artifacts');
const CHROMIUM = process.env.FOILOG_CHROMIUM || '/usr/bin/chromium';
const AXE_PATH = require.resolve('axe-core/axe.min.js');
export const AXE_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];

// Generous for a loaded 2-core machine; still far below ctest's 300 s.
const ACTION_TIMEOUT_MS = 20_000;
export const TEST_TIMEOUT_MS = 90_000;

export async function launchBrowser() {
  return chromium.launch({
    executablePath: CHROMIUM,
    args: ['--no-sandbox', '--disable-dev-shm-usage', '--disable-gpu'],
  });
}

// Opens a fresh context and page, runs fn(page, session), and closes them. Every page it opens
// watches for JavaScript dialogs (alert/confirm/prompt: a sign of injected script), uncaught page
// errors and Content-Security-Policy violations; any of them fails the test, after fn has passed.
// options are Playwright's browser.newContext options (viewport, bypassCSP, ...).
export async function withPage(browser, options, fn) {
  const context = await browser.newContext({ baseURL: BASE_URL, ...options });
  context.setDefaultTimeout(ACTION_TIMEOUT_MS);
  context.setDefaultNavigationTimeout(ACTION_TIMEOUT_MS);
  const problems = { dialogs: [], pageErrors: [], cspViolations: [] };
  const watched = new WeakSet();
  const watch = (page) => {
    if (watched.has(page)) return;
    watched.add(page);
    page.on('dialog', async (dialog) => {
      problems.dialogs.push({ url: page.url(), type: dialog.type(), message: dialog.message() });
      await dialog.dismiss().catch(() => {});
    });
    page.on('pageerror', (err) => problems.pageErrors.push({ url: page.url(), error: String(err) }));
    page.on('console', (msg) => {
      if (msg.type() === 'error' && /Content Security Policy/i.test(msg.text()))
        problems.cspViolations.push({ url: page.url(), message: msg.text() });
    });
  };
  context.on('page', watch); // pages the site itself opens (target=_blank, window.open)
  const page = await context.newPage();
  watch(page); // a no-op when the 'page' event has already attached the watchers
  try {
    await fn(page, { context, problems });
  } finally {
    await context.close().catch(() => {});
  }
  assert.deepEqual(problems.dialogs, [], 'a JavaScript dialog opened on a page');
  assert.deepEqual(problems.pageErrors, [], 'uncaught JavaScript error on a page');
  if (!options?.bypassCSP)
    assert.deepEqual(problems.cspViolations, [], 'the page broke its own Content-Security-Policy');
}

// page.goto that insists on the HTTP status (200 unless told).
export async function visit(page, url, status = 200) {
  const response = await page.goto(url, { waitUntil: 'load' });
  assert.ok(response, `no response for ${url}`);
  assert.equal(response.status(), status, `GET ${url}: HTTP ${response.status()}, expected ${status}`);
  return response;
}

// Clicks a link and waits for the navigation it starts to finish, returning the response status.
export async function follow(page, locator) {
  const [response] = await Promise.all([
    page.waitForNavigation({ waitUntil: 'load' }),
    locator.click(),
  ]);
  return response;
}

// The current path + query, for readable assertions.
export function here(page) {
  const u = new URL(page.url());
  return u.pathname + u.search;
}

// The exact integer in #result-count's data-total.
export async function resultTotal(page) {
  const el = page.locator('#result-count');
  assert.equal(await el.count(), 1, `${here(page)}: expected exactly one #result-count`);
  const raw = await el.getAttribute('data-total');
  assert.match(raw ?? '', /^\d+$/, `${here(page)}: #result-count data-total="${raw}" is not an integer`);
  return Number(raw);
}

// The markup every page promises: lang, a skip link as the first focusable element, one <main>
// with id main-content, one <h1>.
export async function assertPageContract(page) {
  const where = here(page);
  assert.equal(await page.getAttribute('html', 'lang'), 'en', `${where}: <html lang="en">`);
  assert.equal(await page.locator('main#main-content').count(), 1, `${where}: one <main id="main-content">`);
  assert.equal(await page.locator('main').count(), 1, `${where}: exactly one <main>`);
  assert.equal(await page.locator('h1').count(), 1, `${where}: exactly one <h1>`);
  const h1 = (await page.locator('h1').innerText()).trim();
  assert.ok(h1.length > 0, `${where}: the <h1> is empty`);
  const first = await page.evaluate(() => {
    const focusable = document.querySelectorAll(
      'a[href], button, input:not([type=hidden]), select, textarea, [tabindex]:not([tabindex="-1"])');
    const el = [...focusable].find((e) => !e.disabled);
    return el ? { html: el.outerHTML.slice(0, 200), skip: el.matches('a.govuk-skip-link[href="#main-content"]') } : null;
  });
  assert.ok(first?.skip, `${where}: the first focusable element must be the skip link, found ${first?.html}`);
}

// Runs axe-core with the WCAG 2.2 AA tag set and returns its violations. Needs a context made
// with bypassCSP: true, since addScriptTag injects an inline script that the site's CSP blocks.
export async function axeViolations(page) {
  await page.addScriptTag({ path: AXE_PATH });
  return page.evaluate(async (tags) => {
    const result = await window.axe.run(document, {
      runOnly: { type: 'tag', values: tags },
      resultTypes: ['violations'],
    });
    return result.violations.map((v) => ({
      id: v.id,
      impact: v.impact,
      tags: v.tags.filter((t) => t.startsWith('wcag')),
      help: v.help,
      helpUrl: v.helpUrl,
      nodes: v.nodes.map((n) => ({
        target: n.target,
        html: n.html,
        failureSummary: n.failureSummary,
      })),
    }));
  }, AXE_TAGS);
}

export function formatViolations(url, violations) {
  return `axe: ${violations.length} violation(s) on ${url}\n${JSON.stringify(violations, null, 2)}`;
}

export async function screenshot(page, name) {
  await mkdir(ARTIFACTS, { recursive: true });
  const file = path.join(ARTIFACTS, `${name}.png`);
  await page.screenshot({ path: file, fullPage: true });
  return file;
}

export async function saveJson(name, value) {
  await mkdir(ARTIFACTS, { recursive: true });
  await writeFile(path.join(ARTIFACTS, `${name}.json`), JSON.stringify(value, null, 2));
}

// WCAG 2.4.7: the focused element shows an indicator: a visible outline, a box-shadow, or a
// background different from its unfocused one.
export async function assertFocusVisible(page, description) {
  const style = await page.evaluate(() => {
    const el = document.activeElement;
    const transparent = (c) => c === 'transparent' || /rgba\(.*,\s*0\)$/.test(c);
    const pick = (cs) => ({ outline: `${cs.outlineStyle} ${cs.outlineWidth} ${cs.outlineColor}`,
      visibleOutline: cs.outlineStyle !== 'none' && parseFloat(cs.outlineWidth) > 0 && !transparent(cs.outlineColor),
      boxShadow: cs.boxShadow, background: cs.backgroundColor });
    const focused = pick(getComputedStyle(el));
    el.blur();
    const unfocused = pick(getComputedStyle(el));
    el.focus({ focusVisible: true });
    return { html: el.outerHTML.slice(0, 160), focused, unfocused };
  });
  const { focused, unfocused } = style;
  assert.ok(focused.visibleOutline || (focused.boxShadow !== 'none' && focused.boxShadow !== unfocused.boxShadow) ||
    focused.background !== unfocused.background,
    `${here(page)}: no visible focus indicator on ${description}: ${JSON.stringify(style)}`);
}

// Tab until document.activeElement matches selector (and, if given, test(el) is true); fails
// after maxTabs presses. Returns the number of presses.
export async function tabTo(page, selector, maxTabs, description = selector) {
  for (let n = 1; n <= maxTabs; n++) {
    await page.keyboard.press('Tab');
    if (await page.evaluate((sel) => document.activeElement?.matches(sel) ?? false, selector)) return n;
  }
  const at = await page.evaluate(() => document.activeElement?.outerHTML.slice(0, 200));
  assert.fail(`${here(page)}: ${description} not reached after ${maxTabs} Tab presses (focus on ${at})`);
}
