/** Card checks shared by the browser test files (playwright-core's and puppeteer-core's pages alike). */
import assert from 'node:assert/strict';
import { incidentsById } from '../../../src/data/index';
import { assertTextContrast } from './contrast';
import { textColorsInPage, type CardInfo } from './in-page';
import { locateText, nextFrames, readCard, run, waitCard, type Evaluates } from './page-probe';

/** A page the pointer and the keyboard can drive. */
export interface Drivable extends Evaluates {
  mouse: { move(x: number, y: number, options?: { steps?: number }): Promise<void> };
  keyboard: { press(key: string): Promise<void> };
  bringToFront(): Promise<void>;
}

/**
 * Brings the page to the front (a tab opened and closed meanwhile, such as the popup's, can leave another in
 * front, and a tab in the back gets no pointer events), closes any card still open (else the wait below could
 * see that one), moves the pointer away, then onto the middle of the first box of `text`, and waits for the card.
 * The page hit-tests the pointer once per frame, at its last position: a move away and back within one frame
 * (which a test's pointer can make, a person's cannot) is never seen as leaving, and a card closed with Esc
 * stays closed while the pointer has not left its text. So the page renders a frame between the two moves.
 */
export async function hover(page: Drivable, text: string): Promise<CardInfo> {
  await page.bringToFront();
  if ((await readCard(page)).open) await closeCard(page);
  await page.mouse.move(1, 1);
  await nextFrames(page);
  const rect = await locateText(page, text);
  await page.mouse.move(rect.x + rect.width / 2, rect.y + rect.height / 2, { steps: 2 });
  return waitCard(page, true, `the card to open on hover over "${text}"`);
}

/** Presses Esc and waits for the card to close. */
export async function closeCard(page: Drivable): Promise<void> {
  await page.keyboard.press('Escape');
  await waitCard(page, false, 'Esc to close the card');
}

/** The card's "Full context" link leads to the incident's entry, and the card links its verified sources. */
export function assertAboutIncident(card: CardInfo, incident: string): void {
  assert.ok(
    card.fullContext?.endsWith(`context.html#${incident}`),
    `"Full context" leads to context.html#${incident}: ${String(card.fullContext)}`,
  );
  assertSourceLinks(card, incident);
}

/** Hovers `text`, waits for its card and checks that the card is about `incident`. */
export async function cardAbout(page: Drivable, text: string, incident: string): Promise<CardInfo> {
  const card = await hover(page, text);
  assertAboutIncident(card, incident);
  return card;
}

/** The card links every verified source of the incident, each in a new tab without opener or referrer. */
export function assertSourceLinks(card: CardInfo, incident: string): void {
  const known = (incidentsById.get(incident)?.sources ?? []).flatMap((s) => (s.url ? [s.url] : []));
  const external = card.sourceLinks.filter((link) => !link.href.includes('context.html'));
  assert.deepEqual(external.map((l) => l.href).sort(), [...known].sort(), 'the card links the verified sources');
  for (const link of external) {
    assert.equal(link.target, '_blank');
    assert.deepEqual(link.rel.split(/\s+/).sort(), ['noopener', 'noreferrer']);
  }
}

/** The card has an opaque background, and every text in it at least 4.5:1 contrast on what it is painted on. */
export async function assertReadable(page: Evaluates): Promise<void> {
  const colors = await run(page, textColorsInPage, 'card');
  assert.ok(colors.cardBackground, 'the card is open');
  assert.equal(colors.cardBackground[3], 255, 'the card has an opaque background');
  assertTextContrast(colors.texts, 'the card');
}

/**
 * The addresses of the page's loaded resources that are not web addresses. The card's bundle is imported into
 * the extension's content-script world when a card first opens: the page must see no trace of it (an
 * extension address in the page's resource timing would tell the page the extension is there).
 */
export function extensionTraces(page: Evaluates): Promise<string[]> {
  return run(page, () =>
    performance
      .getEntriesByType('resource')
      .map((entry) => entry.name)
      .filter((name) => !/^https?:/.test(name)),
  );
}
