/** The extension's pages in a colour scheme: every text readable on the scheme's background, and a screenshot. */
import assert from 'node:assert/strict';
import type { Page } from 'playwright-core';
import { assertTextColors, type Scheme } from './contrast';
import { textColorsInPage } from './in-page';
import { nextFrames, run, type Evaluates } from './page-probe';
import { screenPath } from './screens';

interface Shootable extends Evaluates {
  screenshot(options: { path: string }): Promise<unknown>;
}

/** `page`, shown in `scheme`: its texts readable and on that scheme's background; saved as `<screen>-<scheme>.png`. */
export async function checkScheme(page: Shootable, scheme: Scheme, what: string, screen: string): Promise<void> {
  await nextFrames(page);
  assertTextColors((await run(page, textColorsInPage, 'page')).texts, scheme, what);
  await page.screenshot({ path: screenPath(`${screen}-${scheme}`) });
}

/** Chromium: `checkScheme` in the light and then the dark scheme (emulated). */
export async function checkSchemes(page: Page, what: string, screen: string): Promise<void> {
  for (const scheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme: scheme });
    await checkScheme(page, scheme, what, screen);
  }
}

/**
 * Chromium: opens the options page and then the context page (`open`: the session's `openExtensionPage`), waits
 * for its heading, runs `body` on it, checks the page logged no error, and closes it.
 */
export async function onTextPages(
  open: (path: string) => Promise<{ page: Page; errors: string[] }>,
  body: (page: Page, name: 'options' | 'context') => Promise<void>,
): Promise<void> {
  for (const name of ['options', 'context'] as const) {
    const opened = await open(`${name}.html`);
    try {
      await opened.page.locator('h1').first().waitFor();
      await body(opened.page, name);
      assert.deepEqual(opened.errors, [], `no errors in the ${name} page`);
    } finally {
      await opened.page.close();
    }
  }
}
