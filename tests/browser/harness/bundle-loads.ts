/**
 * Which pages load one of the extension's bundles (the card's, the matcher's): the content script imports them
 * from the extension's own address, so the page's own resource list does not show them; the browser's request
 * events do. Chromium reports a load at a bundle's per-session address as two requests (that address and the
 * one it stands for): compare the set of pages.
 */
import type { Request } from 'playwright-core';
import type { ChromiumSession } from './chromium';

/** Runs `use` with the list of the page addresses that load the bundle at `path` (e.g. "/card-ui.js") meanwhile. */
export async function withBundleLoads<T>(chromium: ChromiumSession, path: string, use: (loads: readonly string[]) => Promise<T>): Promise<T> {
  const loads: string[] = [];
  const record = (request: Request): void => {
    if (new URL(request.url()).pathname === path) loads.push(request.frame().url());
  };
  chromium.context.on('request', record);
  try {
    return await use(loads);
  } finally {
    chromium.context.off('request', record);
  }
}
