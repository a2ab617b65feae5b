/**
 * The benchmark's in-page helpers that are not our product: the floor (a bare read of the page's text),
 * the peer (mark.js, loaded from node_modules before this), and a long-task recorder.
 * Exposes `globalThis.gcHarness` for bench/run.ts.
 */

interface MarkInstance {
  markRegExp(regexp: RegExp, options: Record<string, unknown>): void;
  mark(keywords: string[], options: Record<string, unknown>): void;
}
type MarkConstructor = new (context: Element) => MarkInstance;

export interface LongTask {
  start: number;
  duration: number;
}

export interface PeerRun {
  ms: number;
  marks: number;
}

const longTasks: LongTask[] = [];
if (typeof PerformanceObserver === 'function' && PerformanceObserver.supportedEntryTypes.includes('longtask')) {
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) longTasks.push({ start: entry.startTime, duration: entry.duration });
  }).observe({ type: 'longtask', buffered: true });
}

/** The physical floor: one TreeWalker pass reading every text node's data. */
function floor(): { ms: number; chars: number; nodes: number } {
  const at = performance.now();
  const walker = document.createTreeWalker(document.documentElement, NodeFilter.SHOW_TEXT);
  let chars = 0;
  let nodes = 0;
  for (let node = walker.nextNode(); node !== null; node = walker.nextNode()) {
    chars += (node as Text).data.length;
    nodes++;
  }
  return { ms: performance.now() - at, chars, nodes };
}

/**
 * Read and look: one native read of the body's text and two searches over it with the patterns given (the
 * candidate filter's, as bench/run.ts picks them for the page), nothing else: no way back to the page's nodes, no
 * matching, no highlights. What a scanner that reads the page and looks for the anchors cannot do without, for
 * comparing the budgets with.
 */
function readAndLook(words: string, wordsFlags: string, chars: string, charsFlags: string): { ms: number; hits: number } {
  const patterns = [new RegExp(words, wordsFlags), new RegExp(chars, charsFlags)];
  let hits = 0;
  const at = performance.now();
  const text = document.body.textContent ?? '';
  for (const pattern of patterns) {
    pattern.lastIndex = 0;
    while (pattern.exec(text) !== null) hits++;
  }
  return { ms: performance.now() - at, hits };
}

function markConstructor(): MarkConstructor {
  const Mark = (globalThis as { Mark?: MarkConstructor }).Mark;
  if (Mark === undefined) throw new Error('mark.js is not loaded');
  return Mark;
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** mark.js as its users highlight a list of phrases: one combined regular expression across elements. */
function markRegExp(phrases: readonly string[]): PeerRun {
  const Mark = markConstructor();
  const regexp = new RegExp(phrases.map(escapeRegExp).join('|'), 'gi');
  let marks = 0;
  const at = performance.now();
  new Mark(document.body).markRegExp(regexp, {
    acrossElements: true,
    each: () => {
      marks++;
    },
  });
  return { ms: performance.now() - at, marks };
}

/** mark.js given the phrase list itself (one search per phrase). */
function markArray(phrases: readonly string[]): PeerRun {
  const Mark = markConstructor();
  let marks = 0;
  const at = performance.now();
  new Mark(document.body).mark([...phrases], {
    acrossElements: true,
    separateWordSearch: false,
    each: () => {
      marks++;
    },
  });
  return { ms: performance.now() - at, marks };
}

/** Long tasks observed since `since` (performance.now() time). */
function longTasksSince(since: number): LongTask[] {
  return longTasks.filter((task) => task.start + task.duration >= since);
}

/** Resolves after the next frame has been produced and its task has ended (the page is idle). */
function idle(): Promise<void> {
  return new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0)));
}

(globalThis as { gcHarness?: unknown }).gcHarness = { floor, readAndLook, markRegExp, markArray, longTasksSince, idle };
