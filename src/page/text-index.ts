/**
 * Reads a page's visible text in blocks and maps block offsets back to DOM positions.
 *
 * A block is a run of inline text inside its nearest block-level element (its `container`), cut where a
 * block element starts or ends (the rules in ./text-rules.ts, shared with the scan command). Inline elements
 * add no characters, so a headline split across `<a>`, `<b>` and `<em>` reads as one string. Line breaks in
 * normal (non-`pre`) text are folded to spaces one for one, so every character of a block except a `<br>`'s
 * "\n" maps to the same offset in one Text node, and the core never sees a stray blank line (its block end)
 * inside a paragraph.
 *
 * Cost: one pass over the nodes, with no per-node computed-style lookups (style is checked later, only for the
 * few elements that hold a finding: see `isRendered`).
 */
import { BLOCK_ELEMENTS, PREFORMATTED_ELEMENTS, SKIPPED_ELEMENTS, hidesContent } from './text-rules';

/** Tag of our single host element in the page; never read, never observed. */
export const HOST_TAG = 'gc-root';

export interface TextBlock {
  /** The nearest block-level element holding this run of inline text. */
  readonly container: Element;
  /** The block's text (line breaks folded to spaces outside `pre`; `<br>` is "\n"). */
  readonly text: string;
  /** The Text nodes read, in document order. */
  readonly nodes: readonly Text[];
  /** `starts[i]` is the offset in `text` where `nodes[i]` begins (ascending). */
  readonly starts: readonly number[];
}

export interface DomPosition {
  node: Text;
  offset: number;
}

export interface ReadOptions {
  /**
   * Read only the root's own inline runs: nested block elements are passed over (their text belongs to
   * their own blocks, which did not change).
   */
  shallow?: boolean;
  /** Called for the root's block container and every block element the reader enters. */
  onBlockElement?: (element: Element) => void;
}

export function isBlockElement(element: Element): boolean {
  return BLOCK_ELEMENTS.has(element.localName);
}

/** Whether the reader passes over this element and its whole subtree. */
export function isSkippedElement(element: Element): boolean {
  const name = element.localName;
  if (SKIPPED_ELEMENTS.has(name) || name === HOST_TAG) return true;
  if (name === 'dialog') return !element.hasAttribute('open');
  // Every other rule needs an attribute: skip the lookups for bare elements.
  return element.hasAttributes() && hidesContent(name, (attribute) => element.getAttribute(attribute));
}

/** The nearest block-level element at or above `node` (the element that owns its text run). */
export function blockContainerOf(node: Node): Element | null {
  let element: Element | null = node.nodeType === 1 ? (node as Element) : node.parentElement;
  while (element !== null && !BLOCK_ELEMENTS.has(element.localName)) element = element.parentElement;
  // Text outside any block element (a detached inline subtree, or a document whose root is not <html>).
  return element ?? (node.nodeType === 1 ? (node as Element) : node.parentElement);
}

const LINE_BREAKS = /[\n\r\u2028\u2029]/;
const LINE_BREAKS_GLOBAL = /[\n\r\u2028\u2029]/g;
const NON_SPACE = /\S/;

/**
 * A resumable reader: `step(shouldYield)` reads until done (returns true) or until `shouldYield()` says the
 * time slice is over (checked every 128 nodes). Blocks read so far are taken with `takeBlocks()`.
 * If the node it stopped at leaves the document between two steps, `step` returns true with `interrupted`
 * set; the caller reads the root again.
 */
export class BlockReader implements TextReader {
  interrupted = false;
  private paused = false;
  private readonly root: Node;
  private readonly shallow: boolean;
  private readonly onBlockElement: ((element: Element) => void) | undefined;
  private node: Node | null;
  private readonly stack: Element[] = [];
  private container: Element;
  private preDepth = 0;
  private blocks: TextBlock[] = [];
  private parts: string[] = [];
  private nodes: Text[] = [];
  private starts: number[] = [];
  private length = 0;

  constructor(root: Element, options: ReadOptions = {}) {
    this.root = root;
    this.shallow = options.shallow === true;
    this.onBlockElement = options.onBlockElement;
    const container = blockContainerOf(root) ?? root;
    this.container = container;
    this.stack.push(container);
    this.onBlockElement?.(container);
    if (root.closest('pre, listing, xmp, plaintext')) this.preDepth = 1;
    this.node = root.firstChild;
  }

  takeBlocks(): TextBlock[] {
    const blocks = this.blocks;
    this.blocks = [];
    return blocks;
  }

  step(shouldYield: () => boolean): boolean {
    const root = this.root;
    let node = this.node;
    // Resuming after a yield: the page may have moved or removed the node we stopped at.
    if (this.paused && node !== null && !root.contains(node)) {
      this.interrupted = true;
      return this.finish();
    }
    let count = 0;
    while (node !== null) {
      if ((++count & 127) === 0 && shouldYield()) {
        this.node = node;
        this.paused = true;
        return false;
      }
      let descend = false;
      const type = node.nodeType;
      if (type === 3) {
        this.addText(node as Text);
      } else if (type === 1) {
        const element = node as Element;
        if (!isSkippedElement(element)) {
          const name = element.localName;
          if (name === 'br') {
            this.addBreak();
          } else if (BLOCK_ELEMENTS.has(name)) {
            this.flush();
            if (!this.shallow && element.firstChild !== null) {
              this.onBlockElement?.(element);
              this.stack.push(element);
              this.container = element;
              if (PREFORMATTED_ELEMENTS.has(name)) this.preDepth++;
              descend = true;
            } else if (!this.shallow) {
              this.onBlockElement?.(element);
            }
          } else {
            descend = element.firstChild !== null;
          }
        }
      }
      if (descend) {
        node = node.firstChild;
        continue;
      }
      // Climb to the next sibling, closing every block element we leave.
      while (node !== null && node !== root) {
        const next: Node | null = node.nextSibling;
        if (next !== null) {
          node = next;
          break;
        }
        node = node.parentNode;
        if (node !== null && node === this.container && this.stack.length > 1) {
          this.flush();
          this.stack.pop();
          if (PREFORMATTED_ELEMENTS.has((node as Element).localName)) this.preDepth--;
          this.container = this.stack[this.stack.length - 1] as Element;
        }
      }
      if (node === root) node = null;
    }
    return this.finish();
  }

  private finish(): true {
    this.flush();
    this.node = null;
    return true;
  }

  private addText(text: Text): void {
    let data = text.data;
    if (data.length === 0) return;
    if (this.preDepth === 0 && LINE_BREAKS.test(data)) data = data.replace(LINE_BREAKS_GLOBAL, ' ');
    this.parts.push(data);
    this.nodes.push(text);
    this.starts.push(this.length);
    this.length += data.length;
  }

  private addBreak(): void {
    if (this.nodes.length === 0) return;
    this.parts.push('\n');
    this.length += 1;
  }

  private flush(): void {
    if (this.nodes.length === 0) return;
    const text = this.parts.length === 1 ? (this.parts[0] as string) : this.parts.join('');
    if (NON_SPACE.test(text)) {
      this.blocks.push({ container: this.container, text, nodes: this.nodes, starts: this.starts });
    }
    this.parts = [];
    this.nodes = [];
    this.starts = [];
    this.length = 0;
  }
}

/** What a reader does: read in slices, hand over the blocks read so far. */
export interface TextReader {
  /** Set when the node the reader paused at left its root; the caller reads the root again. */
  readonly interrupted: boolean;
  step(shouldYield: () => boolean): boolean;
  takeBlocks(): TextBlock[];
}

/**
 * Elements whose attributes may hide their subtree (text-rules `hidesContent`), found with one native
 * query (a query listing every skipped tag name as well costs several times more). Skipped tags are
 * caught on the short path from a Text node up to its block instead: script, style, textarea, option and
 * the like are the Text node's own parent.
 */
const HIDING_ATTRIBUTES = '[hidden],[contenteditable],[style*="display" i],dialog';

/**
 * The reader for whole subtrees (the first scan, added posts). The browser's own TreeWalker finds the Text
 * nodes, as cheaply as merely reading the text. Skipped subtrees are found up front with one native query
 * and passed over when the walk reaches their first Text node (an identity check against the next one in
 * document order, no lookup per node); `<br>` and `<hr>` the same way. A Text node's block is its nearest
 * block-level ancestor (usually one or two steps up), remembered for its siblings.
 */
export class StreamReader implements TextReader {
  interrupted = false;
  private paused = false;
  private readonly root: Element;
  private readonly rootContainer: Element;
  private readonly rootPre: boolean;
  private readonly walker: TreeWalker;
  private readonly onBlockElement: ((element: Element) => void) | undefined;
  /** Skipped subtrees in document order, each with the first Text node inside it. */
  private readonly skips: Array<{ first: Node; element: Element }>;
  private skipIndex = 0;
  /** Text nodes right after a `<br>` ('line') or `<hr>` ('block'), in document order. */
  private readonly breaks: Array<{ first: Node; kind: 'line' | 'block' }>;
  private breakIndex = 0;
  private lastParent: Node | null = null;
  private lastContainer: Element | null;
  private container: Element | null = null;
  private pre = false;
  private blocks: TextBlock[] = [];
  private parts: string[] = [];
  private nodes: Text[] = [];
  private starts: number[] = [];
  private length = 0;

  constructor(root: Element, options: Omit<ReadOptions, 'shallow'> = {}) {
    this.root = root;
    this.onBlockElement = options.onBlockElement;
    this.rootContainer = isBlockElement(root) ? root : (blockContainerOf(root) ?? root);
    this.lastContainer = this.rootContainer;
    this.rootPre = root.closest('pre, listing, xmp, plaintext') !== null;
    this.walker = root.ownerDocument.createTreeWalker(root, 4 /* NodeFilter.SHOW_TEXT */);
    this.skips = [];
    this.breaks = [];
    this.skipAll = isSkippedElement(root);
    if (!this.skipAll) {
      this.findSkips();
      this.findBreaks();
    }
  }

  /** The root itself is skipped (hidden, editable...): nothing to read. */
  private readonly skipAll: boolean;

  private findSkips(): void {
    const probe = this.root.ownerDocument.createTreeWalker(this.root, 4 /* NodeFilter.SHOW_TEXT */);
    let last: Element | null = null;
    for (const element of this.root.querySelectorAll(HIDING_ATTRIBUTES)) {
      if (last !== null && last.contains(element)) continue;
      if (!isSkippedElement(element)) continue;
      probe.currentNode = element;
      const first = probe.nextNode();
      last = element;
      if (first !== null && element.contains(first)) this.skips.push({ first, element });
    }
  }

  private findBreaks(): void {
    const lines = this.root.getElementsByTagName('br');
    const rules = this.root.getElementsByTagName('hr');
    if (lines.length === 0 && rules.length === 0) return;
    const probe = this.root.ownerDocument.createTreeWalker(this.root, 4 /* NodeFilter.SHOW_TEXT */);
    const collect = (elements: HTMLCollectionOf<Element>, kind: 'line' | 'block'): Array<{ first: Node; kind: 'line' | 'block'; at: Element }> => {
      const out: Array<{ first: Node; kind: 'line' | 'block'; at: Element }> = [];
      for (const element of elements) {
        probe.currentNode = element;
        const first = probe.nextNode();
        if (first !== null) out.push({ first, kind, at: element });
      }
      return out;
    };
    const merged = [...collect(lines, 'line'), ...collect(rules, 'block')];
    if (rules.length > 0 && lines.length > 0) {
      merged.sort((a, b) => (a.at === b.at ? 0 : a.at.compareDocumentPosition(b.at) & 4 /* FOLLOWING */ ? -1 : 1));
    }
    for (const entry of merged) this.breaks.push({ first: entry.first, kind: entry.kind });
  }

  takeBlocks(): TextBlock[] {
    const blocks = this.blocks;
    this.blocks = [];
    return blocks;
  }

  step(shouldYield: () => boolean): boolean {
    if (this.skipAll) return true;
    const walker = this.walker;
    if (this.paused && !this.root.contains(walker.currentNode)) {
      this.interrupted = true;
      this.flush();
      return true;
    }
    const root = this.root;
    let count = 0;
    let nextSkip = this.skips[this.skipIndex]?.first ?? null;
    let nextBreak = this.breaks[this.breakIndex]?.first ?? null;
    for (let node = walker.nextNode(); node !== null; node = walker.nextNode()) {
      if (node === nextSkip) {
        // Jump to the skipped element's last Text node; the walk goes on after it.
        const { element } = this.skips[this.skipIndex] as { element: Element };
        this.skipIndex++;
        nextSkip = this.skips[this.skipIndex]?.first ?? null;
        this.flush();
        this.container = null;
        while (nextBreak !== null && element.contains(nextBreak)) nextBreak = this.breaks[++this.breakIndex]?.first ?? null;
        let last: Node = element;
        while (last.lastChild !== null) last = last.lastChild;
        walker.currentNode = last;
        continue;
      }
      const text = node as Text;
      const parent = text.parentNode as Node;
      let container: Element | null;
      if (parent === this.lastParent) {
        container = this.lastContainer;
      } else {
        container = this.containerOf(parent as Element);
        this.lastParent = parent;
        this.lastContainer = container;
      }
      if (container === null) {
        this.flush();
        this.container = null;
        continue;
      }
      if (container !== this.container) {
        this.flush();
        this.container = container;
        this.pre = this.rootPre || PREFORMATTED_ELEMENTS.has(container.localName);
        this.onBlockElement?.(container);
      }
      while (node === nextBreak) {
        const kind = (this.breaks[this.breakIndex] as { kind: 'line' | 'block' }).kind;
        this.breakIndex++;
        nextBreak = this.breaks[this.breakIndex]?.first ?? null;
        if (kind === 'block') this.flush();
        else if (this.nodes.length > 0) {
          this.parts.push('\n');
          this.length += 1;
        }
      }
      let data = text.data;
      if (data.length > 0) {
        if (!this.pre && LINE_BREAKS.test(data)) data = data.replace(LINE_BREAKS_GLOBAL, ' ');
        this.parts.push(data);
        this.nodes.push(text);
        this.starts.push(this.length);
        this.length += data.length;
      }
      if ((++count & 255) === 0 && shouldYield()) {
        this.paused = true;
        return false;
      }
    }
    this.flush();
    return true;
  }

  /** The block owning text under `parent`, or null when a skipped element (script, textarea...) is on the way. */
  private containerOf(parent: Element): Element | null {
    const root = this.root;
    for (let element: Element | null = parent; element !== null && element !== root; element = element.parentElement) {
      const name = element.localName;
      if (SKIPPED_ELEMENTS.has(name) || name === HOST_TAG) return null;
      if (BLOCK_ELEMENTS.has(name)) return element;
    }
    return this.rootContainer;
  }

  private flush(): void {
    if (this.nodes.length === 0) return;
    const text = this.parts.length === 1 ? (this.parts[0] as string) : this.parts.join('');
    if (NON_SPACE.test(text) && this.container !== null) {
      this.blocks.push({ container: this.container, text, nodes: this.nodes, starts: this.starts });
    }
    this.parts = [];
    this.nodes = [];
    this.starts = [];
    this.length = 0;
  }
}

/** A reader for `root`: the stream reader for whole subtrees, the element walk for shallow re-reads. */
export function createReader(root: Element, options: ReadOptions = {}): TextReader {
  return options.shallow === true ? new BlockReader(root, options) : new StreamReader(root, options);
}

/** Reads every block under `root` at once (for small subtrees: a story card, a test). */
export function readBlocks(root: Element, options: ReadOptions = {}): TextBlock[] {
  const reader = createReader(root, options);
  reader.step(() => false);
  return reader.takeBlocks();
}

/** Index of the node holding `offset`: the last node starting at or before it (binary search). */
function nodeIndexAt(block: TextBlock, offset: number): number {
  const starts = block.starts;
  let low = 0;
  let high = starts.length - 1;
  while (low < high) {
    const middle = (low + high + 1) >> 1;
    if ((starts[middle] as number) <= offset) low = middle;
    else high = middle - 1;
  }
  return low;
}

/**
 * The DOM position of a block offset. `affinity` decides offsets on a node boundary or inside a `<br>`'s
 * "\n": 'forward' (a range start) lands at the start of the next node, 'backward' (a range end) at the end
 * of the previous one, so ranges never include neighbouring nodes they do not cover.
 */
export function positionAt(block: TextBlock, offset: number, affinity: 'forward' | 'backward'): DomPosition {
  let index = nodeIndexAt(block, offset);
  let node = block.nodes[index] as Text;
  let inNode = offset - (block.starts[index] as number);
  if (affinity === 'backward' && inNode === 0 && index > 0) {
    index--;
    node = block.nodes[index] as Text;
    inNode = node.length;
  }
  if (inNode >= node.length && affinity === 'forward' && index + 1 < block.nodes.length) {
    return { node: block.nodes[index + 1] as Text, offset: 0 };
  }
  return { node, offset: Math.max(0, Math.min(inNode, node.length)) };
}

/** The block offset of a DOM position inside the block, or -1 when the node is not one of the block's. */
export function offsetOf(block: TextBlock, node: Node, offset: number): number {
  const index = block.nodes.indexOf(node as Text);
  return index < 0 ? -1 : (block.starts[index] as number) + offset;
}

/** Narrows [start, end) to exclude leading and trailing whitespace. */
export function trimSpan(text: string, start: number, end: number): [number, number] {
  while (start < end && /\s/.test(text.charAt(start))) start++;
  while (end > start && /\s/.test(text.charAt(end - 1))) end--;
  return [start, end];
}

/**
 * A static range over [start, end) of a block. StaticRange does not track DOM changes, so the page pays
 * nothing per mutation for our highlights; we rebuild ranges when their block is re-read.
 */
export function rangeFor(block: TextBlock, start: number, end: number): AbstractRange {
  const from = positionAt(block, start, 'forward');
  const to = positionAt(block, Math.max(start, end), 'backward');
  const init = { startContainer: from.node, startOffset: from.offset, endContainer: to.node, endOffset: to.offset };
  if (typeof StaticRange === 'function') {
    try {
      return new StaticRange(init);
    } catch {
      // Fall through: a position we computed was out of bounds for its node (the node changed meanwhile).
    }
  }
  const range = from.node.ownerDocument.createRange();
  range.setStart(from.node, from.offset);
  range.setEnd(to.node, to.offset);
  return range;
}

/** A live Range with the same boundaries (for measuring and placing the card). */
export function liveRange(range: AbstractRange): Range {
  const live = range.startContainer.ownerDocument?.createRange() ?? document.createRange();
  live.setStart(range.startContainer, range.startOffset);
  live.setEnd(range.endContainer, range.endOffset);
  return live;
}

/** Collapses runs of whitespace for display and keys ("Iran  Strikes\nTel Aviv" → "Iran Strikes Tel Aviv"). */
export function displayText(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

/**
 * Whether a Text node is rendered (not inside `display: none`, `visibility: hidden`, `content-visibility:
 * hidden` or a closed `<details>`). Asked only for the elements holding a finding, so the cost of computed
 * style is paid per finding, not per node of the page.
 */
export function isRendered(node: Node): boolean {
  const element = node.nodeType === 1 ? (node as Element) : node.parentElement;
  if (element === null || !element.isConnected) return false;
  if (typeof element.checkVisibility === 'function') {
    return element.checkVisibility({ visibilityProperty: true, checkVisibilityCSS: true });
  }
  const view = element.ownerDocument.defaultView;
  if (view === null) return true;
  for (let current: Element | null = element; current !== null; current = current.parentElement) {
    const style = view.getComputedStyle(current);
    if (style.display === 'none') return false;
    if (current === element && style.visibility === 'hidden') return false;
  }
  return true;
}
