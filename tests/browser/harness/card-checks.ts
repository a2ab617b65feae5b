/** Card checks shared by the Chromium test files (playwright-core pages). */
import assert from 'node:assert/strict';
import type { Page } from 'playwright-core';
import { incidentsById } from '../../../src/data/index';
import { contrastRatio } from './contrast';
import { cardColorsInPage, type CardInfo } from './in-page';
import { locateText, run, waitCard } from './page-probe';

/** Moves the pointer away, then onto the middle of the first box of `text`, and waits for the card. */
export async function hover(page: Page, text: string): Promise<CardInfo> {
  await page.mouse.move(1, 1);
  const rect = await locateText(page, text);
  await page.mouse.move(rect.x + rect.width / 2, rect.y + rect.height / 2, { steps: 2 });
  return waitCard(page, true, `the card to open on hover over "${text}"`);
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

/** The card has an opaque background and text with at least 4.5:1 contrast on it. */
export async function assertReadable(page: Page): Promise<void> {
  const colors = await run(page, cardColorsInPage);
  assert.ok(colors, 'the card has colours');
  assert.equal(colors.background[3], 255, 'the card has an opaque background');
  const ratio = contrastRatio(colors.text, colors.background);
  assert.ok(ratio >= 4.5, `card text contrast ${ratio.toFixed(2)} >= 4.5`);
}
