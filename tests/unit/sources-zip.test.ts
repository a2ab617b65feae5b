/**
 * The sources zip AMO asks for holds what rebuilds the extension and nothing else (no tests, build output,
 * dependencies or CI output). Checks the rule on made-up listings, and the real zip when `npm run zip:firefox`
 * has made one.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, test } from 'vitest';
import { SOURCES_REQUIRED, listZipEntries, strayEntries } from '../../scripts/zip-entries';

const pkg = JSON.parse(readFileSync('package.json', 'utf8')) as { name: string; version: string };
const zipPath = join(resolve(process.env.GC_OUT_DIR ?? '.output'), `${pkg.name}-${pkg.version}-sources.zip`);
const hasZip = existsSync(zipPath);
if (!hasZip) console.warn(`${zipPath} is missing: run \`npm run zip:firefox\`; skipping the sources zip listing check`);

describe('sources zip rule', () => {
  test('keeps the files that rebuild the extension', () => {
    expect(strayEntries(['src/core/matcher.ts', 'entrypoints/popup/index.html', 'public/icon/16.png', 'package.json', 'PRIVACY.md'])).toEqual([]);
  });
  test('flags tests, build output, dependencies and stray files', () => {
    const stray = [
      'src/core/matcher.test.ts',
      'tests/browser/fixtures/hostile/huge-text.html',
      'node_modules/zod/package.json',
      '.output/chrome-mv3/manifest.json',
      '.ci-out/test.log',
      'test-results/screens/card.png',
      'bench/run.ts',
    ];
    expect(strayEntries(stray)).toEqual(stray);
  });
});

describe.skipIf(!hasZip)('the built sources zip', () => {
  test('holds only what rebuilds the extension, and all of it', () => {
    const entries = listZipEntries(readFileSync(zipPath));
    expect(strayEntries(entries)).toEqual([]);
    for (const file of SOURCES_REQUIRED) expect(entries).toContain(file);
    expect(entries.some((e) => e.startsWith('entrypoints/'))).toBe(true);
    expect(entries.some((e) => e.startsWith('src/'))).toBe(true);
  });
});
