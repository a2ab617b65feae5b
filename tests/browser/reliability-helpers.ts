/**
 * What the reliability tests need beyond the shared harness: a static server for any folder (the real-page
 * corpus, a second origin for cross-origin frames), Chromium with page scripts off and with or without the
 * extension, the page's DOM serialised without our host, and the hostile fixtures' page-side probe.
 */
import assert from 'node:assert/strict';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { extname, join, normalize, resolve, sep } from 'node:path';
import { chromium, type BrowserContext, type Worker } from 'playwright-core';
import { CHROME_EXT_DIR, extensionArgs, extensionWorker } from './harness/chromium';
import { cardAbout, type Drivable } from './harness/card-checks';
import { CHROMIUM_FLAGS } from './harness/chromium-flags';
import { gcRootStateInPage, inPage } from './harness/in-page';
import { screenPath } from './harness/screens';
import { waitFor } from './harness/wait';

export interface StaticServer {
  readonly origin: string;
  url(path: string): string;
  close(): Promise<void>;
}

const TYPES: Record<string, string> = {
  '.html': 'text/html',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
};

/** Serves `dir` on 127.0.0.1 and a random port. HTML goes out without a charset: the page's own meta decides. */
export async function startStaticServer(dir: string): Promise<StaticServer> {
  const root = resolve(dir);
  const server: Server = createServer((req, res) => {
    const path = decodeURIComponent(new URL(req.url ?? '/', 'http://127.0.0.1').pathname);
    const file = resolve(root, normalize(path.replace(/^\/+/, '')));
    if (!file.startsWith(root + sep)) {
      res.writeHead(403).end();
      return;
    }
    readFile(file).then(
      (body) => res.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream', 'cache-control': 'no-store' }).end(body),
      () => res.writeHead(404, { 'content-type': 'text/plain' }).end('not found'),
    );
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    origin,
    url: (path) => new URL(path.replace(/^\/+/, ''), origin + '/').href,
    close: () =>
      new Promise((done) => {
        server.closeAllConnections();
        server.close(() => done());
      }),
  };
}

/**
 * The network is closed without intercepting each request (interception costs a round trip per request and
 * real pages make hundreds): host names do not resolve, and everything else goes to a closed proxy port.
 * Loopback stays direct (Chromium never proxies it).
 */
const FLAGS = [...CHROMIUM_FLAGS, '--proxy-server=http://127.0.0.1:9'];

export interface ScriptlessBrowser {
  context: BrowserContext;
  /** The extension's service worker, when the extension is loaded. */
  worker: Worker | null;
  /**
   * Every request made for a page or a script in it, in order (all fail but those to 127.0.0.1).
   * The browser's own favicon and web-app-manifest fetches are left out: neither the page nor we make them.
   */
  requests: string[];
  close(): Promise<void>;
}

/**
 * Chromium with page scripts off (the extension's content script still runs in its own world) unless
 * `javaScriptEnabled`, no network but 127.0.0.1, and the built extension loaded or not.
 */
export async function launchScriptless(withExtension: boolean, extDir = CHROME_EXT_DIR, javaScriptEnabled = false): Promise<ScriptlessBrowser> {
  const profile = await mkdtemp(join(tmpdir(), 'gc-scriptless-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: process.env.GC_CHROMIUM ?? '/usr/bin/chromium',
    headless: true,
    javaScriptEnabled,
    args: [...(withExtension ? extensionArgs(extDir) : ['--disable-extensions']), ...FLAGS],
    viewport: { width: 1100, height: 800 },
  });
  const requests: string[] = [];
  context.on('request', (request) => {
    if (request.resourceType() !== 'other' && request.resourceType() !== 'manifest') requests.push(request.url());
  });
  const worker = withExtension ? await extensionWorker(context) : null;
  for (const page of context.pages()) await page.close();
  return {
    context,
    worker,
    requests,
    async close() {
      await context.close();
      await rm(profile, { recursive: true, force: true });
    },
  };
}

/** In the page: the document serialised (doctype + root element) with every `<gc-root>` left out. */
export function serializeWithoutHostInPage(): string {
  const clone = document.documentElement.cloneNode(true) as Element;
  for (const host of clone.querySelectorAll('gc-root')) host.remove();
  const doctype = document.doctype ? `<!DOCTYPE ${document.doctype.name}>` : '';
  return doctype + clone.outerHTML;
}

/** The first place two strings differ, with a little context, for a readable assertion message. */
export function firstDifference(a: string, b: string): string {
  let i = 0;
  while (i < a.length && i < b.length && a[i] === b[i]) i++;
  return `at ${i}: ${JSON.stringify(a.slice(Math.max(0, i - 80), i + 80))} vs ${JSON.stringify(b.slice(Math.max(0, i - 80), i + 80))}`;
}

/**
 * What a hostile fixture's page-side probe reports (tests/browser/fixtures/hostile/probe.js): a timer that
 * ticks every 10 ms from the start of the page, the longest gap between two ticks, and whether the page's own
 * script has finished its work.
 */
export interface HostileProbe {
  ticks: number;
  maxGapMs: number;
  done: boolean;
  /** Anything the page's own script caught or noticed (it must stay empty). */
  problems: string[];
}

export function hostileProbeInPage(): HostileProbe | null {
  const probe = (window as unknown as { __probe?: { read(): HostileProbe } }).__probe;
  return probe ? probe.read() : null;
}

/** A hostile fixture and what must be found on it (the same facts as the comment at the top of each file). */
export interface HostileFixture {
  name: string;
  /** Path under the fixture server, query included. */
  path: string;
  findings: string[];
  /** Texts that must be (part of) a highlighted range. */
  marked: string[];
  /** A known bug makes this case fail: it runs as a todo test, with this explanation. */
  knownBug?: string;
}

export const HOSTILE_FIXTURES: readonly HostileFixture[] = [
  {
    name: 'a single 10 MB text node',
    path: 'hostile/huge-text-node.html',
    findings: ['fabricated-headline:iran-tel-aviv-2024'],
    marked: ['Iran Strikes Tel Aviv with Heavy Missiles'],
  },
  {
    name: '200,000 text nodes',
    path: 'hostile/many-text-nodes.html',
    findings: ['fabricated-headline:klay-thompson-bricks-2024'],
    marked: ['Klay Thompson Accused in Bizarre Brick-Vandalism Spree'],
  },
  {
    name: 'elements nested 5,000 deep',
    path: 'hostile/deep-nesting.html',
    findings: ['fabricated-headline:modi-ejected-2024'],
    marked: ['PM Modi Ejected from Indian Government'],
  },
  {
    name: '1,000 DOM mutations a second for 10 s',
    path: 'hostile/mutation-storm.html?seconds=10',
    findings: ['fabricated-headline:iran-tel-aviv-2024', 'fabricated-headline:adams-earthquake-2024'],
    marked: ['Iran Strikes Tel Aviv with Heavy Missiles', 'Adams vs. Earthquake: 50,000 Cops in Subway Showdown'],
  },
  {
    name: 'text built to make naive regexes backtrack',
    path: 'hostile/backtracking-text.html',
    findings: ['fabricated-headline:sun-eclipse-2024'],
    marked: ['Sun’s Odd Behavior: Experts Baffled'],
  },
  {
    name: 'fake extension messages and events',
    path: 'hostile/fake-messages.html',
    findings: ['fabricated-headline:iran-tel-aviv-2024', 'fabricated-headline:modi-ejected-2024'],
    marked: ['Iran Strikes Tel Aviv with Heavy Missiles', 'PM Modi Ejected from Indian Government'],
  },
  {
    name: 'the page removes our host element',
    path: 'hostile/remove-host.html',
    findings: ['fabricated-headline:klay-thompson-bricks-2024'],
    marked: ['Klay Thompson Accused in Bizarre Brick-Vandalism Spree'],
  },
  {
    name: 'overridden built-in prototypes',
    path: 'hostile/prototypes.html',
    findings: ['fabricated-headline:sun-eclipse-2024'],
    marked: ["Sun's Odd Behavior: Experts Baffled"],
  },
  {
    name: 'same-origin, srcdoc and cross-origin iframes',
    path: 'hostile/frames.html',
    findings: ['fabricated-headline:modi-ejected-2024'],
    marked: ['PM Modi Ejected from Indian Government'],
  },
  {
    name: 'open shadow roots',
    path: 'hostile/shadow-roots.html',
    findings: [
      'fabricated-headline:klay-thompson-bricks-2024',
      'fabricated-headline:sun-eclipse-2024',
      'fabricated-headline:iran-tel-aviv-2024',
      'fabricated-headline:modi-ejected-2024',
      'fabricated-headline:adams-earthquake-2024',
      'fabricated-headline:lowes-home-depot-2024',
    ],
    marked: [
      'Klay Thompson Accused in Bizarre Brick-Vandalism Spree',
      "Sun's Odd Behavior: Experts Baffled",
      'Iran Strikes Tel Aviv with Heavy Missiles',
      'PM Modi Ejected from Indian Government',
      'Adams vs. Earthquake: 50,000 Cops in Subway Showdown',
      "Lowe's CEO urges conservatives to shop at Home Depot",
    ],
  },
];

export interface Evaluates {
  evaluate(script: string): Promise<unknown>;
}

export interface HostileOutcome {
  probe: HostileProbe;
  state: { state: string | null; findings: number | null; count: number };
  /** From load to our host saying settled with the expected number of findings. */
  settleMs: number;
}

/**
 * Waits until the page's own script has finished and our host says `settled` with `findings` findings, and
 * returns both sides' state. Big pages get a long timeout: the assertion is that the work completes.
 */
export async function waitHostile(page: Evaluates, findings: number, timeoutMs = 60_000): Promise<HostileOutcome> {
  const start = performance.now();
  let settleMs = -1;
  let probe: HostileProbe | null = null;
  let state: HostileOutcome['state'] = { state: null, findings: null, count: 0 };
  await waitFor(
    async () => {
      probe = (await page.evaluate(inPage(hostileProbeInPage))) as HostileProbe | null;
      state = (await page.evaluate(inPage(gcRootStateInPage))) as HostileOutcome['state'];
      const ours = state.state === 'settled' && state.findings === findings;
      if (ours && settleMs < 0) settleMs = performance.now() - start;
      if (!ours) settleMs = -1;
      return ours && probe !== null && probe.done;
    },
    `the page's script to finish and <gc-root data-state="settled" data-findings="${findings}">`,
    timeoutMs,
  ).catch((error: unknown) => {
    throw new Error(`${String(error)}; last seen: host ${JSON.stringify(state)}, page ${JSON.stringify(probe)}`);
  });
  return { probe: probe as unknown as HostileProbe, state, settleMs: Math.round(settleMs) };
}

/** The fixture's path; the frames page gets the origin its cross-origin frame comes from. */
export function hostilePath(fixture: HostileFixture, crossOrigin: string): string {
  return fixture.path.includes('frames.html') ? `${fixture.path}?xorigin=${encodeURIComponent(crossOrigin)}` : fixture.path;
}

/** A frame of either driver's page. */
export interface FrameLike extends Evaluates {
  url(): string;
}

/** The content script runs in top documents only: no frame gets our host element or any other change. */
export async function assertFramesUntouched(frames: readonly FrameLike[]): Promise<void> {
  for (const frame of frames) {
    const hosts = await frame.evaluate('document.querySelectorAll("gc-root").length').catch(() => 0);
    assert.equal(hosts, 0, `no <gc-root> in the frame ${frame.url()}`);
    const changed = await frame.evaluate('window.__gcForeignMutations ? window.__gcForeignMutations() : []').catch(() => []);
    assert.deepEqual(changed, [], `the frame ${frame.url()} is unchanged`);
  }
}

/**
 * On the shadow-roots fixture: hovering text inside a web component's shadow tree opens its card, as for any
 * other marked text — inside the tree, and the top-level text of a nested shadow root (which belongs to its
 * host). Saves a screenshot (`screen`) with the second card open.
 */
export async function checkShadowRootHover(page: Drivable & { screenshot(options: { path: string }): Promise<unknown> }, screen: string): Promise<void> {
  const fixture = HOSTILE_FIXTURES.find((each) => each.path === 'hostile/shadow-roots.html') as HostileFixture;
  await waitHostile(page, fixture.findings.length, 10_000);
  await cardAbout(page, 'Iran Strikes Tel Aviv', 'iran-tel-aviv-2024');
  await cardAbout(page, 'PM Modi Ejected', 'modi-ejected-2024');
  await page.screenshot({ path: screenPath(screen) });
}
