// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createDismissalsGate, type DismissalsGate } from '../../entrypoints/content/dismissals-gate';
import { createMatcher } from '../../src/core/index';
import type { Matcher } from '../../src/core/types';
import { bundledMatcherConfig } from '../../src/data/index';
import { dismissalFilter, dismissalKey } from '../../src/page/dismissals';
import type { PageFinding } from '../../src/page/findings';
import { matchingParts } from '../../src/page/matching-parts';
import { createScanner, type Scanner } from '../../src/page/scanner';
import type { Dismissal } from '../../src/settings/schema';

const SITE = 'news.example';
const HEADLINE = 'Iran Strikes Tel Aviv with Heavy Missiles';
const KLAY = 'Klay Thompson Accused in Bizarre Brick-Vandalism Spree';
const matcher = createMatcher(bundledMatcherConfig);

function dismissed(text: string): Dismissal {
  return { site: SITE, key: dismissalKey(text), text, kind: 'fabricated-headline', incident: 'iran-tel-aviv-2024', at: 1 };
}

let controller: AbortController;
let reads: number;
let stored: () => Promise<Dismissal[]>;
let debug: ReturnType<typeof vi.fn<(...args: unknown[]) => void>>;
/** Every finding the page was ever told of (a dismissed one must never be among them, not even for a moment). */
let everAdded: string[];
let known: boolean;
/** Whether the matcher ran while the dismissals were not known yet. */
let matchedBlind: boolean;

/** The content script's wiring (entrypoints/content/index.ts): the scanner's filter follows the gate. */
function startPage(): { scanner: Scanner; gate: DismissalsGate } {
  let scanner: Scanner | null = null;
  const gate = createDismissalsGate({
    read: () => {
      reads++;
      return stored();
    },
    onKnown: (dismissals) => {
      known = true;
      scanner?.setFilter(dismissalFilter(dismissals, SITE));
    },
    debug,
  });
  const watched: Matcher = {
    candidates: matcher.candidates,
    match(text, options) {
      matchedBlind ||= !known;
      return matcher.match(text, options);
    },
  };
  scanner = createScanner({
    document,
    signal: controller.signal,
    matcher: gate.gate(watched),
    matchingParts: () => matchingParts,
    onChange: (change) => everAdded.push(...change.added.map((finding: PageFinding) => finding.text)),
  });
  return { scanner, gate };
}

beforeEach(() => {
  controller = new AbortController();
  reads = 0;
  stored = () => Promise.resolve([dismissed(HEADLINE)]);
  debug = vi.fn<(...args: unknown[]) => void>();
  everAdded = [];
  known = false;
  matchedBlind = false;
  document.body.innerHTML = '';
});

afterEach(() => controller.abort());

describe("a page's dismissals", () => {
  it('are not read on a page without a candidate', async () => {
    document.body.innerHTML = `${'<p>Ordinary words about a bakery, a garden and a quiet village.</p>'.repeat(50)}`;
    const { scanner } = startPage();
    await scanner.settled();
    expect(scanner.findings()).toEqual([]);
    expect(reads).toBe(0);
  });

  it('are read once, at the first candidate, and a dismissed finding is never shown, not even before they came', async () => {
    let answer: (dismissals: Dismissal[]) => void = () => undefined;
    stored = () => new Promise((resolve) => (answer = resolve));
    document.body.innerHTML = `<p>Ordinary words.</p><h2>${HEADLINE}</h2><h2>${KLAY}</h2><div id="feed"></div>`;
    const { scanner } = startPage();
    await vi.waitFor(() => expect(reads).toBe(1));
    answer([dismissed(HEADLINE)]);
    await scanner.settled();
    // Nothing was matched, so nothing committed, before they were known.
    expect(matchedBlind).toBe(false);
    expect(scanner.findings().map((finding) => finding.text)).toEqual([KLAY]);
    expect(everAdded).toEqual([KLAY]);
    // Later candidates find them known.
    const post = document.createElement('p');
    post.textContent = HEADLINE.toUpperCase();
    document.getElementById('feed')?.append(post);
    await scanner.settled();
    expect(scanner.findings().map((finding) => finding.text)).toEqual([KLAY]);
    expect(reads).toBe(1);
  });

  it('that cannot be read leave every finding shown, with one debug line, throwing nothing into the page', async () => {
    stored = () => Promise.reject(new Error('storage unavailable'));
    document.body.innerHTML = `<h2>${HEADLINE}</h2>`;
    const before = document.body.innerHTML;
    const { scanner } = startPage();
    await scanner.settled();
    expect(scanner.findings().map((finding) => finding.text)).toEqual([HEADLINE]);
    expect(debug).toHaveBeenCalledTimes(1);
    expect(document.body.innerHTML).toBe(before);
  });

  it('that change while being read are taken as changed: the read, older, is dropped', async () => {
    let answer: (dismissals: Dismissal[]) => void = () => undefined;
    stored = () => new Promise((resolve) => (answer = resolve));
    document.body.innerHTML = `<h2>${HEADLINE}</h2><h2>${KLAY}</h2>`;
    const { scanner, gate } = startPage();
    await vi.waitFor(() => expect(reads).toBe(1));
    // The user dismisses the other headline in another tab meanwhile: the storage watch reports the new list.
    gate.changed([dismissed(HEADLINE), { ...dismissed(KLAY), incident: 'klay-thompson-bricks-2024' }]);
    answer([dismissed(HEADLINE)]);
    await scanner.settled();
    expect(scanner.findings()).toEqual([]);
    expect(everAdded).toEqual([]);
  });

  it('gate a matcher that is ready already only until they are known', async () => {
    const gate = createDismissalsGate({ read: () => Promise.resolve([]), onKnown: () => undefined, debug });
    const ready: Matcher = { candidates: matcher.candidates, whenReady: () => null, match: (text, options) => matcher.match(text, options) };
    const gated = gate.gate(ready);
    expect(gated.candidates).toBe(matcher.candidates);
    const first = gated.whenReady?.();
    expect(first).toBeInstanceOf(Promise);
    await first;
    expect(gated.whenReady?.()).toBeNull();
    expect(gated.match(HEADLINE)).toHaveLength(1);
  });
});
