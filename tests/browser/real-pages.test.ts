/**
 * Never break a page: every saved real page of ../shared/corpus/real-pages (news, blogs, docs, encyclopedias
 * in eight languages; none shows a Grok headline) opened in Chromium with page scripts off and the network
 * blocked, once without and once with the built extension. With it, the page must come out exactly as
 * without it apart from our one `<gc-root>`: the same DOM serialisation, no added page error, no request the
 * page did not make itself, no finding (data-findings="0"). A last test checks the popup contract with page
 * scripts off (the page answers the popup; nothing found, so no report to the background, no badge).
 *
 * Skipped with a message when the corpus is not there (GC_REAL_PAGES points elsewhere).
 */
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { after, before, describe, test } from 'node:test';
import type { Page } from 'playwright-core';
import { findTabInPage, inPage, gcRootStateInPage, type GcRootState } from './harness/in-page';
import { waitFor } from './harness/wait';
import { collectErrors } from './harness/chromium';
import {
  firstDifference,
  launchScriptless,
  serializeWithoutHostInPage,
  startStaticServer,
  type ScriptlessBrowser,
  type StaticServer,
} from './reliability-helpers';

const CORPUS = resolve(process.env.GC_REAL_PAGES ?? fileURLToPath(new URL('../../../shared/corpus/real-pages/', import.meta.url)));
const PAGES = existsSync(CORPUS) ? readdirSync(CORPUS).filter((file) => file.endsWith('.html')).sort() : [];
const skip = PAGES.length === 0 ? `no real pages at ${CORPUS} (set GC_REAL_PAGES)` : false;
if (skip) console.log(`# real-pages: skipped: ${skip}`);

interface Opened {
  page: Page;
  errors: string[];
  ms: number;
}

let server: StaticServer;
let plain: ScriptlessBrowser;
let withExtension: ScriptlessBrowser;
const timings: { file: string; plainMs: number; extensionMs: number; settleMs: number }[] = [];

async function open(browser: ScriptlessBrowser, url: string): Promise<Opened> {
  const page = await browser.context.newPage();
  const errors = collectErrors(page);
  const start = performance.now();
  // With page scripts off the DOM is final once parsed; subresources (all failing) cannot change it.
  await page.goto(url, { waitUntil: 'domcontentloaded' });
  return { page, errors, ms: performance.now() - start };
}

async function rootState(page: Page): Promise<GcRootState> {
  return (await page.evaluate(inPage(gcRootStateInPage))) as GcRootState;
}

/** The tab showing `page` (brought to the front: without host access the extension sees only the active tab). */
async function tabOf(page: Page): Promise<number> {
  const worker = withExtension.worker;
  assert.ok(worker);
  await page.bringToFront();
  const id = await worker.evaluate(inPage(findTabInPage, page.url()));
  assert.ok(typeof id === 'number' && id >= 0, `the tab of ${page.url()}`);
  return id;
}

/** The page's answer to the popup's `page-status` (null: no answer yet). */
async function pageStatus(tabId: number): Promise<{ status: string; findings: unknown[] } | null> {
  const worker = withExtension.worker;
  assert.ok(worker);
  return (await worker.evaluate(
    inPage(async (id: number) => {
      const chromeApi = (globalThis as unknown as { chrome: { tabs: { sendMessage(id: number, m: unknown, o: object): Promise<unknown> } } }).chrome;
      return ((await chromeApi.tabs.sendMessage(id, { type: 'page-status' }, { frameId: 0 }).catch(() => null)) ?? null) as { status: string; findings: unknown[] } | null;
    }, tabId),
  )) as { status: string; findings: unknown[] } | null;
}

/** The keys the background holds in storage.session (a tab's report is `tab:<id>`). */
async function sessionKeys(): Promise<string[]> {
  const worker = withExtension.worker;
  assert.ok(worker);
  return (await worker.evaluate(
    inPage(async () => {
      const chromeApi = (globalThis as unknown as { chrome: { storage: { session: { get(k: null): Promise<Record<string, unknown>> } } } }).chrome;
      return Object.keys(await chromeApi.storage.session.get(null));
    }),
  )) as string[];
}

async function badge(tabId: number): Promise<string> {
  const worker = withExtension.worker;
  assert.ok(worker);
  return (await worker.evaluate(
    inPage((id: number) => (globalThis as unknown as { chrome: { action: { getBadgeText(d: object): Promise<string> } } }).chrome.action.getBadgeText({ tabId: id }), tabId),
  )) as string;
}

describe('real pages, page scripts off: the extension finds nothing and changes nothing', { skip }, () => {
  before(async () => {
    server = await startStaticServer(CORPUS);
    [plain, withExtension] = await Promise.all([launchScriptless(false), launchScriptless(true)]);
  });

  after(async () => {
    await Promise.all([plain?.close(), withExtension?.close()]);
    await server?.close();
    if (timings.length === 0) return;
    const avg = (xs: number[]): number => Math.round(xs.reduce((a, b) => a + b, 0) / xs.length);
    const max = (xs: number[]): number => Math.round(Math.max(...xs));
    const worst = [...timings].sort((a, b) => b.settleMs - a.settleMs)[0];
    console.log(
      `# real-pages: ${timings.length} pages; DOMContentLoaded without extension avg ${avg(timings.map((t) => t.plainMs))} ms, ` +
        `with extension avg ${avg(timings.map((t) => t.extensionMs))} ms; then → data-state=settled avg ` +
        `${avg(timings.map((t) => t.settleMs))} ms, max ${max(timings.map((t) => t.settleMs))} ms (${worst?.file ?? ''})`,
    );
  });

  for (const file of PAGES) {
    test(file, async () => {
      const url = server.url(file);
      // Lazy images load when layout reaches them, so the two copies of a page may start different subsets of
      // the page's own subresources: a URL the saved page itself references is the page's request.
      const source = readFileSync(join(CORPUS, file), 'latin1');
      const requestsBefore = withExtension.requests.length;
      const plainRequestsBefore = plain.requests.length;
      const [a, b] = await Promise.all([open(plain, url), open(withExtension, url)]);
      try {
        const settleStart = performance.now();
        let state: GcRootState = { state: null, findings: null, count: 0 };
        await waitFor(async () => {
          state = await rootState(b.page);
          return state.state === 'settled';
        }, `<gc-root data-state="settled"> on ${file}`).catch((error: unknown) => {
          throw new Error(`${String(error)}; last seen ${JSON.stringify(state)}`);
        });
        const settleMs = performance.now() - settleStart;
        assert.equal(state.count, 1, 'exactly one <gc-root>');
        assert.equal(state.findings, 0, 'no findings');

        const [domWithout, domWith] = (await Promise.all([
          a.page.evaluate(inPage(serializeWithoutHostInPage)),
          b.page.evaluate(inPage(serializeWithoutHostInPage)),
        ])) as [string, string];
        assert.ok(domWithout === domWith, `the page's DOM is unchanged: first difference ${firstDifference(domWithout, domWith)}`);

        // The page's own subresources fail (the network is blocked) at times that depend on layout and on how
        // long each page stays open; those lines are the page's, not ours (our requests are checked below).
        const ownError = (error: string): boolean =>
          /Failed to load resource|Manifest fetch from|net::ERR_/u.test(error);
        const addedErrors = b.errors.filter((error) => !ownError(error) && !a.errors.includes(error));
        assert.deepEqual(addedErrors, [], 'no page error added by the extension');

        const pageRequests = new Set(plain.requests.slice(plainRequestsBefore));
        const extra = withExtension.requests
          .slice(requestsBefore)
          .filter((u) => !u.startsWith('chrome-extension://') && !pageRequests.has(u) && !referencedBy(source, u));
        assert.deepEqual(extra, [], 'no request but those the page makes itself');

        timings.push({ file, plainMs: a.ms, extensionMs: b.ms, settleMs });
      } finally {
        await Promise.all([a.page.close(), b.page.close()]);
      }
    });
  }

  // Chromium runs no window.setTimeout callback in any world of a page whose scripts are blocked (site
  // setting, or Emulation.setScriptExecutionDisabled as here): the page's answer must not depend on a timer.
  test(
    'with page scripts off, the page answers the popup (checked, nothing found) and sends the background nothing (no record, no badge)',
    async () => {
      const file = PAGES[0] as string;
      const url = server.url(file);
      const opened = await open(withExtension, url);
      try {
        await waitFor(async () => (await rootState(opened.page)).state === 'settled', `<gc-root data-state="settled"> on ${file}`);
        const tabId = await tabOf(opened.page);
        let answer: Awaited<ReturnType<typeof pageStatus>> = null;
        await waitFor(async () => (answer = await pageStatus(tabId)) !== null, `the page's answer on ${file}`, 5_000);
        const status = answer as unknown as { status: string; findings: unknown[] };
        assert.equal(status.status, 'checked');
        assert.deepEqual(status.findings, [], 'the popup lists nothing');
        assert.ok(!(await sessionKeys()).includes(`tab:${tabId}`), 'no report reached the background');
        assert.equal(await badge(tabId), '', 'no badge');
      } finally {
        await opened.page.close();
      }
    },
  );
});

/** Whether the saved page's markup references the URL (by its path, as written or decoded). */
function referencedBy(source: string, url: string): boolean {
  let path: string;
  try {
    path = new URL(url).pathname;
  } catch {
    return false;
  }
  if (path.length < 8) return false;
  if (source.includes(path)) return true;
  try {
    return source.includes(decodeURIComponent(path));
  } catch {
    return false;
  }
}
