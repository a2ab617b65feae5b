/**
 * The benchmark's browser, shared by `npm run bench` (run.ts) and `npm run bench:ab` (ab.ts): headless Chromium
 * that reaches only the page server, pages loaded with the harness, and our script put on a page the way the
 * content script starts.
 */
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { CHROMIUM_FLAGS } from '../tests/browser/harness/chromium-flags';
import type { PageServer } from './server';

/** Loading a large generated page (8 MB of text) takes a while on a busy machine. */
const LOAD_TIMEOUT = 180_000;

/** Headless Chromium whose pages may load from `server` only: every other request is blocked. */
export async function launchBenchBrowser(server: PageServer): Promise<{ browser: Browser; context: BrowserContext }> {
  const browser = await chromium.launch({
    executablePath: process.env.GC_CHROMIUM ?? '/usr/bin/chromium',
    headless: true,
    args: [...CHROMIUM_FLAGS],
  });
  const context = await browser.newContext({ viewport: { width: 1100, height: 800 } });
  await context.route('**/*', (route) => {
    const url = route.request().url();
    return url.startsWith(`${server.origin}/`) ? route.continue() : route.abort('blockedbyclient');
  });
  return { browser, context };
}

/** A fresh load of `url` with the harness (bench/harness-entry.ts) on it, once the page has gone idle. */
export async function openWithHarness(context: BrowserContext, url: string, harness: string, onError?: (message: string) => void): Promise<Page> {
  const page = await context.newPage();
  if (onError !== undefined) page.on('pageerror', (error) => onError(error.message));
  await loadWithHarness(page, url, harness);
  return page;
}

/** Navigates `page` to `url` (same origin: the same renderer process) and puts the harness on it, once idle. */
export async function loadWithHarness(page: Page, url: string, harness: string): Promise<void> {
  await page.goto(url, { waitUntil: 'load', timeout: LOAD_TIMEOUT });
  await page.evaluate(harness);
  await page.evaluate('gcHarness.idle()');
}

/**
 * Puts our bundle (bench/page-entry.ts) on the page: first what storage.local holds for it (the background's
 * compiled matcher, when there is one), then our script, timed from its evaluation.
 */
export async function injectOurs(page: Page, source: string, snapshotJson: string | undefined): Promise<void> {
  if (snapshotJson !== undefined) await page.evaluate(`globalThis.__gcMatcherSnapshot = ${JSON.stringify(snapshotJson)};`);
  await page.evaluate(`globalThis.__gcEvalStart = performance.now();${source}`);
}

/**
 * Runs our scan on the page `page` shows (our bundle `source`, with `snapshotJson` as for `injectOurs`) until it
 * settles, then loads `url` in the same tab with the harness: a later page of the tab, whose renderer process has
 * our code compiled.
 */
export async function loadAfterOurs(page: Page, source: string, snapshotJson: string | undefined, url: string, harness: string): Promise<void> {
  await injectOurs(page, source, snapshotJson);
  await page.evaluate('gcBench.startOurs()');
  await loadWithHarness(page, url, harness);
}
