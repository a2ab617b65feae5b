/**
 * The extension as installed: the production build in Chromium, on a page loaded fresh, its content script
 * doing everything it does on every page (module evaluation, reading storage, restoring the matcher, the scan,
 * the report). Its time is the CPU profile's samples whose stack holds one of the extension's content-script
 * files (`content.js`, `matcher-stage.js` when the page has a candidate, and `card-ui.js` should a card load),
 * from navigation until the scanner settles, native calls made from them included, plus the compiles of those
 * files a trace shows on the page's main thread outside their functions (which the profile's stacks do not
 * hold): the content script's compile when it is injected, and the main-thread parts of the matcher bundle's
 * module compile (see scripts/compile-hints.ts: with V8's hint most of the compiling happens there, not in the
 * functions when first called). The floor is the main
 * benchmark's TreeWalker read of the same page, loaded fresh. The main benchmark times the scan alone
 * (bench/page-entry.ts): this is the cross-check of what a page pays in all.
 *
 * The profile does not see what the browser's extension bindings do for the content script outside its files:
 * above all, converting what it reads from storage at start into values on the page's main thread (a stored
 * object of thousands of values took 2.3–3.9 ms there). That read is timed on its own, in the content script's
 * world (`StartupRead`).
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type BrowserContext, type CDPSession, type Page } from 'playwright-core';
import { PAGE_START_KEYS } from '../src/settings/stored-values';
import { CHROMIUM_FLAGS } from '../tests/browser/harness/chromium-flags';
import { openWithHarness } from './browser';
import { EXTENSION_OUT } from './build';
import type { PageServer } from './server';

export interface InstalledResult {
  page: string;
  /** A new tab's first page: its renderer process compiles our code. */
  scriptMs: number[];
  /** The page opened in a tab after another page our code ran on (the process has our code compiled). */
  laterScriptMs: number[];
  /** Of `scriptMs` and `laterScriptMs`: our files' compiles outside their functions (trace, main thread). */
  compileMs: number[];
  laterCompileMs: number[];
  floorMs: number[];
}

/**
 * The storage read every page makes at start (the keys `readPageState` asks for), repeated in the content
 * script's own world: how long each took, and the longest main-thread task while it ran (a chain of zero-delay
 * tasks measures the gaps).
 */
export interface StartupRead {
  readMs: number[];
  longestTaskMs: number[];
}

export interface InstalledRun {
  pages: InstalledResult[];
  /** Null when the content script's world could not be found. */
  startupRead: StartupRead | null;
}

const STARTUP_READS = 25;

/** Samples every 250 µs: enough for pages our script spends 20 ms and more on, at a small cost to it. */
const SAMPLING_US = 250;
const OUR_FILES = /\/(content-scripts\/content\.js|matcher-stage\.js|card-ui\.js)$/;

interface ProfileNode {
  id: number;
  callFrame: { url: string };
  children?: number[];
}

/** Milliseconds of samples whose stack holds one of our files. */
function ourTime(profile: { nodes: ProfileNode[]; samples: number[]; timeDeltas: number[] }): number {
  const parent = new Map<number, number>();
  for (const node of profile.nodes) for (const child of node.children ?? []) parent.set(child, node.id);
  const byId = new Map(profile.nodes.map((node) => [node.id, node]));
  const ours = new Map<number, boolean>();
  const isOurs = (id: number): boolean => {
    let known = ours.get(id);
    if (known === undefined) {
      const up = parent.get(id);
      known = OUR_FILES.test(byId.get(id)?.callFrame.url ?? '') || (up !== undefined && isOurs(up));
      ours.set(id, known);
    }
    return known;
  };
  let us = 0;
  profile.samples.forEach((id, i) => {
    if (isOurs(id)) us += profile.timeDeltas[i] ?? 0;
  });
  return us / 1000;
}

interface TraceEvent {
  name: string;
  ph: string;
  pid: number;
  tid: number;
  dur?: number;
  args?: { name?: string; fileName?: string; data?: { url?: string } };
}

/**
 * Trace events that compile a script outside its functions: a classic script's compile (the content script,
 * injected), a module's compile and the main-thread ends of its streaming compile (the bundles, imported).
 */
const COMPILE_EVENTS = new Set(['v8.compile', 'v8.compileModule', 'v8.streamingCompile.start', 'v8.streamingCompile.complete']);
/** `v8` has the compiles, `disabled-by-default-v8.compile` the streaming compile's ends (lighter than the timeline). */
const TRACE_CATEGORIES = 'v8,disabled-by-default-v8.compile';

/** Milliseconds of our files' compile events on renderer main threads. */
function ourCompileTime(events: readonly TraceEvent[]): number {
  const mainThreads = new Set(events.filter((e) => e.name === 'thread_name' && e.args?.name === 'CrRendererMain').map((e) => `${e.pid}:${e.tid}`));
  let us = 0;
  for (const event of events) {
    if (event.ph !== 'X' || !COMPILE_EVENTS.has(event.name) || !mainThreads.has(`${event.pid}:${event.tid}`)) continue;
    if (OUR_FILES.test(event.args?.data?.url ?? event.args?.fileName ?? '')) us += event.dur ?? 0;
  }
  return us / 1000;
}

async function stopTracing(cdp: CDPSession): Promise<TraceEvent[]> {
  const complete = new Promise<{ stream?: string }>((resolve) => cdp.once('Tracing.tracingComplete', resolve));
  await cdp.send('Tracing.end');
  const { stream } = await complete;
  if (stream === undefined) throw new Error('the trace came without a stream');
  let data = '';
  for (;;) {
    const chunk = (await cdp.send('IO.read', { handle: stream })) as { data: string; eof: boolean };
    data += chunk.data;
    if (chunk.eof) break;
  }
  await cdp.send('IO.close', { handle: stream });
  const parsed = JSON.parse(data) as TraceEvent[] | { traceEvents: TraceEvent[] };
  return Array.isArray(parsed) ? parsed : parsed.traceEvents;
}

/** Loads `url` in `page` and waits until our scan has settled there. */
async function settledLoad(page: Page, url: string): Promise<void> {
  await page.goto(url, { waitUntil: 'load', timeout: 180_000 });
  await page.waitForSelector('gc-root[data-state="settled"]', { state: 'attached', timeout: 180_000 });
}

/** Our script time (ms) in a load of `url` in `page`, from navigation until settled, and the compiles in it. */
async function profiledLoad(page: Page, cdp: CDPSession, url: string): Promise<{ scriptMs: number; compileMs: number }> {
  await cdp.send('Tracing.start', { categories: TRACE_CATEGORIES, transferMode: 'ReturnAsStream' });
  await cdp.send('Profiler.start');
  await settledLoad(page, url);
  const { profile } = (await cdp.send('Profiler.stop')) as { profile: { nodes: ProfileNode[]; samples: number[]; timeDeltas: number[] } };
  const compileMs = ourCompileTime(await stopTracing(cdp));
  return { scriptMs: ourTime(profile) + compileMs, compileMs };
}

/** `harness`: the benchmark's in-page helpers (bench/harness-entry.ts), for the floor. */
export async function measureInstalled(
  server: PageServer,
  harness: string,
  pages: ReadonlyArray<{ name: string; url: string }>,
  /** A small page our code runs on before a page's second load in the same tab. */
  previous: string,
  reps: number,
  log: (line: string) => void,
): Promise<InstalledRun> {
  const profileDir = await mkdtemp(join(tmpdir(), 'gc-bench-installed-'));
  const extension = join(EXTENSION_OUT, 'chrome-mv3');
  const context = await chromium.launchPersistentContext(profileDir, {
    executablePath: process.env.GC_CHROMIUM ?? '/usr/bin/chromium',
    headless: true,
    args: [`--disable-extensions-except=${extension}`, `--load-extension=${extension}`, ...CHROMIUM_FLAGS],
    viewport: { width: 1100, height: 800 },
  });
  try {
    await context.route('**/*', (route) => {
      const url = route.request().url();
      return url.startsWith(`${server.origin}/`) || url.startsWith('chrome-extension:') ? route.continue() : route.abort('blockedbyclient');
    });
    const results: InstalledResult[] = pages.map((page) => ({ page: page.name, scriptMs: [], laterScriptMs: [], compileMs: [], laterCompileMs: [], floorMs: [] }));
    // A first page lets the background store the matcher snapshot, as it has long done on a browser in use.
    const warm = await context.newPage();
    await warm.goto(pages[0]?.url ?? server.origin, { waitUntil: 'load' });
    await warm.waitForSelector('gc-root[data-state="settled"]', { state: 'attached', timeout: 120_000 }).catch(() => undefined);
    await warm.close();
    for (let rep = 0; rep < reps; rep++) {
      for (const [index, spec] of pages.entries()) {
        log(`installed ${rep + 1}/${reps} ${spec.name}`);
        const result = results[index] as InstalledResult;
        const page = await context.newPage();
        const cdp = await context.newCDPSession(page);
        await cdp.send('Profiler.enable');
        await cdp.send('Profiler.setSamplingInterval', { interval: SAMPLING_US });
        const first = await profiledLoad(page, cdp, spec.url);
        result.scriptMs.push(first.scriptMs);
        result.compileMs.push(first.compileMs);
        // The same page again in the same tab, after a small page: the next page of a process, our code compiled.
        await settledLoad(page, previous);
        const later = await profiledLoad(page, cdp, spec.url);
        result.laterScriptMs.push(later.scriptMs);
        result.laterCompileMs.push(later.compileMs);
        await page.close();
        // The floor as the main benchmark reads it (bench/harness-entry.ts), on its own fresh load.
        const bare = await openWithHarness(context, spec.url, harness);
        result.floorMs.push(((await bare.evaluate('gcHarness.floor()')) as { ms: number }).ms);
        await bare.close();
      }
    }
    return { pages: results, startupRead: await measureStartupRead(context, pages[0]?.url ?? server.origin) };
  } finally {
    await context.close();
    await rm(profileDir, { recursive: true, force: true });
  }
}

/** Times the content script's start-up storage read in its own world, on a fresh load of `url`. */
async function measureStartupRead(context: BrowserContext, url: string): Promise<StartupRead | null> {
  const page = await context.newPage();
  try {
    const cdp = await context.newCDPSession(page);
    const worlds: Array<{ id: number; origin: string; auxData?: { type?: string } }> = [];
    cdp.on('Runtime.executionContextCreated', (event: { context: { id: number; origin: string; auxData?: { type?: string } } }) => worlds.push(event.context));
    await cdp.send('Runtime.enable');
    await page.goto(url, { waitUntil: 'load', timeout: 180_000 });
    await page.waitForSelector('gc-root[data-state="settled"]', { state: 'attached', timeout: 180_000 });
    const world = worlds.find((context) => context.auxData?.type === 'isolated' && context.origin.startsWith('chrome-extension://'));
    if (world === undefined) return null;
    const expression = `(async () => {
      const keys = ${JSON.stringify(PAGE_START_KEYS)};
      const readMs = [], longestTaskMs = [];
      for (let i = 0; i < ${STARTUP_READS}; i++) {
        let last = performance.now(), longest = 0, running = true;
        const tick = () => {
          const now = performance.now();
          longest = Math.max(longest, now - last);
          last = now;
          if (!running) return;
          const channel = new MessageChannel();
          channel.port1.onmessage = tick;
          channel.port2.postMessage(0);
        };
        tick();
        const start = performance.now();
        await chrome.storage.local.get(keys);
        readMs.push(performance.now() - start);
        await new Promise((resolve) => setTimeout(resolve, 5));
        running = false;
        longestTaskMs.push(longest);
      }
      return { readMs, longestTaskMs };
    })()`;
    const answer = (await cdp.send('Runtime.evaluate', { contextId: world.id, expression, awaitPromise: true, returnByValue: true })) as {
      result: { value?: StartupRead };
    };
    return answer.result.value ?? null;
  } finally {
    await page.close();
  }
}
