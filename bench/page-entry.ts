/**
 * The benchmark's in-page side of "ours": the production modules the content script runs (src/core, src/data,
 * src/page, src/ui/card), bundled and minified like the content script, driven the way
 * entrypoints/content/page-session.ts drives them: the matcher restored from its snapshot at the page's first
 * candidate (entrypoints/content/page-matcher.ts `stagedMatcher`), the highlights and the hover started with its
 * first finding, and the card host once the first scan has settled. Storage, messaging and settings are left out:
 * they are `browser.*` calls, not page work; the matcher's bundle, which the content script imports, is part of
 * this one.
 *
 * Exposes `globalThis.gcBench` for bench/run.ts (called by name from Playwright, so no test-runner code is
 * serialised into the page).
 */
import { createMatcher, createMatcherFromSnapshot } from '../src/core/index';
import type { Finding, MatchOptions, Matcher } from '../src/core/types';
import { bundledMatcherConfig } from '../src/data/matcher-config';
import { createHighlighter } from '../src/page/highlighter';
import { findingAtPoint, watchHover } from '../src/page/hit-test';
import type { FindingsChange } from '../src/page/findings';
import { matchingParts } from '../src/page/matching-parts';
import { createScanner, type Scanner } from '../src/page/scanner';
import { liveRange } from '../src/page/text-index';
import { createCardHost, type CardHost } from '../src/ui/card/card-host';
import type { MatcherStage } from '../entrypoints/content/matcher-stage-loader';
import { stagedMatcher } from '../entrypoints/content/page-matcher';
import type { Highlighter } from '../src/page/highlighter';

declare global {
  // eslint-disable-next-line no-var
  var __gcEvalStart: number | undefined;
  /** The matcher snapshot as JSON, as the background stores it (bench/run.ts puts it here before the bundle). */
  // eslint-disable-next-line no-var
  var __gcMatcherSnapshot: string | undefined;
}

/** Time from the bundle's first statement to here (module evaluation: knowledge base parse and checks). */
const evalMs = typeof globalThis.__gcEvalStart === 'number' ? performance.now() - globalThis.__gcEvalStart : -1;

export interface Meters {
  /** Wall time from start until settled. */
  wallMs: number;
  /** Wall time minus the time spent yielded to the page (scheduler.yield): our script's own time. */
  busyMs: number;
  yields: number;
  matchMs: number;
  matchCalls: number;
  matchChars: number;
  highlightMs: number;
  /** Ranges added to / removed from the highlights. */
  rangesAdded: number;
  rangesRemoved: number;
  /** Text node `.data` reads (only when counting work; 0 otherwise). */
  textReads: number;
  /** When our code ran: [start, end] intervals between its yields (for attributing long tasks). */
  segments: Array<[number, number]>;
}

export interface ScanRun extends Meters {
  setupMs: number;
  findings: number;
  evalMs: number;
}

export interface BatchRun extends Meters {
  /** The page's own work: parsing and appending the posts. */
  pageMs: number;
  /** performance.now() when the batch's task began (for attributing long tasks). */
  taskStart: number;
  findings: number;
}

export interface FoundSummary {
  kind: string;
  incident: string | null;
  rule: string;
  text: string;
}

export interface HoverRun {
  calls: number;
  totalMs: number;
  perCallUs: number;
  hits: number;
  highlights: number;
  points: number;
}

interface State {
  meters: Meters;
  counting: boolean;
}

const state: State = { meters: emptyMeters(), counting: false };

function emptyMeters(): Meters {
  return {
    wallMs: 0,
    busyMs: 0,
    yields: 0,
    matchMs: 0,
    matchCalls: 0,
    matchChars: 0,
    highlightMs: 0,
    rangesAdded: 0,
    rangesRemoved: 0,
    textReads: 0,
    segments: [],
  };
}

let awayMs = 0;
/** Start of the current interval of our code running, or -1 while yielded. */
let segmentStart = -1;

function pause(at: number): void {
  if (segmentStart >= 0) state.meters.segments.push([segmentStart, at]);
  segmentStart = -1;
}

function resume(at: number): void {
  segmentStart = at;
}

/** Measures time spent yielded: the scanner gives the page its turn through scheduler.yield. */
function installYieldMeter(): void {
  const scheduler = (globalThis as { scheduler?: { yield?: () => Promise<void> } }).scheduler;
  if (scheduler === undefined || typeof scheduler.yield !== 'function') return;
  const original = scheduler.yield.bind(scheduler);
  scheduler.yield = (): Promise<void> => {
    const at = performance.now();
    state.meters.yields++;
    pause(at);
    return original().then(() => {
      const now = performance.now();
      awayMs += now - at;
      resume(now);
    });
  };
}

let counterInstalled = false;

/** Counts reads of Text `.data` (the cost unit of reading a page), for the work-shape checks. */
function installReadCounter(): void {
  let owner: object | null = Object.getPrototypeOf(document.createTextNode('')) as object;
  while (owner !== null && Object.getOwnPropertyDescriptor(owner, 'data') === undefined) owner = Object.getPrototypeOf(owner) as object | null;
  if (owner === null) return;
  const descriptor = Object.getOwnPropertyDescriptor(owner, 'data');
  const get = descriptor?.get;
  if (descriptor === undefined || get === undefined || counterInstalled) return;
  counterInstalled = true;
  Object.defineProperty(owner, 'data', {
    ...descriptor,
    get(this: CharacterData): string {
      if (state.counting) state.meters.textReads++;
      return get.call(this) as string;
    },
  });
}

function meteredMatcher(inner: Matcher): Matcher {
  return {
    candidates: inner.candidates ?? null,
    whenReady: () => inner.whenReady?.() ?? null,
    match(text: string, options?: MatchOptions): Finding[] {
      const at = performance.now();
      try {
        return inner.match(text, options);
      } finally {
        state.meters.matchMs += performance.now() - at;
        state.meters.matchCalls++;
        state.meters.matchChars += text.length;
      }
    },
  };
}

/** Measures time spent waiting for a rendering: the scanner checks visibility once the browser has styled the page. */
function installFrameMeter(): void {
  const original = globalThis.requestAnimationFrame.bind(globalThis);
  globalThis.requestAnimationFrame = (callback: FrameRequestCallback): number => {
    const at = performance.now();
    pause(at);
    return original((time) => {
      const now = performance.now();
      awayMs += now - at;
      resume(now);
      callback(time);
    });
  };
}

installYieldMeter();
installFrameMeter();

/** From now on, count text reads (slows reading a little: not for timed runs). */
function countWork(): void {
  installReadCounter();
  state.counting = true;
}

let session: { scanner: Scanner; controller: AbortController } | null = null;

function nextTask(): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, 0));
}

/** Runs `work`, then returns the meters for it (wall and busy time until the scanner settles). */
async function measure(work: () => Promise<void>, openSegment?: [number, number]): Promise<Meters> {
  state.meters = emptyMeters();
  if (openSegment !== undefined) state.meters.segments.push(openSegment);
  awayMs = 0;
  const at = performance.now();
  resume(at);
  await work();
  pause(performance.now());
  const meters = state.meters;
  meters.wallMs = performance.now() - at;
  meters.busyMs = meters.wallMs - awayMs;
  return meters;
}

/** The matcher's bundle (entrypoints/matcher-stage.ts), which the content script imports: here, part of this one. */
const matcherStage: MatcherStage = { createMatcherFromSnapshot, ...matchingParts, createHighlighter, watchHover };

/**
 * The matcher as a page builds it: the candidate filter of the snapshot the background stored at once, the
 * matcher restored from it at the first candidate (entrypoints/content/page-matcher.ts); compiled only without
 * a snapshot. Parsing the JSON here stands in for storage.local's own deserialisation of the stored value.
 */
function pageMatcher(): Matcher {
  const json = globalThis.__gcMatcherSnapshot;
  globalThis.__gcMatcherSnapshot = undefined;
  const staged =
    json === undefined
      ? null
      : // A snapshot that does not restore leaves the planted headlines unfound (bench/run.ts reports them).
        stagedMatcher(JSON.parse(json), () => matcherStage, () => undefined);
  return staged ?? createMatcher(bundledMatcherConfig);
}

/**
 * How far a scan goes (bench/run.ts `--stages`): `all`, the content script's scan; `locate`, the candidates'
 * blocks found and read, and the matcher answers with no finding without running; `look`, the page's text read
 * and searched with the candidate filter's patterns, none of their hits taken (its `wordAt` says no to each).
 */
export type Stage = 'look' | 'locate' | 'all';

function stoppedAt(matcher: Matcher, stage: Stage): Matcher {
  if (stage === 'all') return matcher;
  const filter = matcher.candidates ?? null;
  return {
    candidates: stage === 'look' && filter !== null ? { ...filter, wordAt: () => false } : filter,
    // The matcher is still restored at the first candidate, as the content script restores it.
    whenReady: () => matcher.whenReady?.() ?? null,
    match: () => [],
  };
}

/**
 * The content script's first scan: builds the matcher (as the content script does at start), starts the
 * scanner (the highlighter and the hover listener with the first finding), and resolves when the scan has
 * settled. `stage`: see Stage.
 */
async function startOurs(options: { countWork?: boolean; stage?: Stage } = {}): Promise<ScanRun> {
  if (options.countWork === true) countWork();
  // Start from an ordinary page task, as the content script does (see appendBatch).
  await nextTask();
  const setupStart = performance.now();
  const matcher = meteredMatcher(stoppedAt(pageMatcher(), options.stage ?? 'all'));
  const setupEnd = performance.now();
  const setupMs = setupEnd - setupStart;
  const controller = new AbortController();
  const signal = controller.signal;
  let scanner: Scanner | null = null;
  let reported = 0;
  const meters = await measure(async () => {
    let highlighter: Highlighter | null = null;
    let cardHost: CardHost | null = null;
    /** As the content script's page session starts painting and the pointer's listener: with the first finding. */
    const painter = (active: Scanner): Highlighter => {
      if (highlighter !== null) return highlighter;
      highlighter = createHighlighter({ signal, style: 'underline' });
      watchHover({
        document,
        signal,
        findingsIn: active.findingsIn,
        hasFindings: () => active.findings().length > 0,
        onEnter: (hit) => {
          cardHost ??= createCardHost({ document, signal, onDismiss: () => undefined });
          void liveRange(hit.span.range);
        },
        onLeave: () => cardHost?.pointerLeftAnchor(),
      });
      return highlighter;
    };
    scanner = createScanner({
      document,
      signal,
      matcher,
      matchingParts: () => matchingParts,
      onChange(change: FindingsChange) {
        if (highlighter === null && change.added.length === 0) return;
        const painting = painter(scanner as Scanner);
        const at = performance.now();
        painting.update(change);
        state.meters.highlightMs += performance.now() - at;
        for (const finding of change.added) state.meters.rangesAdded += finding.spans.length;
        for (const finding of change.removed) state.meters.rangesRemoved += finding.spans.length;
      },
      onState(next, count) {
        if (next === 'settled') {
          cardHost ??= createCardHost({ document, signal, onDismiss: () => undefined });
          // The content script reports the findings (in document order) each time the scanner settles.
          reported = scanner?.findings().length ?? 0;
        }
        if (cardHost !== null) {
          cardHost.host.dataset.state = next;
          cardHost.host.dataset.findings = String(count);
        }
      },
      onHostRemoved() {
        cardHost?.ensureAttached();
      },
    });
    await scanner.settled();
  }, [setupStart, setupEnd]);
  if (scanner === null) throw new Error('scanner did not start');
  session = { scanner, controller };
  return { ...meters, setupMs, evalMs, findings: reported };
}

function requireSession(): { scanner: Scanner; controller: AbortController } {
  if (session === null) throw new Error('startOurs() first');
  return session;
}

/**
 * One infinite-scroll batch: the page parses and appends `posts` to `#feed` (its own work, timed apart),
 * then our mutation handling runs until the scanner settles.
 */
async function appendBatch(posts: readonly string[]): Promise<BatchRun> {
  const { scanner } = requireSession();
  // Append from an ordinary page task (as a scroll or fetch handler would): work run inside the DevTools
  // protocol's own evaluation task is not reported as a long task.
  await nextTask();
  const taskStart = performance.now();
  const feed = document.getElementById('feed') ?? document.body;
  const template = document.createElement('template');
  template.innerHTML = posts.join('');
  feed.append(template.content);
  const pageMs = performance.now() - taskStart;
  const meters = await measure(() => scanner.settled());
  return { ...meters, pageMs, taskStart, findings: scanner.findings().length };
}

function found(): FoundSummary[] {
  return requireSession()
    .scanner.findings()
    .map((finding) => ({
      kind: finding.kind,
      incident: finding.incident ?? null,
      rule: finding.rule,
      text: finding.text,
    }));
}

/** A small seeded generator so hover points are the same on every run. */
function random(seed: number): () => number {
  let value = seed >>> 0;
  return () => {
    value = (Math.imul(value, 1664525) + 1013904223) >>> 0;
    return value / 4294967296;
  };
}

/**
 * Hit-test cost per pointer move: at `positions` scroll positions (each centred on a random highlight),
 * tests the highlight's centre and `randomPoints` random points of the viewport, `repeat` times each.
 * Only `findingAtPoint` (what the pointer listener runs per move) is timed; the event target is found
 * beforehand, as the browser does before dispatching the event.
 */
function hover(positions: number, randomPoints: number, repeat: number): HoverRun {
  const { scanner } = requireSession();
  const findings = scanner.findings();
  const next = random(42);
  const width = document.documentElement.clientWidth;
  const height = document.documentElement.clientHeight;
  let calls = 0;
  let hits = 0;
  let totalMs = 0;
  let points = 0;
  for (let p = 0; p < positions && findings.length > 0; p++) {
    const finding = findings[Math.floor(next() * findings.length)];
    const span = finding?.spans[0];
    if (span === undefined) continue;
    span.range.startContainer.parentElement?.scrollIntoView({ block: 'center', behavior: 'instant' });
    const rect = liveRange(span.range).getClientRects()[0];
    const targets: Array<[number, number]> = [];
    if (rect !== undefined) targets.push([rect.left + Math.min(rect.width / 2, 20), rect.top + rect.height / 2]);
    for (let i = 0; i < randomPoints; i++) targets.push([next() * width, next() * height]);
    for (const [x, y] of targets) {
      const target = document.elementFromPoint(x, y);
      points++;
      const at = performance.now();
      let hit: unknown = null;
      for (let r = 0; r < repeat; r++) hit = findingAtPoint(document, x, y, target, scanner.findingsIn);
      totalMs += performance.now() - at;
      calls += repeat;
      if (hit !== null && hit !== 'host') hits++;
    }
  }
  return { calls, totalMs, perCallUs: calls === 0 ? 0 : (totalMs * 1000) / calls, hits, highlights: findings.length, points };
}

function stop(): void {
  session?.controller.abort();
  session = null;
}

(globalThis as { gcBench?: unknown }).gcBench = { startOurs, appendBatch, countWork, found, hover, stop, evalMs };
