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
import { forEachAnchor, lastAtOrBefore } from '../core/prefilter';
import type { CandidateFilter } from '../core/types';
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
  /**
   * Read order: blocks of one reading pass (`run`, a token of the pass's own: compared by identity, so passes
   * of readers from different bundles never share one) are numbered in document order (`seq`), so the scanner
   * orders findings read together without asking the DOM (compareDocumentPosition walks long sibling lists).
   */
  readonly run: object;
  readonly seq: number;
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
  /**
   * The matcher's candidate filter: whole subtrees are then read sparsely (`SparseReader`), only the blocks
   * that may hold a finding.
   */
  candidates?: CandidateFilter | null;
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

/**
 * What a reader reads: an element's subtree, or an open shadow root's tree (text a page shows through a web
 * component). A shadow root's own top-level text belongs to its host: the host is that text's container.
 */
export type ReadRoot = Element | ShadowRoot;

/** The shadow root `node` is the top of, if it is one (nodeType 11 with a host; a plain fragment has none). */
export function asShadowRoot(node: Node | null): ShadowRoot | null {
  return node !== null && node.nodeType === 11 && (node as ShadowRoot).host != null ? (node as ShadowRoot) : null;
}

/** The open shadow roots `node` is inside, innermost first (none for a node of the document's own tree). */
export function shadowRootsAbove(node: Node): ShadowRoot[] {
  const roots: ShadowRoot[] = [];
  for (let root = asShadowRoot(node.getRootNode()); root !== null; root = asShadowRoot(root.host.getRootNode())) roots.push(root);
  return roots;
}

/** The element above `node`, crossing from the top of a shadow tree to its host. */
export function composedParent(node: Node): Element | null {
  return node.parentElement ?? asShadowRoot(node.parentNode)?.host ?? null;
}

/** The element a read root stands for: itself, or a shadow root's host. */
export function rootElement(root: ReadRoot): Element {
  return root.nodeType === 1 ? (root as Element) : (root as ShadowRoot).host;
}

/** The block owning a read root's top-level text: its block container, or a shadow root's host. */
export function containerOfRoot(root: ReadRoot): Element {
  return root.nodeType === 1 ? (blockContainerOf(root) ?? (root as Element)) : (root as ShadowRoot).host;
}

/** Whether the text under a read root is preformatted (white-space passes from a host into its shadow tree). */
export function preformattedRoot(root: ReadRoot): boolean {
  return rootElement(root).closest('pre, listing, xmp, plaintext') !== null;
}

/** The nearest block-level element at or above `node` (the element that owns its text run). */
export function blockContainerOf(node: Node): Element | null {
  let element: Element | null = node.nodeType === 1 ? (node as Element) : node.parentElement;
  let top: Node = node;
  while (element !== null && !BLOCK_ELEMENTS.has(element.localName)) {
    top = element;
    element = element.parentElement;
  }
  if (element !== null) return element;
  // Inside a shadow tree with no block element above: the text is the host's (never a light-DOM block's, so
  // re-reading that block leaves the shadow tree's findings alone).
  const shadow = asShadowRoot(top.parentNode);
  if (shadow !== null) return shadow.host;
  // Text outside any block element (a detached inline subtree, or a document whose root is not <html>).
  return node.nodeType === 1 ? (node as Element) : node.parentElement;
}

// Shared by the readers here and the stream reader (./stream-reader.ts).
export const LINE_BREAKS = /[\n\r\u2028\u2029]/;
export const LINE_BREAKS_GLOBAL = /[\n\r\u2028\u2029]/g;
export const NON_SPACE = /\S/;

/** The blocks a reader has read and not yet handed over (`takeBlocks`). */
abstract class ReaderOutput {
  protected blocks: TextBlock[] = [];

  takeBlocks(): TextBlock[] {
    const blocks = this.blocks;
    this.blocks = [];
    return blocks;
  }
}

/**
 * A reader that walks its root in document order and hands blocks over as it goes, numbered in its pass (the
 * block reader here and the stream reader, ./stream-reader.ts).
 */
export abstract class WalkingReader extends ReaderOutput {
  interrupted = false;
  readonly sawComponents = true;
  readonly holdsCandidates = false;
  /** This pass (see `TextBlock.run`) and the next block's number in it. */
  protected readonly run = {};
  protected seq = 0;
  /** Whether a step has stopped before the end (the next one checks its place is still in the root). */
  protected paused = false;
}

/**
 * A resumable reader: `step(shouldYield)` reads until done (returns true) or until `shouldYield()` says the
 * time slice is over (checked every 128 nodes). Blocks read so far are taken with `takeBlocks()`.
 * If the node it stopped at leaves the document between two steps, `step` returns true with `interrupted`
 * set; the caller reads the root again.
 */
export class BlockReader extends WalkingReader implements TextReader {
  private readonly root: ReadRoot;
  private readonly shallow: boolean;
  private readonly onBlockElement: ((element: Element) => void) | undefined;
  private node: Node | null;
  private readonly stack: Element[] = [];
  private container: Element;
  private preDepth = 0;
  private parts: string[] = [];
  private nodes: Text[] = [];
  private starts: number[] = [];
  private length = 0;

  constructor(root: ReadRoot, options: ReadOptions = {}) {
    super();
    this.root = root;
    this.shallow = options.shallow === true;
    this.onBlockElement = options.onBlockElement;
    const container = containerOfRoot(root);
    this.container = container;
    this.stack.push(container);
    // A shadow root's host also owns its light-DOM text: the caller drops the shadow tree's blocks itself.
    if (root.nodeType === 1) this.onBlockElement?.(container);
    if (preformattedRoot(root)) this.preDepth = 1;
    this.node = root.firstChild;
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
      this.blocks.push({ container: this.container, text, nodes: this.nodes, starts: this.starts, run: this.run, seq: this.seq++ });
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
  /**
   * Whether the read met signs of web components (a custom element's name has a hyphen), whose open shadow
   * roots hold text of their own. Always true for a reader that cannot tell.
   */
  readonly sawComponents: boolean;
  /**
   * Whether the read has come upon text to match that it has not handed over yet: a sparse read hands its blocks
   * over when it is done, and knows of its candidates long before (the others hand blocks over as they go).
   */
  readonly holdsCandidates: boolean;
  step(shouldYield: () => boolean): boolean;
  takeBlocks(): TextBlock[];
}

/** Characters scanned at once by the sparse reader's filter. */
const SPARSE_CHUNK = 65_536;
/**
 * Characters of a chunk's end scanned again with the next chunk: longer than any anchor as a page may write it
 * (a pointed Hebrew word carries two or three marks a letter), so none is cut.
 */
const SPARSE_OVERLAP = 64;
/** The piece starts of a chunk of one piece (never changed: only chunks of inline text get pieces added). */
const ONE_START: number[] = [0];
/** Languages written in Hebrew letters (`lang` of the page's root element). */
const HEBREW_LANG = /^(?:he|iw|yi)(?:-|$)/i;
/** Pieces read between two looks at the clock. */
const PIECES_PER_CHECK = 32;
/** Elements inside which the block reader's text is not the `textContent`'s run on: blocks, `<br>`, skipped ones. */
const BREAKING_ELEMENTS = [...BLOCK_ELEMENTS, ...SKIPPED_ELEMENTS, 'br'].join(',');
/** Text and CDATA nodes: what an element's `textContent` is made of, in the same order. */
const SHOW_TEXT_AND_CDATA = 4 | 8;

/** Element children from which a list is read item by item. */
const LIST_MIN = 8;
/** An item of a list holding this many element children is a list of its own (a feed inside a layout column). */
const NESTED_LIST_MIN = 64;

/**
 * Whether the sparse reader reads an element's children one by one rather than its `textContent` at once, by
 * its number of element `children` (outside a list, counted up to LIST_MIN). `depth` counts the levels above it
 * where the text was already divided between two or more elements: the first levels of a page are divided, and
 * long lists (a feed, a long article) deeper down, so that no single native read holds a whole large page (one
 * call is one task) while a page is read in few calls. An item of a list (`inList`) is divided only when it
 * wraps a single element (a feed cell around its post: custom elements show there) or is a list of its own.
 */
function splitsInto(children: number, depth: number, inList: boolean): boolean {
  if (inList) return children === 1 || children >= NESTED_LIST_MIN;
  return children === 1 || (children >= 2 && depth < 2) || (children >= LIST_MIN && depth < 8);
}

/**
 * An element's element children, counted up to `cap`. `childElementCount` counts them all, one by one: on a
 * feed of 50,000 posts that took 10 ms a call in Chromium, and only "none, one, two, at least eight" matter.
 */
function elementChildrenUpTo(element: Element, cap: number): number {
  let count = 0;
  for (let child = element.firstElementChild; child !== null && count < cap; child = child.nextElementSibling) count++;
  return count;
}

/**
 * Whether a divided element is a list whose items are read whole, each in one native read, rather than divided
 * again: long lists below the page's first division (a feed's posts, an article's paragraphs and sections).
 * Visiting each item's children cost more in script than reading their text (an article's sections: about
 * half the read).
 */
function isList(children: number, depth: number): boolean {
  return depth >= 1 && children >= LIST_MIN;
}

/** The Text nodes of a piece of the page and where each starts in its text (`textContent` offsets). */
interface PieceNodes {
  nodes: Text[];
  starts: number[];
}

function nodesOfPiece(piece: Node): PieceNodes {
  if (piece.nodeType !== 1) return { nodes: [piece as Text], starts: [0] };
  // A paragraph of plain text: its one Text node (no walk).
  const only = piece.firstChild;
  if (only !== null && only === piece.lastChild && (only.nodeType === 3 || only.nodeType === 4)) return { nodes: [only as Text], starts: [0] };
  const nodes: Text[] = [];
  const starts: number[] = [];
  const walker = (piece.ownerDocument as Document).createTreeWalker(piece, SHOW_TEXT_AND_CDATA);
  let at = 0;
  for (let node = walker.nextNode(); node !== null; node = walker.nextNode()) {
    nodes.push(node as Text);
    starts.push(at);
    at += (node as Text).length;
  }
  return { nodes, starts };
}

/**
 * The reader for whole subtrees when the matcher has a candidate filter (src/core/prefilter.ts). Most of a
 * page can hold no finding, so it is not built into blocks at all:
 * 1. look: the page's text is read in pieces, each an element's `textContent` (one native call for a whole
 *    subtree: no script-side work per Text node) or a Text node's data; the filter's two native regular
 *    expressions run over each block element's piece as read, and over chunks of the inline pieces between
 *    them; only a piece they hit is walked node by node, to mark the Text nodes the hits fall in;
 * 2. read: only the blocks holding a marked node are read (the element walk, `BlockReader`), outside
 *    skipped subtrees. A block with no marked node cannot hold a finding and is not read.
 * Blocks come out in document order, numbered by where their first marked node starts in the page's text.
 */
export class SparseReader extends ReaderOutput implements TextReader {
  interrupted = false;
  /** A custom element among the elements the page is divided at (pages built of web components show one there). */
  sawComponents = false;
  private readonly run = {};
  private readonly root: ReadRoot;
  private readonly filter: CandidateFilter;
  private readonly onBlockElement: ((element: Element) => void) | undefined;
  private readonly skipAll: boolean;
  /** Elements being read child by child, innermost last, with their division depth and whether they are lists. */
  private readonly parents: Array<{ element: ReadRoot; depth: number; list: boolean }> = [];
  /** The next child to look at in the innermost parent (null: that parent is done). */
  private next: Node | null = null;
  private looked = false;
  /** The chunk being filled: its text, its pieces and where each starts in it. */
  private chunk = '';
  private pieces: Node[] = [];
  private pieceStarts: number[] = [];
  /** Offset of the chunk's start in the text read so far (orders the blocks). */
  private chunkBase = 0;
  /** The node lists of this chunk's pieces, walked on demand. */
  private pieceNodes = new Map<number, PieceNodes>();
  private pieceBreaks = new Map<number, boolean>();
  /** Marked nodes and where they start in the text read. */
  private readonly marked = new Map<Text, number>();
  private containers: Element[] | null = null;
  private readAt = 0;
  /** Whether the piece `nextPiece` returned last is a block element. */
  private pieceIsBlock = false;
  /** The pieces of a block looked at on its own (`scanBlock`). */
  private readonly onePiece: Node[] = [];
  /** The page says it is in Hebrew (or Yiddish): the filter's quick look starts with its wider class. */
  private readonly hebrew: boolean;

  constructor(root: ReadRoot, filter: CandidateFilter, options: Omit<ReadOptions, 'shallow' | 'candidates'> = {}) {
    super();
    this.root = root;
    this.filter = filter;
    this.onBlockElement = options.onBlockElement;
    this.skipAll = isSkippedElement(rootElement(root));
    this.hebrew = HEBREW_LANG.test(root.ownerDocument.documentElement?.lang ?? '');
    this.parents.push({ element: root, depth: 0, list: false });
    this.next = root.firstChild;
  }

  get holdsCandidates(): boolean {
    return this.marked.size > 0;
  }

  step(shouldYield: () => boolean): boolean {
    if (this.skipAll) return true;
    if (this.containers === null) {
      if (!this.look(shouldYield)) return false;
      if (this.interrupted) return true;
      this.containers = this.candidateContainers();
    }
    const containers = this.containers;
    while (this.readAt < containers.length) {
      const container = containers[this.readAt++] as Element;
      if (container.isConnected) this.readContainer(container);
      if (shouldYield()) return this.readAt >= containers.length;
    }
    return true;
  }

  /** The next piece of text, in document order, or null at the end of the root. */
  private nextPiece(): Node | null {
    for (;;) {
      const node = this.next;
      if (node === null) {
        const done = this.parents.pop();
        if (done === undefined || this.parents.length === 0) return null;
        this.next = done.element.nextSibling;
        continue;
      }
      this.next = node.nextSibling;
      const type = node.nodeType;
      if (type === 3 || type === 4) {
        this.pieceIsBlock = false;
        return node;
      }
      if (type !== 1) continue;
      const element = node as Element;
      // Tags whose text is never read (scripts, styles...); subtrees hidden by attributes are left to
      // `candidateContainers`, which looks at the few that hold a hit.
      const name = element.localName;
      if (SKIPPED_ELEMENTS.has(name) || name === HOST_TAG) continue;
      if (!this.sawComponents && name.includes('-')) this.sawComponents = true;
      const parent = this.parents[this.parents.length - 1] as { depth: number; list: boolean };
      const depth = parent.depth;
      // An item of a list is small as a rule: counting its children natively creates no objects for them.
      const children = parent.list ? element.childElementCount : elementChildrenUpTo(element, LIST_MIN);
      if (splitsInto(children, depth, parent.list)) {
        // A list item around a single element (a feed cell around its post): that element is the item, read
        // whole as items are (one native count of its children, not a walk over them).
        const list = parent.list && children === 1 ? true : isList(children, depth);
        this.parents.push({ element, depth: children >= 2 ? depth + 1 : depth, list });
        this.next = element.firstChild;
        continue;
      }
      this.pieceIsBlock = BLOCK_ELEMENTS.has(name);
      return element;
    }
  }

  private look(shouldYield: () => boolean): boolean {
    if (this.looked) {
      // Resuming: the page may have moved or removed the place we stopped at meanwhile.
      const place = this.next ?? (this.parents[this.parents.length - 1]?.element ?? null);
      if (place !== null && !this.root.contains(place)) {
        this.interrupted = true;
        return true;
      }
    }
    this.looked = true;
    let chunk = this.chunk;
    let count = 0;
    /** Characters looked at since the clock was last asked. */
    let sinceClock = 0;
    for (let piece = this.nextPiece(); piece !== null; piece = this.nextPiece()) {
      const text = piece.nodeType === 1 ? ((piece as Element).textContent ?? '') : (piece as Text).data;
      if (text.length > 0) {
        if (this.pieceIsBlock) {
          // A block's text never runs on into its neighbours' (a block ends where a block element starts or
          // ends): it is looked at on its own, as read. Copying each piece into one chunk first cost about as
          // much as the filter's look at the text (2–3 ms a megabyte, in Chromium).
          if (chunk.length > 0) {
            this.chunk = chunk;
            this.scanChunk(false);
            chunk = '';
          }
          this.scanBlock(piece, text);
          sinceClock += text.length;
        } else {
          this.pieces.push(piece);
          this.pieceStarts.push(chunk.length);
          chunk += text;
          if (chunk.length >= SPARSE_CHUNK) {
            this.chunk = chunk;
            this.scanChunk(true);
            chunk = this.chunk;
            sinceClock += SPARSE_CHUNK;
          }
        }
      }
      // Empty pieces count too: a page of a million empty elements still gives the page its turns.
      if (sinceClock >= SPARSE_CHUNK || ++count % PIECES_PER_CHECK === 0) {
        sinceClock = 0;
        if (shouldYield()) {
          this.chunk = chunk;
          return false;
        }
      }
    }
    this.chunk = chunk;
    this.scanChunk(false);
    return true;
  }

  /** The Text nodes of piece `index` of the chunk, with their starts in the chunk. */
  private nodesAt(index: number): PieceNodes {
    let known = this.pieceNodes.get(index);
    if (known === undefined) {
      const own = nodesOfPiece(this.pieces[index] as Node);
      const base = this.pieceStarts[index] as number;
      known = { nodes: own.nodes, starts: own.starts.map((start) => start + base) };
      this.pieceNodes.set(index, known);
    }
    return known;
  }

  /** Whether piece `index` holds an element the block reader breaks the text at (a block, `<br>`, skipped text). */
  private hasBreaks(index: number): boolean {
    let known = this.pieceBreaks.get(index);
    if (known === undefined) {
      const piece = this.pieces[index] as Node;
      known = piece.nodeType === 1 && (piece as Element).querySelector(BREAKING_ELEMENTS) !== null;
      this.pieceBreaks.set(index, known);
    }
    return known;
  }

  /** The Text node holding chunk offset `at`, and where it starts; null past the last one. */
  private nodeAt(at: number): { node: Text; start: number } | null {
    const piece = lastAtOrBefore(this.pieceStarts, this.pieces.length, at);
    const { nodes, starts } = this.nodesAt(piece);
    if (nodes.length === 0) return null;
    const index = lastAtOrBefore(starts, starts.length, at);
    return { node: nodes[index] as Text, start: starts[index] as number };
  }

  /**
   * Where two Text nodes of the chunk meet (the filter's `joinedAt`): a block may end and the next begin there
   * with no space between them.
   */
  private readonly joinedAt = (index: number): boolean => {
    const piece = lastAtOrBefore(this.pieceStarts, this.pieces.length, index);
    if (this.pieceStarts[piece] === index) return true;
    // Inside a piece of inline text, Text nodes meet within one block: the matcher reads on across them.
    if (!this.hasBreaks(piece)) return false;
    const { starts } = this.nodesAt(piece);
    return starts.length > 0 && starts[lastAtOrBefore(starts, starts.length, index)] === index;
  };

  /** Marks the node a hit of the filter at chunk offset `at` falls in; the look goes on after that node. */
  private readonly onAnchor = (at: number): number | undefined => {
    const found = this.nodeAt(at);
    if (found === null) return undefined;
    if (!this.marked.has(found.node)) this.marked.set(found.node, this.chunkBase + found.start);
    return found.start + found.node.length;
  };

  /** Marks the nodes of the chunk's pieces the filter hits in `text`, the chunk's text. */
  private lookAt(text: string): void {
    forEachAnchor(this.filter, text, this.joinedAt, this.onAnchor, this.hebrew);
    if (this.pieceNodes.size > 0) this.pieceNodes.clear();
    if (this.pieceBreaks.size > 0) this.pieceBreaks.clear();
  }

  /** Looks at a block's text on its own, as a chunk of one piece, between the chunks of inline text around it. */
  private scanBlock(piece: Node, text: string): void {
    const { pieces, pieceStarts } = this;
    this.onePiece[0] = piece;
    this.pieces = this.onePiece;
    this.pieceStarts = ONE_START;
    this.lookAt(text);
    this.chunkBase += text.length;
    this.pieces = pieces;
    this.pieceStarts = pieceStarts;
  }

  /**
   * Marks the chunk's nodes the filter hits. `keepEnd`: the chunk was cut at a size, not at a block's end, so
   * its last characters are kept and looked at again with the next one; otherwise the next chunk starts afresh.
   */
  private scanChunk(keepEnd: boolean): void {
    const text = this.chunk;
    // The white space between blocks (a page's line breaks and indents) holds no anchor.
    if (keepEnd || NON_SPACE.test(text)) this.lookAt(text);
    if (!keepEnd) {
      this.chunkBase += text.length;
      this.chunk = '';
      this.pieces = [];
      this.pieceStarts = [];
      return;
    }
    // Keep the pieces covering the last SPARSE_OVERLAP characters (offsets relative to the kept text).
    const cut = Math.max(0, text.length - SPARSE_OVERLAP);
    const first = lastAtOrBefore(this.pieceStarts, this.pieces.length, cut);
    this.pieces = this.pieces.slice(first);
    this.pieceStarts = this.pieceStarts.slice(first).map((start) => start - cut);
    this.chunkBase += cut;
    this.chunk = text.slice(cut);
  }

  /** The block containers of the marked nodes outside skipped subtrees, in document order. */
  private candidateContainers(): Element[] {
    const root = this.root;
    const marked = [...this.marked].sort((a, b) => a[1] - b[1]);
    const containers: Element[] = [];
    const seen = new Set<Element>();
    const skippedOrClear = new Map<Element, boolean>();
    const isSkipped = (element: Element): boolean => {
      const path: Element[] = [];
      let skipped = false;
      for (let current: Element | null = element; current !== null; current = current.parentElement) {
        const known = skippedOrClear.get(current);
        if (known !== undefined) {
          skipped = known;
          break;
        }
        path.push(current);
        if (isSkippedElement(current)) {
          skipped = true;
          break;
        }
        if (current === root) break;
      }
      for (const element of path) skippedOrClear.set(element, skipped);
      return skipped;
    };
    for (const [node] of marked) {
      // A shadow root's top-level text has no parent element (its host is not above it in that tree).
      const parent = node.parentElement;
      if (parent !== null && isSkipped(parent)) continue;
      const container = blockContainerOf(node);
      if (container === null || seen.has(container)) continue;
      seen.add(container);
      containers.push(container);
    }
    return containers;
  }

  /** Reads a container's own blocks; keeps those holding a marked node, numbered by its walk index. */
  private readContainer(container: Element): void {
    // The host of the shadow root being read: its top-level text is the shadow root's own, not the host's.
    const from = this.root.nodeType === 11 && container === rootElement(this.root) ? this.root : container;
    for (const block of readAtOnce(new BlockReader(from, { shallow: true, ...(this.onBlockElement ? { onBlockElement: this.onBlockElement } : {}) }))) {
      let seq = -1;
      for (const node of block.nodes) {
        const index = this.marked.get(node);
        if (index !== undefined && (seq < 0 || index < seq)) seq = index;
      }
      if (seq < 0) continue;
      this.blocks.push({ container: block.container, text: block.text, nodes: block.nodes, starts: block.starts, run: this.run, seq });
    }
  }
}

/** Every block `reader` reads, in one go (for small subtrees: a container's own text, a story card, a test). */
export function readAtOnce(reader: TextReader): TextBlock[] {
  reader.step(() => false);
  return reader.takeBlocks();
}

/**
 * The DOM position of a block offset. `affinity` decides offsets on a node boundary or inside a `<br>`'s
 * "\n": 'forward' (a range start) lands at the start of the next node, 'backward' (a range end) at the end
 * of the previous one, so ranges never include neighbouring nodes they do not cover.
 */
export function positionAt(block: TextBlock, offset: number, affinity: 'forward' | 'backward'): DomPosition {
  let index = lastAtOrBefore(block.starts, block.starts.length, offset);
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

/** What `renderState` found. */
export interface RenderState {
  readonly rendered: boolean;
  /**
   * Set when the node lies in the skipped contents of an off-screen `content-visibility: auto` element: the
   * browser has not computed its style, and asking would make it do so (≈15 ms per question on a long feed,
   * growing with the page). The node is taken as rendered until the browser renders that element (its
   * `contentvisibilityautostatechange` event), when the caller asks again.
   */
  readonly skippedBy?: Element;
}

const RENDERED: RenderState = { rendered: true };
const HIDDEN: RenderState = { rendered: false };
/** How far up a skipped element is looked for (a deeper one is asked the forced, exact question). */
const MAX_ANCESTORS = 64;

type VisibilityOptions = { contentVisibilityAuto?: boolean; visibilityProperty?: boolean; checkVisibilityCSS?: boolean };
type Checkable = Element & { checkVisibility(options?: VisibilityOptions): boolean };

/**
 * Whether a Text node is rendered (not inside `display: none`, `visibility: hidden`, `content-visibility:
 * hidden` or a closed `<details>`). Asked only for the elements holding a finding, so the cost of computed
 * style is paid per finding, not per node of the page; and never in a way that makes the browser style an
 * off-screen `content-visibility: auto` subtree (see `RenderState.skippedBy`).
 */
export function renderState(node: Node): RenderState {
  const element = node.nodeType === 1 ? (node as Element) : composedParent(node);
  if (element === null || !element.isConnected) return HIDDEN;
  if (typeof element.checkVisibility !== 'function') return isRenderedByStyle(element) ? RENDERED : HIDDEN;
  const checkable = element as Checkable;
  // Answered from styles the browser already has: false also for the skipped contents of content-visibility:auto.
  if (checkable.checkVisibility({ contentVisibilityAuto: true, visibilityProperty: true })) return RENDERED;
  const skippedBy = skippingAncestor(checkable);
  if (skippedBy === null) return HIDDEN;
  if (skippedBy !== undefined) {
    const view = element.ownerDocument.defaultView;
    const box = skippedBy.getBoundingClientRect();
    const height = view?.innerHeight ?? 0;
    const width = view?.innerWidth ?? 0;
    // Far from the viewport: the browser skips those contents; ask again once it renders them. Near it, the
    // browser renders (or is about to render) them, and the exact answer below is cheap.
    const far = box.bottom < -height || box.top > 2 * height || box.right < -width || box.left > 2 * width;
    if (far) return { rendered: true, skippedBy };
  }
  return checkable.checkVisibility({ visibilityProperty: true, checkVisibilityCSS: true }) ? RENDERED : HIDDEN;
}

/**
 * The `content-visibility: auto` element whose skipped contents hold `element`; null when none does (the
 * element is hidden); undefined when the answer is too far up to look for.
 */
function skippingAncestor(element: Checkable): Element | null | undefined {
  let depth = 0;
  for (let current = composedParent(element) as Checkable | null; current !== null; current = composedParent(current) as Checkable | null) {
    if (++depth > MAX_ANCESTORS) return undefined;
    // The first ancestor that is not itself skipped: if it skips its contents, that is why `element` was.
    if (current.checkVisibility({ contentVisibilityAuto: true })) {
      const style = current.ownerDocument.defaultView?.getComputedStyle(current);
      return style?.getPropertyValue('content-visibility') === 'auto' ? current : null;
    }
  }
  return null;
}

/** Browsers without `checkVisibility`: the computed style of the element and its ancestors. */
function isRenderedByStyle(element: Element): boolean {
  const view = element.ownerDocument.defaultView;
  if (view === null) return true;
  for (let current: Element | null = element; current !== null; current = composedParent(current)) {
    const style = view.getComputedStyle(current);
    if (style.display === 'none') return false;
    if (current === element && style.visibility === 'hidden') return false;
  }
  return true;
}
