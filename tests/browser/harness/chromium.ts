/**
 * Chromium with the built extension (playwright-core + Debian's /usr/bin/chromium). Every request to a host
 * other than the fixture server is blocked and recorded: the extension must make none.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium, type BrowserContext, type Page, type Worker } from 'playwright-core';
import { CHROMIUM_FLAGS } from './chromium-flags';
import { startFixtureServer, type FixtureServer } from './fixture-server';
import { findTabInPage, inPage, mutationRecorder } from './in-page';
import type { Evaluates } from './page-probe';
import { sessionPerSuite } from './session-hooks';
import { waitFor } from './wait';

export const CHROME_EXT_DIR: string = resolve(process.env.GC_EXT_CHROME ?? '.output/chrome-mv3');

export interface PopupFinding {
  kind: string | null;
  incident: string | null;
  text: string;
}

export interface OpenedPage {
  page: Page;
  /** Uncaught errors and console errors of the page, as they happen. */
  errors: string[];
}

export interface ChromiumSession {
  context: BrowserContext;
  server: FixtureServer;
  extensionId: string;
  /** The extension's background service worker. */
  worker: Worker;
  /** Requests to anything but the fixture server (all blocked). */
  foreignRequests: string[];
  /** Opens a fixture page in a new tab and waits for it to load. */
  open(path: string): Promise<OpenedPage>;
  extensionUrl(path: string): string;
  /** Opens an extension page (popup.html, options.html, ...) in a new tab. */
  openExtensionPage(path: string): Promise<OpenedPage>;
  tabIdOf(page: Page): Promise<number>;
  badgeText(tabId: number): Promise<string>;
  /** Sends a message to a tab's content script from the background. */
  sendToTab(tabId: number, message: unknown): Promise<void>;
  /** Opens `popup.html?tab=<tabId>` and returns its page once it lists `expected` findings (or times out). */
  openPopup(tabId: number, expected: number): Promise<OpenedPage>;
  popupFindings(tabId: number, expected: number): Promise<PopupFinding[]>;
  close(): Promise<void>;
}

/** Collects a page's uncaught errors and console errors, as they happen. */
export function collectErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(`pageerror: ${error.message}`));
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(`console.error: ${message.text()}`);
  });
  return errors;
}

export interface LaunchOptions {
  /** Browser UI language (what the extension's i18n sees), e.g. 'he'. Default: English. */
  lang?: string;
}

/** The extension's background service worker, once Chromium has started it. */
export async function extensionWorker(context: BrowserContext): Promise<Worker> {
  const isOurs = (w: Worker): boolean => w.url().startsWith('chrome-extension://');
  return (
    context.serviceWorkers().find(isOurs) ??
    (await context.waitForEvent('serviceworker', { predicate: isOurs, timeout: 15_000 }))
  );
}

/** The command-line switches that load the unpacked extension in `dir` (and no other). */
export function extensionArgs(dir: string): string[] {
  return [`--disable-extensions-except=${dir}`, `--load-extension=${dir}`];
}

export interface SuiteOptions extends LaunchOptions {
  /** More preparation once the browser is up, before the suite's tests. */
  setup?: (session: ChromiumSession) => Promise<void>;
}

/**
 * One Chromium with the extension for the tests of the current suite (file or `describe`): launched before
 * them, closed after them.
 */
export function withChromium(options: SuiteOptions = {}, dir: string = CHROME_EXT_DIR): ChromiumSession {
  return sessionPerSuite(() => launchChromium(dir, options), 'Chromium', options.setup);
}

export async function launchChromium(
  dir: string = CHROME_EXT_DIR,
  options: LaunchOptions = {},
): Promise<ChromiumSession> {
  const extDir = resolve(dir);
  const lang = options.lang ?? 'en-US';
  const server = await startFixtureServer();
  const profile = await mkdtemp(join(tmpdir(), 'gc-chromium-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: process.env.GC_CHROMIUM ?? '/usr/bin/chromium',
    headless: true,
    args: [...extensionArgs(extDir), `--lang=${lang}`, ...CHROMIUM_FLAGS],
    // On Linux the UI language comes from the environment; --lang alone is not enough.
    env: { ...process.env, LANGUAGE: lang.replace('-', '_'), LANG: 'C.UTF-8' },
    locale: lang,
    viewport: { width: 1100, height: 800 },
  });
  const foreignRequests: string[] = [];
  const isFixture = (url: string): boolean => url.startsWith(server.origin + '/');
  const isLocal = (url: string): boolean => /^(chrome-extension|data|blob|about|chrome):/.test(url);
  context.on('request', (request) => {
    const url = request.url();
    if (!isFixture(url) && !isLocal(url)) foreignRequests.push(url);
  });
  await context.route('**/*', (route) => {
    const url = route.request().url();
    if (isFixture(url) || isLocal(url)) return route.continue();
    return route.abort('blockedbyclient');
  });
  await context.addInitScript({ content: inPage(mutationRecorder) });

  const worker = await extensionWorker(context);
  const extensionId = new URL(worker.url()).host;
  // The tab Chromium opens with the profile is not needed.
  for (const page of context.pages()) await page.close();

  const extensionUrl = (path: string): string => `chrome-extension://${extensionId}/${path}`;
  const openUrl = async (url: string): Promise<OpenedPage> => {
    const page = await context.newPage();
    const errors = collectErrors(page);
    await page.goto(url, { waitUntil: 'load' });
    return { page, errors };
  };

  const session: ChromiumSession = {
    context,
    server,
    extensionId,
    worker,
    foreignRequests,
    open: (path) => openUrl(server.url(path)),
    extensionUrl,
    openExtensionPage: (path) => openUrl(extensionUrl(path)),
    async tabIdOf(page) {
      // Tab URLs are visible to the extension only with host access; otherwise the active tab of the
      // focused window is the one just brought to the front.
      const url = page.url();
      await page.bringToFront();
      const id = await worker.evaluate(inPage(findTabInPage, url));
      if (typeof id !== 'number' || id < 0) throw new Error(`no single tab found for ${url}`);
      return id;
    },
    async badgeText(tabId) {
      return (await worker.evaluate(
        inPage(
          (id: number) => (globalThis as unknown as ChromeGlobal).chrome.action.getBadgeText({ tabId: id }),
          tabId,
        ),
      )) as string;
    },
    async sendToTab(tabId, message) {
      await worker.evaluate(
        inPage(
          ([id, msg]: [number, unknown]) =>
            (globalThis as unknown as ChromeGlobal).chrome.tabs.sendMessage(id, msg).catch(() => undefined),
          [tabId, message],
        ),
      );
    },
    async openPopup(tabId, expected) {
      const opened = await openUrl(extensionUrl(`popup.html?tab=${tabId}`));
      await waitPopupListed(opened.page, tabId, expected);
      return opened;
    },
    async popupFindings(tabId, expected) {
      return takePopupFindings((await session.openPopup(tabId, expected)).page);
    },
    async close() {
      await context.close();
      await server.close();
      await rm(profile, { recursive: true, force: true });
    },
  };
  return session;
}

/**
 * Waits until the popup page for `tabId` has rendered its list of `expected` findings, or gives up after the
 * usual timeout without failing: the caller asserts on what is listed.
 */
export async function waitPopupListed(page: Evaluates, tabId: number, expected: number): Promise<void> {
  await waitFor(
    async () => (await page.evaluate(inPage(popupReady, expected))) === true,
    `popup for tab ${tabId} to list ${expected} findings`,
  ).catch(() => undefined);
}

/** What a popup page lists; the page is closed after reading it. */
export async function takePopupFindings(page: Evaluates & { close(): Promise<void> }): Promise<PopupFinding[]> {
  const findings = (await page.evaluate(inPage(popupFindingsInPage))) as PopupFinding[];
  await page.close();
  return findings;
}

/** The popup has rendered: it lists `expected` findings, or (for none) shows some text and no findings. */
export function popupReady(expected: number): boolean {
  if (document.readyState !== 'complete') return false;
  const listed = document.querySelectorAll('[data-kind]').length;
  if (expected > 0) return listed >= expected;
  // The popup marks its body data-ready once it has rendered the tab's report.
  const rendered = document.body?.dataset.ready === 'true' || (document.body?.innerText.trim().length ?? 0) > 0;
  return listed === 0 && rendered;
}

export function popupFindingsInPage(): PopupFinding[] {
  return [...document.querySelectorAll('[data-kind]')].map((el) => ({
    kind: el.getAttribute('data-kind'),
    incident: el.getAttribute('data-incident'),
    text: (el as HTMLElement).innerText ?? '',
  }));
}

/** The slice of the extension API the harness calls from the service worker. */
export interface ChromeGlobal {
  chrome: {
    tabs: {
      query(q: object): Promise<{ id?: number; url?: string; active?: boolean }[]>;
      sendMessage(tabId: number, message: unknown): Promise<unknown>;
    };
    action: { getBadgeText(d: { tabId: number }): Promise<string> };
    storage: {
      local: {
        get(keys?: string | string[] | null): Promise<Record<string, unknown>>;
        set(items: Record<string, unknown>): Promise<void>;
        remove(keys: string | string[]): Promise<void>;
      };
    };
  };
}
