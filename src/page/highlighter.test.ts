// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { createHighlighter, type HighlightLike, type HighlightRegistryLike } from './highlighter';
import { findingAtPoint } from './hit-test';
import type { PageFinding } from './findings';
import { readBlocks } from './stream-reader';
import { rangeFor } from './text-index';

class FakeHighlight implements HighlightLike {
  readonly ranges = new Set<AbstractRange>();
  priority = 0;
  add(range: AbstractRange): this {
    this.ranges.add(range);
    return this;
  }
  delete(range: AbstractRange): boolean {
    return this.ranges.delete(range);
  }
  clear(): void {
    this.ranges.clear();
  }
}

function fakeRegistry(): HighlightRegistryLike & { names(): string[]; map: Map<string, HighlightLike> } {
  const map = new Map<string, HighlightLike>();
  return {
    map,
    names: () => [...map.keys()].sort(),
    set: (name, highlight) => map.set(name, highlight),
    delete: (name) => map.delete(name),
    get: (name) => map.get(name),
  };
}

function findingOver(html: string, phrase: string, kind: PageFinding['kind'] = 'fabricated-headline'): PageFinding {
  document.body.innerHTML = html;
  const [block] = readBlocks(document.body);
  if (!block) throw new Error('no block');
  const start = block.text.indexOf(phrase);
  const end = start + phrase.length;
  return {
    id: 'f1',
    kind,
    rule: 'claim',
    text: phrase,
    why: { rule: 'claim', variant: phrase, score: 1, lang: 'en' },
    spans: [{ block, start, end, range: rangeFor(block, start, end) }],
  };
}

describe('highlighter', () => {
  it('registers one gc- highlight per kind for the chosen style and moves them when the style changes', () => {
    const registry = fakeRegistry();
    const controller = new AbortController();
    const highlighter = createHighlighter({ signal: controller.signal, style: 'underline', registry, createHighlight: () => new FakeHighlight() });
    expect(registry.names()).toEqual(['gc-active', 'gc-fabricated-headline-underline', 'gc-grok-summary-underline']);

    const finding = findingOver('<p>Read: Iran Strikes Tel Aviv with Heavy Missiles</p>', 'Iran Strikes Tel Aviv with Heavy Missiles');
    highlighter.update({ added: [finding], removed: [] });
    const headline = registry.get('gc-fabricated-headline-underline') as FakeHighlight;
    expect(headline.ranges.size).toBe(1);

    highlighter.setStyle('background');
    expect(registry.names()).toEqual(['gc-active', 'gc-fabricated-headline-background', 'gc-grok-summary-background']);
    expect((registry.get('gc-fabricated-headline-background') as FakeHighlight).ranges.size).toBe(1);

    highlighter.setStyle('off');
    expect(registry.names()).toEqual([]);

    highlighter.setStyle('underline');
    highlighter.update({ added: [], removed: [finding] });
    expect(headline.ranges.size).toBe(0);

    controller.abort();
    expect(registry.names()).toEqual([]);
  });

  it('does nothing (and does not throw) where the browser has no highlight API', () => {
    const highlighter = createHighlighter({ signal: new AbortController().signal, style: 'underline' });
    expect(highlighter.painting).toBe(typeof (globalThis as { Highlight?: unknown }).Highlight === 'function');
    expect(() => highlighter.update({ added: [], removed: [] })).not.toThrow();
  });
});

describe('hit-test', () => {
  it('finds the finding under the caret from the event target, and nothing over other text', () => {
    const finding = findingOver('<p id="p">Read: <b>Iran Strikes</b> Tel Aviv with Heavy Missiles. Other words.</p>', 'Iran Strikes Tel Aviv with Heavy Missiles');
    const paragraph = document.getElementById('p') as HTMLElement;
    const strong = paragraph.querySelector('b') as HTMLElement;
    const index = (container: Element): readonly PageFinding[] | undefined => (container === paragraph ? [finding] : undefined);
    const textInB = strong.firstChild as Text;
    const other = paragraph.lastChild as Text;
    // happy-dom has no layout: stand in the caret and glyph boxes.
    const doc = document as unknown as { caretPositionFromPoint?: (x: number, y: number) => unknown };
    let caret: { offsetNode: Node; offset: number } = { offsetNode: textInB, offset: 2 };
    doc.caretPositionFromPoint = () => caret;
    const rects = Range.prototype.getClientRects;
    Range.prototype.getClientRects = function (): DOMRectList {
      return [{ left: 0, right: 10, top: 0, bottom: 10 }] as unknown as DOMRectList;
    };
    try {
      const hit = findingAtPoint(document, 5, 5, strong, index);
      expect(hit !== null && hit !== 'host' ? hit.finding.id : hit).toBe('f1');
      caret = { offsetNode: other, offset: other.data.indexOf('Other') + 2 };
      expect(findingAtPoint(document, 5, 5, paragraph, index)).toBeNull();
      // Over blank space the caret snaps to text, but no glyph box holds the point.
      caret = { offsetNode: textInB, offset: 2 };
      expect(findingAtPoint(document, 50, 50, strong, index)).toBeNull();
      // An element with no findings is answered without asking for the caret.
      doc.caretPositionFromPoint = () => {
        throw new Error('caret asked');
      };
      document.body.insertAdjacentHTML('beforeend', '<div id="other">x</div>');
      expect(findingAtPoint(document, 5, 5, document.getElementById('other'), index)).toBeNull();
    } finally {
      Range.prototype.getClientRects = rects;
      delete doc.caretPositionFromPoint;
    }
  });

  it('answers "host" over our own card', () => {
    document.body.innerHTML = '<gc-root></gc-root>';
    expect(findingAtPoint(document, 0, 0, document.querySelector('gc-root'), () => undefined)).toBe('host');
  });
});
