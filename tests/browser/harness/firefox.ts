/**
 * Firefox ESR with the built extension, driven by puppeteer-core over WebDriver BiDi. The extension is
 * installed as a temporary add-on and gets a fixed internal UUID, so its pages are at a known
 * `moz-extension://<uuid>/` origin.
 */
import { readFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import puppeteer, { type Browser, type Page } from 'puppeteer-core';
import { startFixtureServer, type FixtureServer } from './fixture-server';
import { findTabInPage, inPage, mutationRecorder } from './in-page';
import { takePopupFindings, waitPopupListed, type PopupFinding } from './chromium';
import { sessionPerSuite } from './session-hooks';
import { waitFor } from './wait';

export const FIREFOX_EXT_DIR: string = resolve(process.env.GC_EXT_FIREFOX ?? '.output/firefox-mv2');
export const FIREFOX_EXT_UUID = '6d1c3b57-0c2a-4f0e-9f3e-5b3f1c0a9e21';

export interface FirefoxPage {
  page: Page;
  errors: string[];
}

export interface FirefoxSession {
  browser: Browser;
  server: FixtureServer;
  /**
   * Requests for hosts other than the fixture server (all refused), apart from Firefox's own service traffic
   * (remote settings and the like on Mozilla's hosts), which is the browser's, not the extension's.
   */
  foreignRequests(): string[];
  extensionUrl(path: string): string;
  open(path: string): Promise<FirefoxPage>;
  /** Opens a `moz-extension://` page (awaiting `goto` on those never resolves: poll for the page instead). */
  openExtensionPage(path: string): Promise<FirefoxPage>;
  tabIdOf(page: Page): Promise<number>;
  popupFindings(tabId: number, expected: number): Promise<PopupFinding[]>;
  close(): Promise<void>;
}

function trackErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(`pageerror: ${String(error)}`));
  return errors;
}

/** One Firefox with the extension for the tests of the current suite: launched before them, closed after them. */
export function withFirefox(dir: string = FIREFOX_EXT_DIR): FirefoxSession {
  return sessionPerSuite(() => launchFirefox(dir), 'Firefox');
}

/** `prefs`: more Firefox preferences (e.g. `layout.css.prefers-color-scheme.content-override`: 0 for dark pages). */
export async function launchFirefox(dir: string = FIREFOX_EXT_DIR, prefs: Record<string, string | number | boolean> = {}): Promise<FirefoxSession> {
  // Firefox installs temporary add-ons from absolute paths only.
  const extDir = resolve(dir);
  const manifest = JSON.parse(await readFile(join(extDir, 'manifest.json'), 'utf8')) as {
    browser_specific_settings?: { gecko?: { id?: string } };
  };
  const geckoId = manifest.browser_specific_settings?.gecko?.id;
  if (!geckoId) throw new Error(`${extDir}/manifest.json has no gecko id`);
  const server = await startFixtureServer();
  const port = Number(new URL(server.origin).port);
  const browser = await puppeteer.launch({
    browser: 'firefox',
    executablePath: process.env.GC_FIREFOX ?? '/usr/bin/firefox-esr',
    headless: true,
    args: ['-remote-allow-system-access'],
    defaultViewport: { width: 1100, height: 800 },
    extraPrefsFirefox: {
      'extensions.webextensions.uuids': JSON.stringify({ [geckoId]: FIREFOX_EXT_UUID }),
      // Every host but the fixture server goes through the fixture server as a proxy, which records and
      // refuses the request: nothing leaves the machine, and a request the extension makes is seen.
      'network.proxy.type': 1,
      'network.proxy.http': '127.0.0.1',
      'network.proxy.http_port': port,
      'network.proxy.ssl': '127.0.0.1',
      'network.proxy.ssl_port': port,
      'network.proxy.no_proxies_on': '127.0.0.1',
      'network.proxy.allow_hijacking_localhost': false,
      ...prefs,
    },
  });
  await browser.installExtension(extDir);
  const extensionUrl = (path: string): string => `moz-extension://${FIREFOX_EXT_UUID}/${path}`;

  const newPage = async (): Promise<FirefoxPage> => {
    const page = await browser.newPage();
    const errors = trackErrors(page);
    await page.evaluateOnNewDocument(inPage(mutationRecorder));
    return { page, errors };
  };

  const openExtensionPage = async (path: string): Promise<FirefoxPage> => {
    const opened = await newPage();
    const url = extensionUrl(path);
    void opened.page.goto(url).catch(() => undefined);
    await waitFor(
      async () => (await opened.page.evaluate('location.href + " " + document.readyState')) === `${url} complete`,
      `${url} to load`,
    );
    return opened;
  };

  let control: FirefoxPage | undefined;
  const session: FirefoxSession = {
    browser,
    server,
    foreignRequests: () => server.proxied.filter((request) => !MOZILLA_SERVICE.test(hostOf(request))),
    extensionUrl,
    async open(path) {
      const opened = await newPage();
      await opened.page.goto(server.url(path), { waitUntil: 'load' });
      return opened;
    },
    openExtensionPage,
    async tabIdOf(page) {
      // Tab URLs are visible to the extension only with host access; otherwise the tab is found as the
      // active one after bringing it to the front (asked from an extension page kept open in the back).
      const url = page.url();
      control ??= await openExtensionPage('popup.html');
      await page.bringToFront();
      const id = (await control.page.evaluate(inPage(findTabInPage, url))) as number;
      if (id < 0) throw new Error(`no single tab found for ${url}`);
      return id;
    },
    async popupFindings(tabId, expected) {
      const { page } = await openExtensionPage(`popup.html?tab=${tabId}`);
      await waitPopupListed(page, tabId, expected);
      return takePopupFindings(page);
    },
    async close() {
      await browser.close();
      await server.close();
    },
  };
  return session;
}

const MOZILLA_SERVICE = /(^|\.)(mozilla\.(com|net|org)|firefox\.com|mozaws\.net)$/;

/** Host of a proxied request: `CONNECT host:port` or an absolute URL. */
function hostOf(request: string): string {
  const connect = /^CONNECT ([^:\s]+)/.exec(request);
  if (connect) return connect[1] ?? '';
  try {
    return new URL(request).hostname;
  } catch {
    return request;
  }
}
