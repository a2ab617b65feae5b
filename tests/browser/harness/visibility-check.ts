/**
 * One check for both browsers: findings in a long feed's off-screen `content-visibility: auto` cells
 * (fixtures/content-visibility.html) count when visible, text a style sheet hides is never a finding, and a
 * hidden one off screen goes once the browser renders its cell.
 */
import assert from 'node:assert/strict';
import { collapse, highlightedTexts, readHighlights, waitSettled, type Evaluates } from './page-probe';

const KLAY = 'Klay Thompson Accused in Bizarre Brick-Vandalism Spree';

export async function assertContentVisibility(session: {
  open(path: string): Promise<{ page: Evaluates & { close(): Promise<void> }; errors: string[] }>;
}): Promise<void> {
  const { page, errors } = await session.open('/content-visibility.html');
  try {
    await waitSettled(page);
    const first = highlightedTexts(await readHighlights(page)).map(collapse);
    assert.ok(first.some((text) => text.includes(KLAY)), `the off-screen visible headline is marked: ${JSON.stringify(first)}`);
    assert.ok(!first.some((text) => text.includes('Experts Baffled')), 'text hidden on screen is never marked');

    // The reader scrolls down: the browser renders the cell with the hidden headline.
    await page.evaluate("document.getElementById('cell-350').scrollIntoView({ block: 'center' })");
    const state = await waitSettled(page, 1);
    assert.equal(state.findings, 1, 'only the visible headline is left');
    const after = highlightedTexts(await readHighlights(page)).map(collapse);
    assert.ok(after.some((text) => text.includes(KLAY)));
    assert.ok(!after.some((text) => text.includes('Heavy Missiles')), 'the hidden headline is not marked once rendered');
    assert.deepEqual(errors, []);
  } finally {
    await page.close();
  }
}
