/**
 * The built extensions the packaging tests read: `.output/chrome-mv3` and `.output/firefox-mv2` (what
 * `npm run build` makes), or GC_EXT_CHROME / GC_EXT_FIREFOX like the browser tests. A missing build makes
 * those tests skip with a message instead of failing.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

export type Target = 'chrome' | 'firefox';

export function builtDir(target: Target): string {
  return target === 'chrome'
    ? resolve(process.env.GC_EXT_CHROME ?? '.output/chrome-mv3')
    : resolve(process.env.GC_EXT_FIREFOX ?? '.output/firefox-mv2');
}

const warned = new Set<Target>();

/** The built manifest, or undefined (with one message) when that build is missing. */
export function builtManifest(target: Target): Record<string, unknown> | undefined {
  const file = join(builtDir(target), 'manifest.json');
  if (!existsSync(file)) {
    if (!warned.has(target)) console.warn(`${file} is missing: run \`npm run build\`; skipping the built ${target} manifest checks`);
    warned.add(target);
    return undefined;
  }
  return JSON.parse(readFileSync(file, 'utf8')) as Record<string, unknown>;
}
