/**
 * Paints findings with the CSS Custom Highlight API: static ranges added to a few named highlights, so the
 * page's nodes, attributes and text never change. Names carry our `gc-` prefix, one per finding kind and
 * highlight style (`gc-fabricated-headline-underline`, `gc-grok-summary-background`, ...), plus
 * `gc-active` for the finding whose card is open. Their `::highlight()` rules ship in the content script's
 * manifest CSS (entrypoints/content/highlights.css): no `<style>` goes into the page, and a strict page CSP
 * cannot block them.
 *
 * Where `CSS.highlights` is missing nothing is painted; findings are still reported and hovering them still
 * opens the card (hit-testing works on offsets, not on painted marks).
 */
import type { FindingKind } from '../core/types';
import type { FindingsChange, PageFinding } from './findings';

export type HighlightStyle = 'underline' | 'background' | 'off';

export const HIGHLIGHT_PREFIX = 'gc-';
export const ACTIVE_HIGHLIGHT = 'gc-active';
const KINDS: readonly FindingKind[] = ['fabricated-headline', 'grok-summary'];
const STYLES: ReadonlyArray<Exclude<HighlightStyle, 'off'>> = ['underline', 'background'];
/** A known fabricated headline paints over the story card that contains it. */
const PRIORITY: Record<FindingKind, number> = { 'fabricated-headline': 2, 'grok-summary': 1 };

/** The parts of the Highlight API we use (injectable for tests). */
export interface HighlightLike {
  add(range: AbstractRange): unknown;
  delete(range: AbstractRange): boolean;
  clear(): void;
  priority: number;
}
export interface HighlightRegistryLike {
  set(name: string, highlight: HighlightLike): unknown;
  delete(name: string): boolean;
  get(name: string): HighlightLike | undefined;
}

export interface HighlighterOptions {
  signal: AbortSignal;
  style: HighlightStyle;
  /** Defaults to `CSS.highlights` / `Highlight` where the browser has them. */
  registry?: HighlightRegistryLike;
  createHighlight?: () => HighlightLike;
}

export interface Highlighter {
  /** False where the browser has no CSS Custom Highlight API (findings are then not painted). */
  readonly painting: boolean;
  update(change: FindingsChange): void;
  setStyle(style: HighlightStyle): void;
  /** Emphasises one finding (its card is open), or none. */
  setActive(finding: PageFinding | null): void;
}

export function highlightName(kind: FindingKind, style: Exclude<HighlightStyle, 'off'>): string {
  return `${HIGHLIGHT_PREFIX}${kind}-${style}`;
}

function browserRegistry(): { registry: HighlightRegistryLike; create: () => HighlightLike } | null {
  const css = (globalThis as { CSS?: { highlights?: HighlightRegistryLike } }).CSS;
  const Ctor = (globalThis as { Highlight?: new () => HighlightLike }).Highlight;
  if (css?.highlights === undefined || typeof Ctor !== 'function') return null;
  return { registry: css.highlights, create: () => new Ctor() };
}

export function createHighlighter(options: HighlighterOptions): Highlighter {
  const native = options.registry !== undefined && options.createHighlight !== undefined
    ? { registry: options.registry, create: options.createHighlight }
    : browserRegistry();
  let style = options.style;
  let activeFinding: PageFinding | null = null;

  if (native === null) {
    return {
      painting: false,
      update: () => undefined,
      setStyle: (next) => {
        style = next;
      },
      setActive: () => undefined,
    };
  }
  const { registry } = native;
  const highlights = new Map<FindingKind, HighlightLike>();
  for (const kind of KINDS) {
    const highlight = native.create();
    highlight.priority = PRIORITY[kind];
    highlights.set(kind, highlight);
  }
  const active = native.create();
  active.priority = 3;

  function unregister(): void {
    for (const kind of KINDS) for (const each of STYLES) {
      const name = highlightName(kind, each);
      // Only remove what is ours: another copy of the extension (an update) registers its own objects.
      if (registry.get(name) === highlights.get(kind)) registry.delete(name);
    }
    if (registry.get(ACTIVE_HIGHLIGHT) === active) registry.delete(ACTIVE_HIGHLIGHT);
  }

  function register(): void {
    unregister();
    const painted = style;
    if (painted === 'off') return;
    for (const kind of KINDS) registry.set(highlightName(kind, painted), highlights.get(kind) as HighlightLike);
    registry.set(ACTIVE_HIGHLIGHT, active);
  }

  function paintActive(): void {
    active.clear();
    if (activeFinding !== null) for (const span of activeFinding.spans) active.add(span.range);
  }

  register();
  options.signal.addEventListener(
    'abort',
    () => {
      unregister();
      for (const highlight of highlights.values()) highlight.clear();
      active.clear();
    },
    { once: true },
  );

  return {
    painting: true,
    update({ added, removed }): void {
      if (options.signal.aborted) return;
      for (const finding of removed) {
        const highlight = highlights.get(finding.kind);
        for (const span of finding.spans) highlight?.delete(span.range);
        if (activeFinding?.id === finding.id) {
          activeFinding = null;
          paintActive();
        }
      }
      for (const finding of added) {
        const highlight = highlights.get(finding.kind);
        for (const span of finding.spans) highlight?.add(span.range);
      }
    },
    setStyle(next): void {
      if (next === style || options.signal.aborted) return;
      style = next;
      register();
    },
    setActive(finding): void {
      if (options.signal.aborted || finding === activeFinding) return;
      activeFinding = finding;
      paintActive();
    },
  };
}
