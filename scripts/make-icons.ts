/**
 * Renders public/icon/icon.svg to the PNG sizes the stores ask for (Chrome 16/32/48/128, Firefox 48/96).
 * Run `npm run icons` after editing the SVG; a unit test checks the PNGs are up to date.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { Resvg } from '@resvg/resvg-js';

export const ICON_SIZES = [16, 32, 48, 96, 128] as const;

export function renderIcon(svg: string, size: number): Buffer {
  return new Resvg(svg, { fitTo: { mode: 'width', value: size } }).render().asPng();
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const svg = readFileSync('public/icon/icon.svg', 'utf8');
  for (const size of ICON_SIZES) writeFileSync(`public/icon/${size}.png`, renderIcon(svg, size));
  console.log(`wrote public/icon/{${ICON_SIZES.join(',')}}.png`);
}
