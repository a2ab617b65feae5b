/** Where the card goes: a pure function of the target's box, the card's size and the viewport (all in CSS px). */

export interface Rect {
  left: number;
  top: number;
  right: number;
  bottom: number;
}

export interface Size {
  width: number;
  height: number;
}

export interface Placement {
  left: number;
  top: number;
  side: 'below' | 'above';
}

/** Space between the target and the card. */
export const CARD_GAP = 6;
/** Space kept between the card and the viewport's edges. */
export const VIEWPORT_MARGIN = 8;

function clamp(value: number, min: number, max: number): number {
  // When the card is larger than the room, pin it to the start edge so its top/start stays readable.
  return Math.max(min, Math.min(value, max));
}

/**
 * Below the target, aligned with its start edge (left in LTR, right in RTL); above it when there is not
 * enough room below and more room above; always clamped inside the viewport with a margin.
 */
export function placeCard(target: Rect, card: Size, viewport: Size, dir: 'ltr' | 'rtl'): Placement {
  const roomBelow = viewport.height - target.bottom - CARD_GAP - VIEWPORT_MARGIN;
  const roomAbove = target.top - CARD_GAP - VIEWPORT_MARGIN;
  const side = card.height <= roomBelow || roomBelow >= roomAbove ? 'below' : 'above';
  const wantedTop = side === 'below' ? target.bottom + CARD_GAP : target.top - CARD_GAP - card.height;
  const wantedLeft = dir === 'rtl' ? target.right - card.width : target.left;
  return {
    left: Math.round(clamp(wantedLeft, VIEWPORT_MARGIN, viewport.width - VIEWPORT_MARGIN - card.width)),
    top: Math.round(clamp(wantedTop, VIEWPORT_MARGIN, viewport.height - VIEWPORT_MARGIN - card.height)),
    side,
  };
}
