/**
 * `npm run bench` (about 10 minutes) / `npm run bench -- --quick` (under two minutes on an idle machine).
 *
 * Headless Chromium loads generated pages (and the saved real pages when ../shared/corpus/real-pages exists)
 * from 127.0.0.1 and measures, interleaved page by page and repetition by repetition:
 * - floor: one TreeWalker pass reading every text node's data;
 * - ours: the content script's first scan (index + match + highlight), our script time until settled;
 * - peer: mark.js 8.11.1, one combined markRegExp across elements (and mark(array) on small pages);
 * - incremental: appends of 10 posts on a small and a large feed, cost per batch and long tasks;
 * - hover: hit-test cost per pointer move with 1,000+ highlights;
 * - size: the production content script, minified and gzipped; the JS heap the scan adds;
 * - installed: the production build loaded as an extension, its content script's whole time on each 1 MB page
 *   (start-up included, from a CPU profile and a trace of its compiles) against the same floor
 *   (bench/installed.ts). The production bundles carry V8's compile hint (scripts/compile-hints.ts); the
 *   benchmark's own bundle of the scan does not, so "ours" keeps paying for compiling in the scan.
 * Every measurement is cold: each page is loaded fresh for "ours" (first reader of the page's text) and for
 * the floor (also first reader); the peer runs after the floor on its load, which can only favour it. "Ours"
 * runs in a new tab, whose renderer process compiles our code for it (as a new tab's first page does); it is also
 * measured on a later page of a tab, after a page our code ran on (Chrome keeps a content script's compiled code
 * per process: a trace of the installed extension showed 374 functions compiled on a process's first page, 66
 * on the next). The summary line reports the first: the later page is printed beside it.
 *
 * Options: --quick, --reps N, --profile (CPU profile of ours on the 8 MB pages, included in full runs),
 * --stages (ours stopped after its look and after locating the candidates, on the generated pages of 1 MB and
 * more; included in full runs), --no-real (skip the real pages), --no-installed (skip the installed extension),
 * --json PATH.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { BrowserContext, CDPSession, Page } from 'playwright-core';
import { injectOurs, launchBenchBrowser, loadAfterOurs, openWithHarness } from './browser';
import { ROOT, buildBundles, ensureExtensionBuild, sizes, type Bundles, type SizeReport } from './build';
import { bundledClaims, coversPlanted, generatePage, generatePosts, missedHeadlines, overshoots, previousPage, type GeneratedPage, type Layout } from './generate';
import { measureInstalled, type InstalledResult, type InstalledRun } from './installed';
import { OURS_DEV_URL, aggregateProfile, type ProfileReport } from './profile';
import { realPages, startPageServer, type PageServer } from './server';
import { formatSpread, median, ratio, spread, type Spread } from './stats';
import { compileSnapshot, createMatcherFromSnapshot, packSnapshot } from '../src/core/index';
import { WIDE_CHARS } from '../src/core/prefilter';
import { bundledMatcherConfig, knowledgeBase } from '../src/data/index';
import type { CandidateFilter, Lang } from '../src/core/types';
import type { BatchRun, HoverRun, ScanRun } from './page-entry';
import type { LongTask, PeerRun } from './harness-entry';

interface Options {
  quick: boolean;
  reps: number;
  profile: boolean;
  stages: boolean;
  real: boolean;
  installed: boolean;
  json: string;
}

function parseOptions(argv: readonly string[]): Options {
  const quick = argv.includes('--quick');
  const repsAt = argv.indexOf('--reps');
  const jsonAt = argv.indexOf('--json');
  return {
    quick,
    reps: repsAt >= 0 ? Math.max(1, Number(argv[repsAt + 1]) || 1) : quick ? 3 : 5,
    profile: argv.includes('--profile') || !quick,
    stages: argv.includes('--stages') || !quick,
    real: !argv.includes('--no-real'),
    installed: !argv.includes('--no-installed'),
    json: jsonAt >= 0 ? String(argv[jsonAt + 1]) : join(ROOT, 'bench', 'results', 'latest.json'),
  };
}


/**
 * The matcher snapshot the background stores (src/background/matcher-snapshot.ts), compiled here once: pages
 * build their matcher from it, so "ours" starts as a page normally does.
 */
const MATCHER_SNAPSHOT_JSON = JSON.stringify(packSnapshot(compileSnapshot(bundledMatcherConfig)));
const snapshotFilter = ((): CandidateFilter => {
  const filter = createMatcherFromSnapshot(JSON.parse(MATCHER_SNAPSHOT_JSON))?.candidates;
  if (filter == null) throw new Error('bench: the matcher snapshot does not restore, or has no candidate filter');
  return filter;
})();
/**
 * The candidate filter's patterns, as the arguments of the harness's `readAndLook`; on a page in Hebrew the
 * quick look's wider class, which ours starts with there (src/core/prefilter.ts `WIDE_CHARS`).
 */
function readAndLookArgs(lang: Lang | undefined): string {
  const chars = lang === 'he' ? WIDE_CHARS : snapshotFilter.chars;
  return [snapshotFilter.words.source, snapshotFilter.words.flags, chars.source, chars.flags].map((value) => JSON.stringify(value)).join(', ');
}

/** Repetitions on pages of 4 MB and more (the peer runs once there). */
const LARGE_PAGE_REPS = 3;
/** Extra append batches, after the timed ones, that count text reads. */
const COUNTED_BATCHES = 2;

interface PageResult {
  name: string;
  kind: 'generated' | 'real';
  layout?: Layout;
  lang?: Lang;
  textChars: number;
  textNodes: number;
  planted: number;
  floorMs: number[];
  /** Floor measured after ours on the same load (strings already read once), for reference. */
  floorWarmMs: number[];
  oursMs: number[];
  /**
   * Ours on a later page of the tab's renderer process (generated pages): the tab ran our code on another page
   * first, as a person's tab does after its first page. Chrome keeps a content script's compiled code per
   * process, so only a process's first page compiles our functions (`oursMs` is that first page).
   */
  oursLaterMs: number[];
  oursWallMs: number[];
  matchMs: number[];
  highlightMs: number[];
  evalMs: number[];
  setupMs: number[];
  heapAddedBytes: number[];
  findings: number;
  /** Planted headlines not among the findings (by incident and text). */
  missed: string[];
  /** Findings of a planted headline whose text runs past it (the highlight covers neighbouring words). */
  overshoots: string[];
  markRegExpMs: number[];
  markRegExpMarks: number;
  markArrayMs: number[];
  /**
   * Read and look (generated pages): one native read of the body's text and the candidate filter's two searches
   * over it, nothing else (bench/harness-entry.ts `readAndLook`). A scanner that reads the page and looks for our
   * anchors does at least this, so it shows what the budgets ask of one.
   */
  readLookMs: number[];
  /**
   * Ours stopped early (--stages; fresh loads in a new tab, as ours): after the look, none of the candidate
   * filter's hits taken (`lookMs`), and after the candidates' blocks are found and read, not matched
   * (`locateMs`). See bench/page-entry.ts `Stage`.
   */
  lookMs: number[];
  locateMs: number[];
  longTasksOurs: number;
}

interface IncrementalResult {
  page: string;
  textChars: number;
  batches: number;
  busyMs: number[];
  wallMs: number[];
  pageMs: number[];
  matchChars: number[];
  /** Text node reads per batch (counting run). */
  textReads: number[];
  longTasks: LongTask[];
  longTasksOurs: number;
}

const startedAt = performance.now();
function log(line: string): void {
  process.stderr.write(`[${((performance.now() - startedAt) / 1000).toFixed(0).padStart(4)} s] ${line}\n`);
}

/** The phrases the peer highlights: every claim text and label we match. */
function peerPhrases(): string[] {
  return [...bundledClaims().map((claim) => claim.text), ...knowledgeBase.signals.labels.map((label) => label.text)];
}

class Driver {
  constructor(
    readonly context: BrowserContext,
    readonly server: PageServer,
    readonly bundles: Bundles,
    /** A small feed our code runs on before a later page (see `openAfterOurs`). */
    readonly previousUrl: string,
  ) {}

  async open(url: string): Promise<{ page: Page; cdp: CDPSession }> {
    // Real pages' own scripts fail without their network; only errors on our generated pages matter.
    const onError = url.includes('/real/') ? undefined : (message: string): void => log(`  page error on ${url}: ${message}`);
    const page = await openWithHarness(this.context, url, this.bundles.harness, onError);
    const cdp = await this.context.newCDPSession(page);
    return { page, cdp };
  }

  /**
   * A load of `url` in a tab whose renderer process ran our code on the page before (a small feed, scanned
   * until settled): the next page a person opens in a tab, where the process's first page compiled our code.
   */
  async openAfterOurs(url: string): Promise<Page> {
    const { page } = await this.open(this.previousUrl);
    await loadAfterOurs(page, this.bundles.ours, MATCHER_SNAPSHOT_JSON, url, this.bundles.harness);
    return page;
  }

  async injectOurs(page: Page, dev = false): Promise<void> {
    // Same first line as the bundle (profile line numbers stay right); the sourceURL names it in profiles.
    const source = dev ? `${this.bundles.oursDev}\n//# sourceURL=${OURS_DEV_URL}` : this.bundles.ours;
    await injectOurs(page, source, MATCHER_SNAPSHOT_JSON);
  }

  async gc(cdp: CDPSession): Promise<number> {
    await cdp.send('HeapProfiler.collectGarbage');
    const usage = (await cdp.send('Runtime.getHeapUsage')) as { usedSize: number };
    return usage.usedSize;
  }
}

/**
 * Long tasks caused by our code: those that would not have been long without it (the task's length minus
 * the time our code ran in it is under 50 ms). A task of the page's or the browser's own (a rendering of a
 * huge page) is not ours, however close to our work it ran.
 */
function attributeLongTasks(tasks: readonly LongTask[], segments: ReadonlyArray<readonly [number, number]>): number {
  let ours = 0;
  for (const task of tasks) {
    if (task.duration <= 50) continue;
    const taskEnd = task.start + task.duration;
    let oursMs = 0;
    for (const [start, end] of segments) oursMs += Math.max(0, Math.min(end, taskEnd) - Math.max(start, task.start));
    if (oursMs > 0 && task.duration - oursMs <= 50) ours++;
  }
  return ours;
}

function emptyResult(name: string, kind: 'generated' | 'real', generated?: GeneratedPage): PageResult {
  return {
    name,
    kind,
    ...(generated !== undefined ? { layout: generated.layout, lang: generated.lang } : {}),
    textChars: generated?.textChars ?? 0,
    textNodes: 0,
    planted: generated?.planted.length ?? 0,
    floorMs: [],
    floorWarmMs: [],
    oursMs: [],
    oursLaterMs: [],
    oursWallMs: [],
    matchMs: [],
    highlightMs: [],
    evalMs: [],
    setupMs: [],
    heapAddedBytes: [],
    findings: 0,
    missed: [],
    overshoots: [],
    markRegExpMs: [],
    markRegExpMarks: 0,
    markArrayMs: [],
    readLookMs: [],
    lookMs: [],
    locateMs: [],
    longTasksOurs: 0,
  };
}


/** One repetition on one page: a load for the floor (then the peer), a load for ours (then a warm floor). */
async function measurePage(driver: Driver, url: string, result: PageResult, generated: GeneratedPage | undefined, options: {
  peer: boolean;
  markArray: boolean;
  later: boolean;
  readLook: boolean;
  stages: boolean;
  phrases: readonly string[];
}): Promise<void> {
  // Load A: the floor, cold; then mark.js.
  {
    const { page, cdp } = await driver.open(url);
    await driver.gc(cdp);
    const floor = (await page.evaluate('gcHarness.floor()')) as { ms: number; chars: number; nodes: number };
    result.floorMs.push(floor.ms);
    result.textNodes = floor.nodes;
    if (result.kind === 'real') result.textChars = floor.chars;
    if (options.peer) {
      await page.evaluate(driver.bundles.markJs);
      await driver.gc(cdp);
      const peer = (await page.evaluate(`gcHarness.markRegExp(${JSON.stringify(options.phrases)})`)) as PeerRun;
      result.markRegExpMs.push(peer.ms);
      result.markRegExpMarks = peer.marks;
    }
    await page.close();
  }
  // Load B: ours, cold; heap before and after; then the floor again (warm).
  {
    const { page, cdp } = await driver.open(url);
    const heapBefore = await driver.gc(cdp);
    const since = (await page.evaluate('performance.now()')) as number;
    await driver.injectOurs(page);
    const run = (await page.evaluate('gcBench.startOurs()')) as ScanRun;
    const tasks = (await page.evaluate(`gcHarness.longTasksSince(${since})`)) as LongTask[];
    result.longTasksOurs += attributeLongTasks(tasks, run.segments);
    result.oursMs.push(run.busyMs);
    result.oursWallMs.push(run.wallMs);
    result.matchMs.push(run.matchMs);
    result.highlightMs.push(run.highlightMs);
    result.evalMs.push(run.evalMs);
    result.setupMs.push(run.setupMs);
    result.findings = run.findings;
    result.heapAddedBytes.push((await driver.gc(cdp)) - heapBefore);
    if (generated !== undefined && result.missed.length === 0 && result.oursMs.length === 1) {
      const found = (await page.evaluate('gcBench.found()')) as Array<{ kind: string; incident: string | null; text: string }>;
      for (const planted of missedHeadlines(generated.planted, found)) {
        result.missed.push(`${planted.incident}: ${planted.text}${planted.split ? ' (split)' : ''}`);
      }
      for (const f of found) {
        const plant = generated.planted.find((p) => p.incident === f.incident && coversPlanted(f.text, p.text));
        if (plant !== undefined && overshoots(f.text, plant.text)) result.overshoots.push(`"${f.text}" for "${plant.text}"`);
      }
    }
    const warm = (await page.evaluate('gcHarness.floor()')) as { ms: number };
    result.floorWarmMs.push(warm.ms);
    await page.close();
  }
  // Load D (generated pages): ours on a later page of the tab's process.
  if (options.later) {
    const page = await driver.openAfterOurs(url);
    await driver.injectOurs(page);
    const run = (await page.evaluate('gcBench.startOurs()')) as ScanRun;
    result.oursLaterMs.push(run.busyMs);
    await page.close();
  }
  // Load E (generated pages): read and look, cold.
  if (options.readLook) {
    const { page, cdp } = await driver.open(url);
    await driver.gc(cdp);
    const run = (await page.evaluate(`gcHarness.readAndLook(${readAndLookArgs(result.lang)})`)) as { ms: number };
    result.readLookMs.push(run.ms);
    await page.close();
  }
  // Loads F and G (--stages): ours stopped after its look, and after locating the candidates.
  if (options.stages) {
    for (const stage of ['look', 'locate'] as const) {
      const { page, cdp } = await driver.open(url);
      await driver.gc(cdp);
      await driver.injectOurs(page);
      const run = (await page.evaluate(`gcBench.startOurs({ stage: '${stage}' })`)) as ScanRun;
      (stage === 'look' ? result.lookMs : result.locateMs).push(run.busyMs);
      await page.close();
    }
  }
  // Load C (small pages): mark.js with the phrase array.
  if (options.markArray) {
    const { page, cdp } = await driver.open(url);
    await page.evaluate(driver.bundles.markJs);
    await driver.gc(cdp);
    const peer = (await page.evaluate(`gcHarness.markArray(${JSON.stringify(options.phrases)})`)) as PeerRun;
    result.markArrayMs.push(peer.ms);
    await page.close();
  }
}

async function measureIncremental(driver: Driver, url: string, page: GeneratedPage, batches: number): Promise<IncrementalResult> {
  const result: IncrementalResult = {
    page: page.name,
    textChars: page.textChars,
    batches,
    busyMs: [],
    wallMs: [],
    pageMs: [],
    matchChars: [],
    textReads: [],
    longTasks: [],
    longTasksOurs: 0,
  };
  const posts = generatePosts(page.lang, (batches + COUNTED_BATCHES) * 10, 777);
  const batchOf = (i: number): string => JSON.stringify(posts.posts.slice(i * 10, i * 10 + 10));
  // Timed run.
  {
    const { page: tab } = await driver.open(url);
    await driver.injectOurs(tab);
    await tab.evaluate('gcBench.startOurs()');
    await tab.evaluate('gcHarness.idle()');
    const segments: Array<[number, number]> = [];
    const since = (await tab.evaluate('performance.now()')) as number;
    for (let i = 0; i < batches; i++) {
      const run = (await tab.evaluate(`gcBench.appendBatch(${batchOf(i)})`)) as BatchRun;
      result.busyMs.push(run.busyMs);
      result.wallMs.push(run.wallMs);
      result.pageMs.push(run.pageMs);
      result.matchChars.push(run.matchChars);
      segments.push(...run.segments);
      // The reader scrolls on: the page renders the new posts before the next batch arrives.
      await tab.evaluate('gcHarness.idle()');
    }
    result.longTasks = (await tab.evaluate(`gcHarness.longTasksSince(${since})`)) as LongTask[];
    result.longTasksOurs = attributeLongTasks(result.longTasks, segments);
    // Counting (not timed): text nodes read per batch, for a few more batches on the same page.
    await tab.evaluate('gcBench.countWork()');
    for (let i = batches; i < batches + COUNTED_BATCHES; i++) {
      const run = (await tab.evaluate(`gcBench.appendBatch(${batchOf(i)})`)) as BatchRun;
      result.textReads.push(run.textReads);
    }
    await tab.close();
  }
  return result;
}

async function measureHover(driver: Driver, url: string, positions: number): Promise<HoverRun> {
  const { page } = await driver.open(url);
  await driver.injectOurs(page);
  await page.evaluate('gcBench.startOurs()');
  const run = (await page.evaluate(`gcBench.hover(${positions}, 9, 20)`)) as HoverRun;
  await page.close();
  return run;
}

async function profileOurs(driver: Driver, url: string, name: string, batches: readonly string[][] = []): Promise<ProfileReport[]> {
  const { page, cdp } = await driver.open(url);
  await driver.injectOurs(page, true);
  await cdp.send('Profiler.enable');
  await cdp.send('Profiler.setSamplingInterval', { interval: 250 });
  await cdp.send('Profiler.start');
  const run = (await page.evaluate('gcBench.startOurs()')) as ScanRun;
  type Profile = Parameters<typeof aggregateProfile>[0];
  const scan = ((await cdp.send('Profiler.stop')) as { profile: Profile }).profile;
  const reports = [aggregateProfile(scan, driver.bundles.oursDev, `${name}, first scan`, run.busyMs)];
  if (batches.length > 0) {
    await page.evaluate('gcHarness.idle()');
    await cdp.send('Profiler.start');
    let busy = 0;
    for (const batch of batches) busy += ((await page.evaluate(`gcBench.appendBatch(${JSON.stringify(batch)})`)) as BatchRun).busyMs;
    const appends = ((await cdp.send('Profiler.stop')) as { profile: Profile }).profile;
    reports.push(aggregateProfile(appends, driver.bundles.oursDev, `${name}, ${batches.length} append batches`, busy));
  }
  await page.close();
  return reports;
}

// --- report -----------------------------------------------------------------------------------------

function pad(text: string, width: number): string {
  return text.length >= width ? text : text + ' '.repeat(width - text.length);
}

/** Prints a table under its title, after a blank line. */
function printTable(title: string, headers: string[], rows: string[][]): void {
  console.log(`\n${title}`);
  console.log(table(headers, rows));
}

function table(headers: string[], rows: string[][]): string {
  const widths = headers.map((header, i) => Math.max(header.length, ...rows.map((row) => (row[i] ?? '').length)));
  const line = (cells: string[]): string => cells.map((cell, i) => pad(cell, widths[i] as number)).join('  ').trimEnd();
  return [line(headers), line(widths.map((w) => '-'.repeat(w))), ...rows.map(line)].join('\n');
}

function sizeText(chars: number): string {
  return chars >= 1_000_000 ? `${(chars / 1_000_000).toFixed(1)}M` : `${Math.round(chars / 1000)}k`;
}

interface Summary {
  oursOverFloor: number;
  /** The same on a later page of a renderer process (our code already compiled there; not in the summary line). */
  oursLaterOverFloor: number;
  oursOverMark: number;
  batchGrowth: number;
  longTasks: number;
  contentScriptKB: number;
  /** Read and look (`readLookMs`) over the floor, pages of 1 MB and more, and over mark.js (not in the summary line). */
  readLookOverFloor: number;
  readLookOverMark: number;
  /** Ours stopped after its look and after locating the candidates (--stages) over the floor, pages of 1 MB and more (not in the summary line). */
  lookOverFloor: number | null;
  locateOverFloor: number | null;
}

async function main(): Promise<void> {
  const options = parseOptions(process.argv.slice(2));
  const started = performance.now();
  ensureExtensionBuild(log);
  const bundles = await buildBundles();
  const size: SizeReport = sizes(bundles);
  const server = await startPageServer();
  const { browser, context } = await launchBenchBrowser(server);
  const previousUrl = server.put('/previous.html', previousPage().html);
  const driver = new Driver(context, server, bundles, previousUrl);
  const phrases = peerPhrases();

  try {
    // Pages: every layout and language at 100 KB and 1 MB, and 8 MB (quick: 8 MB only for incremental).
    const sizesToRun = options.quick ? [100_000, 1_000_000] : [100_000, 1_000_000, 8_000_000];
    const specs: Array<{ layout: Layout; lang: Lang; chars: number }> = [];
    for (const chars of sizesToRun) {
      for (const layout of ['feed', 'article'] as const) {
        for (const lang of ['en', 'he'] as const) {
          if (options.quick && chars < 1_000_000 && `${layout}-${lang}` !== 'feed-en' && `${layout}-${lang}` !== 'article-he') continue;
          specs.push({ layout, lang, chars });
        }
      }
    }
    // Plain variants (every section laid out) at 1 MB: the cost of our visibility checks on a fully laid-out page.
    const plain: Array<{ layout: Layout; lang: Lang; chars: number; contentVisibility: false }> = options.quick
      ? []
      : [
          { layout: 'feed', lang: 'en', chars: 1_000_000, contentVisibility: false },
          { layout: 'article', lang: 'he', chars: 1_000_000, contentVisibility: false },
        ];
    log(`generating ${specs.length + plain.length} pages...`);
    const generated = [...specs, ...plain].map((spec) => generatePage(spec));
    const urls = new Map(generated.map((page) => [page.name, server.put(`/${page.name}.html`, page.html)]));
    const results = new Map(generated.map((page) => [page.name, emptyResult(page.name, 'generated', page)]));

    const real = options.real ? realPages().slice(0, options.quick ? 4 : 24) : [];
    const realResults = new Map(real.map((file) => [file, emptyResult(file, 'real')]));

    // Interleaved: each repetition visits every page once.
    for (let rep = 0; rep < options.reps; rep++) {
      for (const page of generated) {
        const large = page.textChars >= 4_000_000;
        // The largest pages take long to load and the peer takes seconds on them: fewer repetitions there.
        if (large && rep >= LARGE_PAGE_REPS) continue;
        const peer = !large || rep === 0;
        log(`rep ${rep + 1}/${options.reps} ${page.name}`);
        await measurePage(driver, urls.get(page.name) as string, results.get(page.name) as PageResult, page, {
          peer,
          markArray: page.textChars < 200_000 && (!options.quick || rep === 0),
          later: !large,
          readLook: !large || rep === 0,
          stages: options.stages && page.textChars >= 1_000_000 && (!large || rep === 0),
          phrases,
        });
      }
      if (rep < (options.quick ? 1 : 2)) {
        for (const file of real) {
          await measurePage(driver, server.real(file), realResults.get(file) as PageResult, undefined, { peer: true, markArray: false, later: false, readLook: false, stages: false, phrases });
        }
      }
    }

    // Incremental: appends on a small and a large feed.
    log('incremental...');
    const smallFeed = generated.find((page) => page.name === 'feed-en-100k') ?? generatePage({ layout: 'feed', lang: 'en', chars: 100_000 });
    const largeFeed =
      generated.find((page) => page.name === 'feed-en-8m') ?? generatePage({ layout: 'feed', lang: 'en', chars: 8_000_000 });
    const batches = options.quick ? 5 : 20;
    const incremental: IncrementalResult[] = [];
    for (const page of [smallFeed, largeFeed]) {
      const url = urls.get(page.name) ?? server.put(`/${page.name}.html`, page.html);
      incremental.push(await measureIncremental(driver, url, page, batches));
    }

    // Hover: a feed with 1,200 planted headlines.
    log('hover...');
    const hoverPage = generatePage({ layout: 'feed', lang: 'en', chars: 1_000_000, plant: 1200, seed: 99 });
    const hover = await measureHover(driver, server.put('/hover.html', hoverPage.html), options.quick ? 30 : 100);

    // Profile: where ours spends its time on the largest pages.
    const profiles: ProfileReport[] = [];
    if (options.profile) {
      log('profile...');
      const largeUrl = urls.get(largeFeed.name) ?? server.put(`/${largeFeed.name}.html`, largeFeed.html);
      const extra = generatePosts(largeFeed.lang, 30, 4242).posts;
      const appendBatches = [extra.slice(0, 10), extra.slice(10, 20), extra.slice(20, 30)];
      profiles.push(...(await profileOurs(driver, largeUrl, largeFeed.name, appendBatches)));
      for (const name of options.quick ? ['feed-en-1m', 'article-en-1m', 'article-he-1m'] : ['article-he-8m', 'feed-en-1m-plain', 'feed-en-1m']) {
        const page = generated.find((each) => each.name === name);
        if (page !== undefined) profiles.push(...(await profileOurs(driver, urls.get(name) as string, name)));
      }
    }

    // The extension as installed: what a page pays in all (start-up included), against the same floor.
    const installedPages = generated.filter((page) => page.textChars >= 1_000_000 && page.textChars < 4_000_000 && page.name.split('-').length === 3);
    const installedRun: InstalledRun = options.installed
      ? await measureInstalled(server, bundles.harness, installedPages.map((page) => ({ name: page.name, url: urls.get(page.name) as string })), previousUrl, options.quick ? 3 : 5, log)
      : { pages: [], startupRead: null };
    const installed = installedRun.pages;
    const startupRead = installedRun.startupRead;

    // --- report ---
    const pages = [...results.values()];
    const realList = [...realResults.values()];
    const rowOf = (r: PageResult): string[] => {
      const floor = median(r.floorMs);
      const ours = median(r.oursMs);
      const mark = median(r.markRegExpMs);
      return [
        r.name,
        sizeText(r.textChars),
        String(r.textNodes),
        formatSpread(spread(r.floorMs)),
        formatSpread(spread(r.oursMs)),
        r.oursLaterMs.length > 0 ? `${formatSpread(spread(r.oursLaterMs))} ${ratio(median(r.oursLaterMs), floor).toFixed(2)}` : '–',
        formatSpread(spread(r.markRegExpMs)),
        r.markArrayMs.length > 0 ? formatSpread(spread(r.markArrayMs)) : '–',
        ratio(ours, floor).toFixed(2),
        Number.isNaN(mark) ? '–' : ratio(ours, mark).toFixed(3),
        `${median(r.matchMs).toFixed(1)}/${median(r.highlightMs).toFixed(1)}`,
        `${(median(r.heapAddedBytes) / 1e6).toFixed(1)}`,
        r.kind === 'generated' ? `${r.planted - r.missed.length}/${r.planted}` : String(r.findings),
      ];
    };
    const headers = ['page', 'text', 'nodes', 'floor ms', 'ours ms', 'ours ms, later page; /floor', 'mark.js RegExp ms', 'mark(array) ms', 'ours/floor', 'ours/mark', 'match/hl ms', 'heap MB', 'found'];
    printTable(
      'Generated pages (median (min–max) of cold runs; ours = our script time until settled, on the first page of a ' +
        'renderer process; later page = a page the tab opens after one our code ran on: the process has our code compiled)',
      headers,
      pages.map(rowOf),
    );
    const readLookPages = pages.filter((r) => r.readLookMs.length > 0 && r.markRegExpMs.length > 0);
    if (readLookPages.length > 0) {
      printTable(
        'Read and look: one native read of the body\'s text and the candidate filter\'s two searches over it, nothing ' +
          'else (no way back to the page\'s nodes, no matching, no highlights): what a scanner that reads the page and looks for our anchors cannot do without',
        ['page', 'read+look ms', '/floor', '/mark.js RegExp', 'ours/read+look'],
        readLookPages.map((r) => {
          const readLook = median(r.readLookMs);
          return [
            r.name,
            formatSpread(spread(r.readLookMs)),
            ratio(readLook, median(r.floorMs)).toFixed(2),
            ratio(readLook, median(r.markRegExpMs)).toFixed(3),
            ratio(median(r.oursMs), readLook).toFixed(2),
          ];
        }),
      );
    }
    const stagePages = pages.filter((r) => r.lookMs.length > 0 && r.locateMs.length > 0);
    if (stagePages.length > 0) {
      printTable(
        'Where a new tab\'s first page goes (each a fresh load, as ours): look = ours with none of the candidate filter\'s hits ' +
          'taken (start-up, and the page\'s text read and searched); locate = ours with the candidates\' blocks found and read, not matched; ours = the whole scan',
        ['page', 'floor ms', 'look ms', 'locate ms', 'ours ms', 'look/floor', 'locate/floor', 'ours/floor'],
        stagePages.map((r) => {
          const floor = median(r.floorMs);
          return [
            r.name,
            formatSpread(spread(r.floorMs)),
            formatSpread(spread(r.lookMs)),
            formatSpread(spread(r.locateMs)),
            formatSpread(spread(r.oursMs)),
            ratio(median(r.lookMs), floor).toFixed(2),
            ratio(median(r.locateMs), floor).toFixed(2),
            ratio(median(r.oursMs), floor).toFixed(2),
          ];
        }),
      );
    }
    if (realList.length > 0) {
      printTable(`Real pages (${realList.length} largest of ../shared/corpus/real-pages; findings expected: 0)`, headers, realList.map(rowOf));
    }

    console.log('\nIncremental (10 posts per batch; our time per batch until settled)');
    console.log(
      table(
        ['page', 'text', 'batches', 'ours ms/batch', 'wall ms/batch', 'page append ms', 'chars matched/batch', 'text reads/batch', 'long tasks (ours/all)'],
        incremental.map((r) => [
          r.page,
          sizeText(r.textChars),
          String(r.batches),
          formatSpread(spread(r.busyMs), 2),
          formatSpread(spread(r.wallMs), 2),
          formatSpread(spread(r.pageMs), 2),
          String(median(r.matchChars)),
          r.textReads.length > 0 ? String(median(r.textReads)) : '–',
          `${r.longTasksOurs}/${r.longTasks.length}`,
        ]),
      ),
    );

    console.log(
      `\nHover: ${hover.perCallUs.toFixed(1)} µs per pointer move (${hover.calls} hit-tests at ${hover.points} points, ` +
        `${hover.hits} on a highlight, ${hover.highlights} highlights on the page)`,
    );
    console.log(
      `Size: content script ${(size.contentScriptBytes / 1000).toFixed(1)} kB minified, ${(size.contentScriptGzipBytes / 1000).toFixed(1)} kB gzipped ` +
        `(.output-bench/chrome-mv3/content-scripts/content.js); the matcher, loaded when a page first has a candidate, ` +
        `${(size.matcherStageBytes / 1000).toFixed(1)} kB / ${(size.matcherStageGzipBytes / 1000).toFixed(1)} kB gz; the card, loaded when a page first shows one, ` +
        `${(size.cardUiBytes / 1000).toFixed(1)} kB / ${(size.cardUiGzipBytes / 1000).toFixed(1)} kB gz; bench bundle of the scan modules ${(size.benchBundleBytes / 1000).toFixed(1)} kB / ${(size.benchBundleGzipBytes / 1000).toFixed(1)} kB gz`,
    );
    const startup = pages.flatMap((r) => r.evalMs.map((evalMs, i) => evalMs + (r.setupMs[i] ?? 0)));
    console.log(`Startup (module evaluation + the stored snapshot parsed and its candidate filter made, before the scan; the matcher is restored in the scan, at the first candidate): ${formatSpread(spread(startup))} ms`);
    if (installed.length > 0) {
      console.log(
        '\nInstalled extension (production build; CPU profile of its content-script files from navigation until settled, ' +
          'plus their compiles outside their functions from a trace; profiler and tracing on)',
      );
      console.log(
        table(
          ['page', 'floor ms', 'extension script ms', 'of which compile', 'extension/floor', 'later page ms', 'later/floor'],
          installed.map((r) => [
            r.page,
            formatSpread(spread(r.floorMs)),
            formatSpread(spread(r.scriptMs)),
            median(r.compileMs).toFixed(1),
            ratio(median(r.scriptMs), median(r.floorMs)).toFixed(2),
            formatSpread(spread(r.laterScriptMs)),
            ratio(median(r.laterScriptMs), median(r.floorMs)).toFixed(2),
          ]),
        ),
      );
      const medianOf = (times: (r: InstalledResult) => number[]): string => median(installed.map((r) => ratio(median(times(r)), median(r.floorMs)))).toFixed(2);
      console.log(
        `Median extension/floor: ${medianOf((r) => r.scriptMs)} on a new tab's first page (its process compiles our code), ` +
          `${medianOf((r) => r.laterScriptMs)} on the next page in that tab`,
      );
    }
    if (startupRead !== null) {
      console.log(
        `Start-up storage read, in the content script's world (outside the profile above; ${startupRead.readMs.length} reads): ` +
          `${formatSpread(spread(startupRead.readMs))} ms, longest main-thread task meanwhile ${formatSpread(spread(startupRead.longestTaskMs))} ms`,
      );
    }

    for (const profile of profiles) {
      console.log(`\nProfile of ours: ${profile.page} (our time ${profile.busyMs.toFixed(0)} ms; self time, sampled, profiler on):`);
      console.log(table(['where', 'ms', 'share'], profile.byArea.map((row) => [row.name, row.ms.toFixed(0), `${(row.share * 100).toFixed(0)}%`])));
      console.log(table(['top functions (self)', 'ms', 'module'], profile.topFunctions.map((row) => [row.name, row.ms.toFixed(0), row.module])));
    }

    const largePages = pages.filter((r) => r.textChars >= 1_000_000);
    const small = incremental[0] as IncrementalResult;
    const big = incremental[1] as IncrementalResult;
    const missed = pages.flatMap((r) => r.missed.map((m) => `${r.name}: ${m}`));
    if (missed.length > 0) console.log(`\nMISSED planted headlines:\n  ${missed.join('\n  ')}`);
    const over = [...new Set(pages.flatMap((r) => r.overshoots))];
    if (over.length > 0) console.log(`\nFindings running past the planted headline (highlight covers neighbouring words):\n  ${over.slice(0, 10).join('\n  ')}`);
    const summary: Summary = {
      oursOverFloor: median(largePages.map((r) => ratio(median(r.oursMs), median(r.floorMs)))),
      oursLaterOverFloor: median(largePages.filter((r) => r.oursLaterMs.length > 0).map((r) => ratio(median(r.oursLaterMs), median(r.floorMs)))),
      oursOverMark: median(pages.filter((r) => r.markRegExpMs.length > 0).map((r) => ratio(median(r.oursMs), median(r.markRegExpMs)))),
      batchGrowth: ratio(median(big.busyMs), median(small.busyMs)),
      longTasks: small.longTasksOurs + big.longTasksOurs + pages.reduce((sum, r) => sum + r.longTasksOurs, 0),
      contentScriptKB: size.contentScriptBytes / 1000,
      readLookOverFloor: median(largePages.filter((r) => r.readLookMs.length > 0).map((r) => ratio(median(r.readLookMs), median(r.floorMs)))),
      readLookOverMark: median(
        pages.filter((r) => r.readLookMs.length > 0 && r.markRegExpMs.length > 0).map((r) => ratio(median(r.readLookMs), median(r.markRegExpMs))),
      ),
      lookOverFloor: stageOverFloor(largePages, (r) => r.lookMs),
      locateOverFloor: stageOverFloor(largePages, (r) => r.locateMs),
    };
    const json = {
      date: new Date().toISOString(),
      options,
      durationS: (performance.now() - started) / 1000,
      summary,
      budgets: { oursOverFloor: 2.0, oursOverMark: 0.1, batchGrowth: 1.5, longTasks: 0, hoverUs: 1000, contentScriptKB: 50 },
      size,
      hover,
      pages: pages.map((r) => ({ ...r, stats: statsOf(r) })),
      realPages: realList.map((r) => ({ ...r, stats: statsOf(r) })),
      incremental: incremental.map((r) => ({ ...r, stats: { busyMs: spread(r.busyMs), wallMs: spread(r.wallMs), pageMs: spread(r.pageMs) } })),
      profiles,
      installed: installed.map((r) => ({ ...r, stats: { floorMs: spread(r.floorMs), scriptMs: spread(r.scriptMs), laterScriptMs: spread(r.laterScriptMs) } })),
      startupRead: startupRead === null ? null : { ...startupRead, stats: { readMs: spread(startupRead.readMs), longestTaskMs: spread(startupRead.longestTaskMs) } },
    };
    mkdirSync(dirname(options.json), { recursive: true });
    writeFileSync(options.json, `${JSON.stringify(json, null, 2)}\n`);
    console.log(`Later pages of a process: median ours/floor ${summary.oursLaterOverFloor.toFixed(2)} over the generated pages of 1 MB and more`);
    console.log(
      `Read and look: median ${summary.readLookOverFloor.toFixed(2)} of the floor over the generated pages of 1 MB and more, ` +
        `${summary.readLookOverMark.toFixed(3)} of mark.js (RegExp) over the generated pages`,
    );
    if (summary.lookOverFloor !== null && summary.locateOverFloor !== null) {
      console.log(
        `Stages: median look/floor ${summary.lookOverFloor.toFixed(2)}, locate/floor ${summary.locateOverFloor.toFixed(2)} ` +
          `(ours/floor ${summary.oursOverFloor.toFixed(2)}) over the generated pages of 1 MB and more`,
      );
    }
    console.log(`\nJSON: ${options.json} (${json.durationS.toFixed(0)} s)`);
    console.log(
      `bench: ours/floor ${summary.oursOverFloor.toFixed(2)}, ours/mark.js ${summary.oursOverMark.toFixed(3)}, ` +
        `batch growth ${summary.batchGrowth.toFixed(2)}, long tasks ${summary.longTasks}, content script ${summary.contentScriptKB.toFixed(1)} KB`,
    );
  } finally {
    await browser.close();
    await server.close();
  }
}

/** Median over `pages` of a stage's median over the floor's; null when no page measured it. */
function stageOverFloor(pages: readonly PageResult[], times: (r: PageResult) => number[]): number | null {
  const measured = pages.filter((r) => times(r).length > 0);
  return measured.length === 0 ? null : median(measured.map((r) => ratio(median(times(r)), median(r.floorMs))));
}

function statsOf(r: PageResult): Record<string, Spread> {
  return {
    floorMs: spread(r.floorMs),
    oursMs: spread(r.oursMs),
    oursLaterMs: spread(r.oursLaterMs),
    oursWallMs: spread(r.oursWallMs),
    markRegExpMs: spread(r.markRegExpMs),
    markArrayMs: spread(r.markArrayMs),
    readLookMs: spread(r.readLookMs),
    lookMs: spread(r.lookMs),
    locateMs: spread(r.locateMs),
    heapAddedBytes: spread(r.heapAddedBytes),
  };
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? (error.stack ?? error.message) : error);
  process.exitCode = 1;
});
