/**
 * What a test reads from a page, for either browser: the content script's state on `<gc-root>`, the
 * registered highlights, the card, and the mutations the page did not make itself. A page is anything that
 * evaluates a script's source text (playwright-core's and puppeteer-core's pages both do).
 */
import {
  cardInPage,
  gcRootStateInPage,
  inPage,
  locateTextInPage,
  readHighlightsInPage,
  type CardInfo,
  type GcRootState,
  type TextRect,
} from './in-page';
import { waitFor } from './wait';

export interface Evaluates {
  evaluate(script: string): Promise<unknown>;
}

export async function run<R, A = null>(page: Evaluates, fn: (arg: A) => R, arg?: A): Promise<Awaited<R>> {
  return (await page.evaluate(inPage(fn, arg))) as Awaited<R>;
}

/** Lets the page render two frames, so mutations made before it have been seen by every observer. */
export async function nextFrames(page: Evaluates): Promise<void> {
  await page.evaluate(
    'new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(() => done(true))))',
  );
}

export async function rootState(page: Evaluates): Promise<GcRootState> {
  return run(page, gcRootStateInPage);
}

/**
 * Waits until the content script has settled (after the page's last change) and, when `findings` is given,
 * reports that many findings. Returns the final state.
 */
export async function waitSettled(page: Evaluates, findings?: number): Promise<GcRootState> {
  await nextFrames(page);
  let state: GcRootState = { state: null, findings: null, count: 0 };
  await waitFor(
    async () => {
      state = await rootState(page);
      return state.state === 'settled' && (findings === undefined || state.findings === findings);
    },
    `<gc-root data-state="settled"${findings === undefined ? '' : ` data-findings="${findings}"`}>`,
  ).catch((error: unknown) => {
    throw new Error(`${String(error)}; last seen: ${JSON.stringify(state)}`);
  });
  return state;
}

/** A page as a browser session opens it: the page and the errors it reports. */
export interface OpenedFixture {
  page: Evaluates & { close(): Promise<void> };
  errors: string[];
}

/**
 * Opens the fixture page `path`, waits until the content script has settled (with `findings` findings, when
 * given), runs `body` on the page and the settled state, and closes the page whatever happens.
 */
export async function onSettledPage<P extends OpenedFixture>(
  session: { open(path: string): Promise<P> },
  path: string,
  findings: number | undefined,
  body: (opened: P, state: GcRootState) => Promise<void>,
): Promise<void> {
  const opened = await session.open(path);
  try {
    await body(opened, await waitSettled(opened.page, findings));
  } finally {
    await opened.page.close();
  }
}

/** Registered `gc-` highlights: name → texts of their ranges (whitespace collapsed). */
export async function readHighlights(page: Evaluates): Promise<Record<string, string[]>> {
  const raw = await run(page, readHighlightsInPage);
  if (raw === null) throw new Error('CSS.highlights is not visible from the page');
  return Object.fromEntries(Object.entries(raw).map(([name, texts]) => [name, texts.map(collapse)]));
}

export interface RangeHealth {
  total: number;
  /** Ranges whose nodes have left the document. */
  detached: number;
}

/** How many `gc-` highlight ranges there are, and how many point at nodes no longer in the page. */
export async function highlightHealth(page: Evaluates): Promise<RangeHealth> {
  return run(page, () => {
    const registry = (CSS as unknown as { highlights: Map<string, Set<AbstractRange>> }).highlights;
    let total = 0;
    let detached = 0;
    for (const [name, highlight] of registry) {
      if (!name.startsWith('gc-')) continue;
      for (const range of highlight) {
        total++;
        if (!range.startContainer.isConnected || !range.endContainer.isConnected) detached++;
      }
    }
    return { total, detached };
  });
}

/** All highlighted texts, whatever highlight they belong to. */
export function highlightedTexts(highlights: Record<string, string[]>): string[] {
  return Object.values(highlights).flat();
}

export async function foreignMutations(page: Evaluates): Promise<string[]> {
  const log = await page.evaluate('window.__gcForeignMutations ? window.__gcForeignMutations() : null');
  if (!Array.isArray(log)) throw new Error('the mutation recorder is not installed in this page');
  return log as string[];
}

/** Scrolls `text` into view and returns the rectangle of its first line. */
export async function locateText(page: Evaluates, text: string): Promise<TextRect> {
  const rect = await run(page, locateTextInPage, text);
  if (!rect) throw new Error(`the page does not show "${text}"`);
  return rect;
}

export async function readCard(page: Evaluates): Promise<CardInfo> {
  return run(page, cardInPage);
}

export async function waitCard(page: Evaluates, open: boolean, what: string): Promise<CardInfo> {
  let card: CardInfo | undefined;
  await waitFor(async () => {
    card = await readCard(page);
    return card.open === open;
  }, what);
  return card as CardInfo;
}

export function collapse(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}
