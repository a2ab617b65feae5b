import { describe, expect, test } from 'vitest';
import { CARD_GAP, VIEWPORT_MARGIN, placeCard, type Placement, type Rect, type Size } from './place-card';

const viewport: Size = { width: 1000, height: 800 };
const card: Size = { width: 360, height: 300 };
const box = (left: number, top: number, width = 200, height = 20): Rect => ({ left, top, right: left + width, bottom: top + height });

const cases: Array<{ name: string; target: Rect; card?: Size; viewport?: Size; dir?: 'ltr' | 'rtl'; expected: Placement }> = [
  { name: 'below, aligned with the start edge', target: box(100, 100), expected: { left: 100, top: 120 + CARD_GAP, side: 'below' } },
  { name: 'RTL aligns with the right edge', target: box(500, 100), dir: 'rtl', expected: { left: 700 - 360, top: 126, side: 'below' } },
  { name: 'flips above near the bottom', target: box(100, 600), expected: { left: 100, top: 600 - CARD_GAP - 300, side: 'above' } },
  { name: 'stays below when it just fits', target: box(100, 800 - 20 - CARD_GAP - 300 - VIEWPORT_MARGIN), expected: { left: 100, top: 800 - 300 - VIEWPORT_MARGIN, side: 'below' } },
  { name: 'clamps at the right edge', target: box(900, 100, 80), expected: { left: 1000 - 360 - VIEWPORT_MARGIN, top: 126, side: 'below' } },
  { name: 'clamps at the left edge (RTL)', target: box(10, 100, 100), dir: 'rtl', expected: { left: VIEWPORT_MARGIN, top: 126, side: 'below' } },
  { name: 'clamps a target scrolled partly above the viewport', target: box(100, -50), expected: { left: 100, top: VIEWPORT_MARGIN, side: 'below' } },
  {
    name: 'neither side fits: the roomier side, clamped inside',
    target: box(100, 500),
    card: { width: 360, height: 700 },
    expected: { left: 100, top: VIEWPORT_MARGIN, side: 'above' },
  },
  {
    name: 'card wider than a narrow viewport pins to the margin',
    target: box(50, 100, 100),
    viewport: { width: 320, height: 800 },
    expected: { left: VIEWPORT_MARGIN, top: 126, side: 'below' },
  },
];

describe('placeCard', () => {
  test.each(cases)('$name', ({ target, card: c = card, viewport: v = viewport, dir = 'ltr', expected }) => {
    expect(placeCard(target, c, v, dir)).toEqual(expected);
  });

  test('the card never leaves the viewport', () => {
    for (let top = -100; top <= 900; top += 37) {
      for (let left = -100; left <= 1100; left += 53) {
        for (const dir of ['ltr', 'rtl'] as const) {
          const p = placeCard(box(left, top), card, viewport, dir);
          expect(p.left).toBeGreaterThanOrEqual(VIEWPORT_MARGIN);
          expect(p.left + card.width).toBeLessThanOrEqual(viewport.width - VIEWPORT_MARGIN);
          expect(p.top).toBeGreaterThanOrEqual(VIEWPORT_MARGIN);
          expect(p.top + card.height).toBeLessThanOrEqual(viewport.height - VIEWPORT_MARGIN);
        }
      }
    }
  });
});
