/**
 * The stream reader: every block of a whole subtree, in one pass (./text-index.ts has the readers the content
 * script starts with: the sparse reader, which enters only the blocks the matcher's candidate filter lets
 * through, and the block reader of a changed container's own text). A matcher without a candidate filter
 * matches all text, so every page has text to match and loads the matcher's bundle, this reader with it; story
 * cards (./story-cards.ts) read their few blocks with it too.
 */
import { BLOCK_ELEMENTS, PREFORMATTED_ELEMENTS, SKIPPED_ELEMENTS, hidesContent } from './text-rules';
import {
  BlockReader,
  HOST_TAG,
  LINE_BREAKS,
  LINE_BREAKS_GLOBAL,
  NON_SPACE,
  WalkingReader,
  containerOfRoot,
  isSkippedElement,
  preformattedRoot,
  readAtOnce,
  rootElement,
  type ReadOptions,
  type ReadRoot,
  type TextBlock,
  type TextReader,
} from './text-index';

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
export class StreamReader extends WalkingReader implements TextReader {
  private readonly root: ReadRoot;
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
  /** The block being read: its text so far, and where its nodes begin in the pool. */
  private text = '';
  private from = 0;
  /** Offsets of `<br>` line breaks in the block's text (kept when other line breaks are folded). */
  private lineBreaks: number[] | null = null;
  /** Every Text node read and its offset in its block, for all blocks of this pass (see PooledBlock). */
  private readonly pool: NodePool = { nodes: [], starts: [] };

  constructor(root: ReadRoot, options: Omit<ReadOptions, 'shallow'> = {}) {
    super();
    this.root = root;
    this.onBlockElement = options.onBlockElement;
    this.rootContainer = containerOfRoot(root);
    this.lastContainer = this.rootContainer;
    this.rootPre = preformattedRoot(root);
    this.walker = root.ownerDocument.createTreeWalker(root, 4 /* NodeFilter.SHOW_TEXT */);
    this.skips = [];
    this.breaks = [];
    this.skipAll = isSkippedElement(rootElement(root));
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
    const lines = this.root.querySelectorAll('br');
    const rules = this.root.querySelectorAll('hr');
    if (lines.length === 0 && rules.length === 0) return;
    const probe = this.root.ownerDocument.createTreeWalker(this.root, 4 /* NodeFilter.SHOW_TEXT */);
    const collect = (elements: NodeListOf<Element>, kind: 'line' | 'block'): Array<{ first: Node; kind: 'line' | 'block'; at: Element }> => {
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
        else if (this.pool.nodes.length > this.from) {
          (this.lineBreaks ??= []).push(this.text.length);
          this.text += '\n';
        }
      }
      const data = text.data;
      if (data.length > 0) {
        // Line breaks are folded once per block, in flush (one for one: offsets stay as read).
        this.pool.nodes.push(text);
        this.pool.starts.push(this.text.length);
        this.text += data;
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
    // Up to the root, or to the top of a shadow tree (where parentElement ends).
    for (let element: Element | null = parent; element !== null && element !== root; element = element.parentElement) {
      const name = element.localName;
      if (SKIPPED_ELEMENTS.has(name) || name === HOST_TAG) return null;
      if (BLOCK_ELEMENTS.has(name)) return element;
    }
    return this.rootContainer;
  }

  private flush(): void {
    const pool = this.pool;
    const to = pool.nodes.length;
    if (to === this.from) return;
    let text = this.text;
    if (NON_SPACE.test(text) && this.container !== null) {
      if (!this.pre && LINE_BREAKS.test(text)) text = foldLineBreaks(text, this.lineBreaks);
      this.blocks.push(new PooledBlock(this.container, text, pool, this.from, to, this.run, this.seq++));
    } else {
      // Nothing to match: give the pool its slots back.
      pool.nodes.length = this.from;
      pool.starts.length = this.from;
    }
    this.from = pool.nodes.length;
    this.text = '';
    this.lineBreaks = null;
  }
}

/** Text nodes and their block offsets, shared by all blocks of one reading pass (no arrays per block). */
interface NodePool {
  nodes: Text[];
  starts: number[];
}

/**
 * A block whose nodes live in its reading pass's shared pool. Most blocks are matched and dropped; the few
 * that hold a finding copy their nodes out on first use, so a kept block never holds the whole pass's pool.
 */
class PooledBlock implements TextBlock {
  private pool: NodePool | null;
  private ownNodes: Text[] | null = null;
  private ownStarts: number[] | null = null;

  constructor(
    readonly container: Element,
    readonly text: string,
    pool: NodePool,
    private readonly from: number,
    private readonly to: number,
    readonly run: object,
    readonly seq: number,
  ) {
    this.pool = pool;
  }

  get nodes(): readonly Text[] {
    if (this.ownNodes === null) this.detach();
    return this.ownNodes as Text[];
  }

  get starts(): readonly number[] {
    if (this.ownStarts === null) this.detach();
    return this.ownStarts as number[];
  }

  private detach(): void {
    const pool = this.pool as NodePool;
    this.ownNodes = pool.nodes.slice(this.from, this.to);
    this.ownStarts = pool.starts.slice(this.from, this.to);
    this.pool = null;
  }
}

/** Folds line breaks to spaces one for one, keeping the "\n" of each `<br>` (at `keep` offsets). */
function foldLineBreaks(text: string, keep: readonly number[] | null): string {
  const folded = text.replace(LINE_BREAKS_GLOBAL, ' ');
  if (keep === null) return folded;
  let out = '';
  let at = 0;
  for (const offset of keep) {
    out += folded.slice(at, offset) + '\n';
    at = offset + 1;
  }
  return out + folded.slice(at);
}

/**
 * Reads every block under `root` at once (for small subtrees: a story card, a test); `shallow`: only the root's
 * own inline runs (./text-index.ts `BlockReader`).
 */
export function readBlocks(root: ReadRoot, options: Omit<ReadOptions, 'candidates'> = {}): TextBlock[] {
  return readAtOnce(options.shallow === true ? new BlockReader(root, options) : new StreamReader(root, options));
}
