/**
 * The PNG icons the stores ask for (Chrome 16/32/48/128, Firefox 48/96) are rendered from the one SVG in the
 * repo: the committed PNGs must be what `npm run icons` renders now, or an edited SVG would ship stale icons.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { ICON_SIZES, renderIcon } from '../../scripts/make-icons';
import { builtManifest } from './built-output';

const svg = readFileSync('public/icon/icon.svg', 'utf8');

/** Width and height from a PNG's IHDR chunk. */
function pngSize(png: Buffer): [number, number] {
  return [png.readUInt32BE(16), png.readUInt32BE(20)];
}

describe('icons', () => {
  test.each(ICON_SIZES)('public/icon/%i.png is a fresh render of icon.svg (run `npm run icons`)', (size) => {
    const committed = readFileSync(`public/icon/${size}.png`);
    expect(pngSize(committed)).toEqual([size, size]);
    expect(committed.equals(renderIcon(svg, size)), `public/icon/${size}.png differs from a fresh render`).toBe(true);
  });

  test('every store size is rendered', () => {
    for (const size of [16, 32, 48, 96, 128]) expect(ICON_SIZES).toContain(size);
  });

  for (const target of ['chrome', 'firefox'] as const) {
    const manifest = builtManifest(target);
    test.skipIf(manifest === undefined)(`the built ${target} manifest lists every icon size`, () => {
      const icons = (manifest as { icons?: Record<string, string> }).icons ?? {};
      expect(icons).toEqual(Object.fromEntries(ICON_SIZES.map((size) => [String(size), `icon/${size}.png`])));
    });
  }
});
