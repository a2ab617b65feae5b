// @vitest-environment happy-dom
/**
 * The benchmark's shape checks, fast enough for every CI run and free of timing: on the benchmark's
 * generated pages the scan finds every planted headline, and an infinite-scroll append costs the same work
 * on a small and on a ten times larger page (text nodes read, characters matched, document-order
 * comparisons made). Timed numbers come from `npm run bench`.
 */
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { generatePage, generatePosts, missedHeadlines, type GeneratedPage } from '../../bench/generate';
import { createMatcher } from '../../src/core/index';
import type { Matcher } from '../../src/core/types';
import { bundledMatcherConfig } from '../../src/data/index';
import { matchingParts } from '../../src/page/matching-parts';
import { createScanner, type Scanner } from '../../src/page/scanner';

const matcher = createMatcher(bundledMatcherConfig);

interface Work {
  textReads: number;
  matchedChars: number;
  orderComparisons: number;
}

const work: Work = { textReads: 0, matchedChars: 0, orderComparisons: 0 };
let counting = false;

/** Counts `.data` reads of Text nodes and document-order comparisons while `counting` is on. */
function installCounters(): void {
  // The prototype that defines `data` (CharacterData in browsers; happy-dom overrides it in its Text class).
  let owner: object | null = Object.getPrototypeOf(document.createTextNode('')) as object;
  while (owner !== null && Object.getOwnPropertyDescriptor(owner, 'data') === undefined) owner = Object.getPrototypeOf(owner) as object | null;
  if (owner === null) throw new Error('Text.data is not defined here');
  const data = Object.getOwnPropertyDescriptor(owner, 'data');
  const get = data?.get;
  if (data === undefined || get === undefined) throw new Error('Text.data is not an accessor here');
  Object.defineProperty(owner, 'data', {
    ...data,
    get(this: CharacterData): string {
      if (counting) work.textReads++;
      return get.call(this) as string;
    },
  });
  const compare = Node.prototype.compareDocumentPosition;
  Node.prototype.compareDocumentPosition = function (this: Node, other: Node): number {
    if (counting) work.orderComparisons++;
    return compare.call(this, other);
  };
  const compareBoundaries = Range.prototype.compareBoundaryPoints;
  Range.prototype.compareBoundaryPoints = function (this: Range, how: number, source: Range): number {
    if (counting) work.orderComparisons++;
    return compareBoundaries.call(this, how, source);
  };
}
installCounters();

const countingMatcher: Matcher = {
  match(text, options) {
    if (counting) work.matchedChars += text.length;
    return matcher.match(text, options);
  },
};

let controller = new AbortController();
afterEach(() => {
  controller.abort();
  controller = new AbortController();
  counting = false;
});

/** Puts a generated page into the test document (its <html> attributes, head and body). */
function show(page: GeneratedPage): void {
  const open = /<html([^>]*)>/.exec(page.html);
  const inner = page.html.slice((open?.index ?? 0) + (open?.[0].length ?? 0), page.html.lastIndexOf('</html>'));
  document.documentElement.innerHTML = inner;
  for (const [, name, value] of (open?.[1] ?? '').matchAll(/(\w+)="([^"]*)"/g)) document.documentElement.setAttribute(name as string, value as string);
}

async function scan(page: GeneratedPage): Promise<Scanner> {
  show(page);
  const scanner = createScanner({ document, matcher: countingMatcher, matchingParts: () => matchingParts, signal: controller.signal });
  await scanner.settled();
  return scanner;
}

function foundOf(scanner: Scanner): Array<{ incident: string | null; text: string }> {
  return scanner.findings().map((finding) => ({ incident: finding.incident ?? null, text: finding.text }));
}

describe('benchmark pages: the scan finds every planted headline', () => {
  for (const layout of ['feed', 'article'] as const) {
    for (const lang of ['en', 'he'] as const) {
      it(`${layout}, ${lang}`, { timeout: 60_000 }, async () => {
        const page = generatePage({ layout, lang, chars: 60_000 });
        expect(page.planted.length).toBeGreaterThanOrEqual(8);
        expect(page.planted.some((plant) => plant.split)).toBe(true);
        const scanner = await scan(page);
        expect(missedHeadlines(page.planted, foundOf(scanner))).toEqual([]);
        // The feed's Grok story cards are found too.
        const summaries = scanner.findings().filter((finding) => finding.kind === 'grok-summary');
        expect(summaries.length).toBeGreaterThanOrEqual(page.storyCards);
      });
    }
  }
});

describe('benchmark pages: an append batch costs the same work on a small and a large page', () => {
  /** Work per batch for three batches of 10 posts appended to a feed of `chars` characters. */
  async function batchWork(chars: number): Promise<{ work: Work[]; missed: number }> {
    // Findings in proportion to the text (one per 2,500 characters), so the large page also has ten times more.
    const page = generatePage({ layout: 'feed', lang: 'en', chars, plant: chars / 2500 });
    const scanner = await scan(page);
    const feed = document.getElementById('feed');
    if (feed === null) throw new Error('no #feed');
    const posts = generatePosts('en', 30, 777, 5);
    const perBatch: Work[] = [];
    for (let batch = 0; batch < 3; batch++) {
      const template = document.createElement('template');
      template.innerHTML = posts.posts.slice(batch * 10, batch * 10 + 10).join('');
      Object.assign(work, { textReads: 0, matchedChars: 0, orderComparisons: 0 });
      feed.append(template.content);
      counting = true;
      await scanner.settled();
      // The content script reads the findings in document order each time the scanner settles.
      void scanner.findings();
      counting = false;
      perBatch.push({ ...work });
    }
    const missed = missedHeadlines(posts.planted, foundOf(scanner)).length;
    return { work: perBatch, missed };
  }

  let small: { work: Work[]; missed: number };
  let large: { work: Work[]; missed: number };
  beforeAll(async () => {
    small = await batchWork(20_000);
    controller.abort();
    controller = new AbortController();
    large = await batchWork(200_000);
  }, 180_000);

  it('finds the headlines in the appended posts', () => {
    expect(small.missed).toBe(0);
    expect(large.missed).toBe(0);
  });

  it('reads and matches only the appended posts: the same text nodes and characters on both pages', () => {
    for (let batch = 0; batch < 3; batch++) {
      const a = small.work[batch] as Work;
      const b = large.work[batch] as Work;
      expect(a.textReads).toBeGreaterThan(0);
      expect(a.matchedChars).toBeGreaterThan(0);
      expect({ batch, textReads: b.textReads, matchedChars: b.matchedChars }).toEqual({ batch, textReads: a.textReads, matchedChars: a.matchedChars });
    }
  });

  it('orders the findings without comparing every finding of the page again', () => {
    // The large page holds ten times more findings; putting a batch's few new findings in document order may
    // compare them with some neighbours, not re-sort the whole list with DOM comparisons.
    for (let batch = 0; batch < 3; batch++) {
      const a = small.work[batch] as Work;
      const b = large.work[batch] as Work;
      expect(b.orderComparisons, `batch ${batch}: document-order comparisons (small page: ${a.orderComparisons})`).toBeLessThanOrEqual(a.orderComparisons * 1.5 + 20);
    }
  });
});
