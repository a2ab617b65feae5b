/**
 * Hover hit-testing whose cost per pointer move does not grow with the number of highlights: the event
 * target gives the block container, the scanner's index gives the few findings in that container, and the
 * caret position under the pointer says which (if any) holds the character under the pointer. One delegated
 * listener for the whole page, at most one test per animation frame.
 */
import type { FindingSpan, PageFinding } from './findings';
import { HOST_TAG, blockContainerOf, offsetOf, shadowRootsAbove } from './text-index';

export interface Hit {
  finding: PageFinding;
  span: FindingSpan;
}

interface Caret {
  node: Node;
  offset: number;
}

type CaretDocument = Document & {
  caretPositionFromPoint?: (x: number, y: number, options?: { shadowRoots: ShadowRoot[] }) => { offsetNode: Node; offset: number } | null;
  caretRangeFromPoint?: (x: number, y: number) => Range | null;
};

/** The caret position under a point; inside the given shadow roots when it falls in them. */
export function caretAt(document: Document, x: number, y: number, shadowRoots: ShadowRoot[] = []): Caret | null {
  const doc = document as CaretDocument;
  if (typeof doc.caretPositionFromPoint === 'function') {
    const position = shadowRoots.length > 0 ? doc.caretPositionFromPoint(x, y, { shadowRoots }) : doc.caretPositionFromPoint(x, y);
    return position ? { node: position.offsetNode, offset: position.offset } : null;
  }
  if (typeof doc.caretRangeFromPoint === 'function') {
    const range = doc.caretRangeFromPoint(x, y);
    return range ? { node: range.startContainer, offset: range.startOffset } : null;
  }
  return null;
}

/**
 * The character offset (in `node`) of the glyph under the point, next to the caret position, or -1 when the
 * point is not over a glyph (the caret snaps to the nearest text even over blank space).
 */
function glyphUnderPoint(node: Text, offset: number, x: number, y: number): number {
  const range = node.ownerDocument.createRange();
  for (const at of [offset - 1, offset]) {
    if (at < 0 || at >= node.length) continue;
    range.setStart(node, at);
    range.setEnd(node, at + 1);
    for (const rect of range.getClientRects()) {
      if (x >= rect.left - 1 && x <= rect.right + 1 && y >= rect.top - 1 && y <= rect.bottom + 1) return at;
    }
  }
  return -1;
}

/** Orders overlapping findings: the more specific (a known headline) wins over the card around it. */
function preference(finding: PageFinding): number {
  return finding.kind === 'fabricated-headline' ? 0 : 1;
}

/**
 * The element under the pointer, looking into open shadow roots (an event outside a shadow tree sees its
 * host). Only valid while the event is dispatched.
 */
export function pointerTarget(event: Event): EventTarget | null {
  const target = event.target;
  if (!(target instanceof Element) || target.shadowRoot === null || target.localName === HOST_TAG) return target;
  return event.composedPath()[0] ?? target;
}

/**
 * The finding under the point, `'host'` when the pointer is over our own card, or null.
 * `target` is the element under the pointer (`pointerTarget`); `findingsIn` the scanner's index by block
 * container.
 */
export function findingAtPoint(
  document: Document,
  x: number,
  y: number,
  target: EventTarget | null,
  findingsIn: (container: Element) => readonly PageFinding[] | undefined,
): Hit | 'host' | null {
  if (!(target instanceof Element)) return null;
  if (target.localName === HOST_TAG || target.closest(HOST_TAG) !== null) return 'host';
  const container = blockContainerOf(target);
  if (container === null) return null;
  // A shadow host under the pointer: the text there may be its shadow tree's top-level text (the host owns it).
  const own = target.shadowRoot !== null ? findingsIn(target) : undefined;
  const candidates = own === undefined ? findingsIn(container) : [...own, ...(findingsIn(container) ?? [])];
  if (candidates === undefined || candidates.length === 0) return null;
  const shadows = target.shadowRoot !== null ? [target.shadowRoot, ...shadowRootsAbove(target)] : shadowRootsAbove(target);
  const caret = caretAt(document, x, y, shadows);
  if (caret === null || caret.node.nodeType !== 3) return null;
  const text = caret.node as Text;
  let glyph: number | undefined;
  let best: Hit | null = null;
  for (const finding of candidates) {
    for (const span of finding.spans) {
      if (span.block.container !== container && span.block.container !== target) continue;
      const at = offsetOf(span.block, text, caret.offset);
      if (at < 0 || at < span.start || at > span.end) continue;
      glyph ??= glyphUnderPoint(text, caret.offset, x, y);
      if (glyph < 0) return null;
      const char = offsetOf(span.block, text, glyph);
      if (char < span.start || char >= span.end) continue;
      if (best === null || preference(finding) < preference(best.finding)) best = { finding, span };
    }
  }
  return best;
}

export interface HoverOptions {
  document: Document;
  signal: AbortSignal;
  findingsIn: (container: Element) => readonly PageFinding[] | undefined;
  /** Cheap check before any work: are there findings at all? */
  hasFindings: () => boolean;
  onEnter(hit: Hit): void;
  onLeave(): void;
}

/** One pointermove listener for the page; reports entering and leaving marked text. */
export function watchHover(options: HoverOptions): void {
  const { document, signal } = options;
  const view = document.defaultView;
  let pending: { x: number; y: number; target: EventTarget | null } | null = null;
  let frame = 0;
  let current: PageFinding | null = null;

  function leave(): void {
    if (current === null) return;
    current = null;
    options.onLeave();
  }

  function test(): void {
    frame = 0;
    const event = pending;
    pending = null;
    if (event === null || signal.aborted) return;
    try {
      if (!options.hasFindings()) {
        leave();
        return;
      }
      const hit = findingAtPoint(document, event.x, event.y, event.target, options.findingsIn);
      if (hit === 'host') return;
      if (hit === null) {
        leave();
        return;
      }
      if (hit.finding === current) return;
      current = hit.finding;
      options.onEnter(hit);
    } catch (error) {
      console.debug('[grok-context] hover failed', error);
    }
  }

  document.addEventListener(
    'pointermove',
    (event) => {
      if (event.pointerType === 'touch') return;
      pending = { x: event.clientX, y: event.clientY, target: pointerTarget(event) };
      if (frame === 0 && view !== null) frame = view.requestAnimationFrame(test);
    },
    { capture: true, passive: true, signal },
  );
  document.documentElement.addEventListener('pointerleave', () => leave(), { passive: true, signal });
  signal.addEventListener('abort', () => {
    if (frame !== 0) view?.cancelAnimationFrame(frame);
  }, { once: true });
}

