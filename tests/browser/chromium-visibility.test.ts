/**
 * Chromium: text hidden by a style sheet is never a finding, and the check never makes the browser style a
 * long feed's off-screen content (content-visibility: auto) on our account: a finding there is checked once
 * the browser renders it. (Firefox: firefox.test.ts runs the same check.)
 */
import { test } from 'node:test';
import { withChromium } from './harness/chromium';
import { assertContentVisibility } from './harness/visibility-check';
import { TEST_TIMEOUT } from './harness/wait';

const chromium = withChromium();

test('off-screen content-visibility cells: visible findings count, hidden ones go once rendered', TEST_TIMEOUT, () =>
  assertContentVisibility(chromium),
);
