/**
 * Chromium: text hidden by a style sheet is never a finding, and the check never makes the browser style a
 * long feed's off-screen content (content-visibility: auto) on our account: a finding there is checked once
 * the browser renders it.
 */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { withChromium } from './harness/chromium';
import { collapse, highlightedTexts, readHighlights, waitSettled } from './harness/page-probe';
import { TEST_TIMEOUT } from './harness/wait';

const chromium = withChromium();
const KLAY = 'Klay Thompson Accused in Bizarre Brick-Vandalism Spree';

describe('visibility in Chromium', TEST_TIMEOUT, () => {
  test('off-screen content-visibility cells: visible findings count, hidden ones go once rendered', async () => {
    const { page, errors } = await chromium.open('/content-visibility.html');
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
  });
});
