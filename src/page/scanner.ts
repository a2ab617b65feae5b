/**
 * The page scanner: reads the page's text in blocks, runs the matcher, and keeps the list of findings in
 * step with the page as it changes.
 *
 * - First scan: the whole document, read and matched in time slices (≈6 ms) that yield to the page.
 * - Then: MutationObserver batches. Each batch is reduced to the subtrees that changed (an added block
 *   element is read on its own; a changed inline run re-reads only its container's own text, not nested
 *   blocks), so the work is proportional to what changed, not to the page. A batch touching 1000+ nodes
 *   (the threshold darkreader uses) is cheaper as one full rescan.
 * - Only text the matcher's candidate filter lets through is matched; a matcher whose matching part loads on
 *   first need (`Matcher.whenReady`) is asked to load at the first candidate the reader marks and waited for
 *   before matching, so a page without a candidate never loads it.
 * - Findings whose text leaves the page disappear at the next commit.
 * - X's story cards (./story-cards.ts) turn a standalone label into one finding over the card's headline and
 *   summary; the label's and any mention findings inside the card are absorbed into it.
 *
 * Everything is tied to one AbortSignal. `settled()` resolves when no work is pending (tests await it).
 */
import { hasAnchor } from '../core/prefilter';
import type { Finding, FindingKind, MatchReason, MatchRule, Matcher } from '../core/types';
import { createShadowHostFinder } from './shadow-hosts';
import { findStoryCard, isStandaloneLabel, type BlockSpan, type StoryCard } from './story-cards';
import { BLOCK_SEPARATOR } from './text-rules';
import {
  HOST_TAG,
  asShadowRoot,
  blockContainerOf,
  createReader,
  displayText,
  isBlockElement,
  renderState,
  isSkippedElement,
  positionAt,
  rangeFor,
  shadowRootsAbove,
  trimSpan,
  type ReadRoot,
  type TextBlock,
  type TextReader,
} from './text-index';

export interface FindingSpan {
  readonly block: TextBlock;
  readonly start: number;
  readonly end: number;
  /** Static: rebuilt when the block is re-read, never tracked by the browser. */
  readonly range: AbstractRange;
}

export interface PageFinding {
  /** Stable for the page's lifetime while the finding's element stays (a counter, "f1", "f2", ...). */
  readonly id: string;
  readonly kind: FindingKind;
  readonly incident?: string;
  readonly rule: MatchRule;
  /** What was found, whitespace collapsed (a story card: its headline). */
  readonly text: string;
  readonly why: MatchReason;
  /** One span for a text finding; a story card has its headline and summary blocks. */
  readonly spans: readonly FindingSpan[];
}

export interface FindingsChange {
  added: readonly PageFinding[];
  removed: readonly PageFinding[];
}

export type ScanState = 'scanning' | 'settled';

export interface ScannerOptions {
  document: Document;
  matcher: Matcher;
  kinds?: readonly FindingKind[];
  signal: AbortSignal;
  /** Which findings to keep (e.g. not dismissed). */
  filter?: (finding: PageFinding) => boolean;
  onChange?: (change: FindingsChange) => void;
  onState?: (state: ScanState, findings: number) => void;
  /** The page removed our host element (`<gc-root>`). */
  onHostRemoved?: () => void;
  /** Length of a time slice (default 6 ms). */
  sliceMs?: number;
  /** Mutated nodes in one batch above which a full rescan is cheaper (default 1000). */
  hugeBatch?: number;
  /** When custom elements not defined yet are asked again for a shadow root (see ./shadow-hosts.ts). */
  upgradeChecksMs?: readonly number[];
}

export interface Scanner {
  /** Resolves when everything changed so far has been read, matched and committed. */
  settled(): Promise<void>;
  readonly state: ScanState;
  /** Current findings in document order. */
  findings(): readonly PageFinding[];
  findingById(id: string): PageFinding | undefined;
  /** Findings with a span in this block container (for hit-testing). */
  findingsIn(container: Element): readonly PageFinding[] | undefined;
  /** Read the whole page again (soft navigation). */
  rescan(): void;
  setMatcher(matcher: Matcher, kinds?: readonly FindingKind[]): void;
  setFilter(filter: ((finding: PageFinding) => boolean) | undefined): void;
}

interface RawFinding {
  readonly finding: Finding;
  /** Identity within the container: kind, incident, rule, text and occurrence. */
  readonly key: string;
}

interface IndexedBlock {
  readonly block: TextBlock;
  readonly raws: RawFinding[];
  /** Computed style check, done once per block at commit (see `renderState`). */
  visible?: boolean;
}

interface ReadJob {
  root: ReadRoot;
  shallow: boolean;
  /**
   * The whole document: searched for shadow roots only when built of web components, or when shadow roots were
   * found before (see `hosts`).
   */
  whole?: boolean;
}

const DEFAULT_SLICE_MS = 6;
const DEFAULT_HUGE_BATCH = 1000;
/** Characters matched per call: small enough to fit many calls in a slice, big enough to amortise the call. */
const MATCH_CHUNK = 8_192;
/** Attributes that can show or hide content (see text-rules `hidesContent`). */
const OBSERVED_ATTRIBUTES = ['hidden', 'style', 'contenteditable', 'open'];
const OBSERVE: MutationObserverInit = {
  childList: true,
  subtree: true,
  characterData: true,
  attributes: true,
  attributeFilter: OBSERVED_ATTRIBUTES,
  attributeOldValue: true,
};

type SchedulerWithYield = { yield?: () => Promise<void> };

/** Gives the page its turn: scheduler.yield where the browser has it, else a message-channel task. */
function yieldToPage(): Promise<void> {
  const scheduler = (globalThis as { scheduler?: SchedulerWithYield }).scheduler;
  if (typeof scheduler?.yield === 'function') return scheduler.yield();
  if (typeof MessageChannel === 'function') {
    return new Promise((resolve) => {
      const channel = new MessageChannel();
      channel.port1.onmessage = () => {
        channel.port1.close();
        resolve();
      };
      channel.port2.postMessage(null);
    });
  }
  return new Promise((resolve) => setTimeout(resolve, 0));
}

/** Longest wait for a rendering (a tab hidden meanwhile renders nothing; its style is then computed on demand). */
const FRAME_TIMEOUT_MS = 100;

/**
 * Resolves in the first task after the browser's next rendering (style and layout up to date), or at once
 * when the document is not being rendered (a background tab).
 */
function afterRendering(document: Document): Promise<void> {
  const view = document.defaultView;
  if (view === null || document.visibilityState === 'hidden' || typeof view.requestAnimationFrame !== 'function') return Promise.resolve();
  return new Promise((resolve) => {
    let done = false;
    const finish = (): void => {
      if (done) return;
      done = true;
      clearTimeout(timer);
      resolve();
    };
    const timer = setTimeout(finish, FRAME_TIMEOUT_MS);
    // rAF runs just before the rendering; a task queued from it runs just after.
    view.requestAnimationFrame(() => void yieldToPage().then(finish));
  });
}

function isHost(node: Node): boolean {
  return node.nodeType === 1 && (node as Element).localName === HOST_TAG;
}

/** A style attribute change matters only if it mentions display/visibility (X rewrites transforms constantly). */
function styleChangeMatters(oldValue: string | null, newValue: string | null): boolean {
  const mentions = (value: string | null): boolean => value !== null && /display|visibility/i.test(value);
  return mentions(oldValue) || mentions(newValue);
}

/**
 * Document order of two findings by their first span; a known headline before the card starting with it.
 * `placeOf` gives the block a finding is ordered by when that is not its first span's (a story card, whose
 * spans come from a reading pass of their own: ordered where its label was read).
 */
function inDocumentOrder(a: PageFinding, b: PageFinding, placeOf: (finding: PageFinding) => TextBlock | undefined): number {
  const blockA = placeOf(a);
  const blockB = placeOf(b);
  if (blockA !== undefined && blockB !== undefined && blockA !== blockB && blockA.run === blockB.run) return blockA.seq - blockB.seq;
  const ra = a.spans[0]?.range;
  const rb = b.spans[0]?.range;
  if (ra === undefined || rb === undefined || ra.startContainer === rb.startContainer) {
    return (ra?.startOffset ?? 0) - (rb?.startOffset ?? 0) || (a.kind === b.kind ? 0 : a.kind === 'fabricated-headline' ? -1 : 1);
  }
  return treeOrder(ra.startContainer, rb.startContainer);
}

/** Document order of two nodes; a shadow tree's nodes stand where its host stands. */
function treeOrder(a: Node, b: Node): number {
  const position = a.compareDocumentPosition(b);
  if ((position & 1) /* DISCONNECTED: different trees */ === 0) return position & 4 /* FOLLOWING */ ? -1 : position & 2 /* PRECEDING */ ? 1 : 0;
  const hostsOf = (node: Node): Node[] => [node, ...shadowRootsAbove(node).map((root) => root.host)];
  const chainA = hostsOf(a);
  const chainB = hostsOf(b);
  for (const x of chainA) {
    const y = chainB.find((node) => node.getRootNode() === x.getRootNode());
    if (y !== undefined) return x === y ? chainB.length - chainA.length : treeOrder(x, y);
  }
  return 0;
}

export function createScanner(options: ScannerOptions): Scanner {
  const { document, signal } = options;
  const sliceMs = options.sliceMs ?? DEFAULT_SLICE_MS;
  const hugeBatch = options.hugeBatch ?? DEFAULT_HUGE_BATCH;
  let matcher = options.matcher;
  let kinds = options.kinds;
  let filter = options.filter;

  // Blocks that hold raw findings (only those are kept: a page's other text is read, matched and dropped).
  const indexed = new Set<IndexedBlock>();
  const byContainer = new WeakMap<Element, IndexedBlock[]>();

  // Work queue.
  let fullPending = false;
  let pendingRecords: MutationRecord[] = [];
  let pendingMutatedNodes = 0;
  const readQueue: ReadJob[] = [];
  let reader: { job: ReadJob; reader: TextReader } | null = null;
  /** Open shadow roots the observer watches (it cannot see into them from the document). */
  let shadowRoots = new WeakSet<ShadowRoot>();
  let watchingShadows = false;
  let matchQueue: TextBlock[] = [];
  let matchPos = 0;
  let commitNeeded = false;
  let pumping = false;
  let state: ScanState = 'scanning';
  let waiters: Array<() => void> = [];

  // Committed findings.
  let current = new Map<string, PageFinding>();
  /** `current` in document order. */
  let ordered: PageFinding[] = [];
  const byId = new Map<string, PageFinding>();
  const hitIndex = new Map<Element, PageFinding[]>();
  const cardCache = new Map<TextBlock, StoryCard>();
  /** Story cards are ordered where their label was read (see `inDocumentOrder`). */
  const orderedAt = new WeakMap<PageFinding, TextBlock>();
  const placeOf = (finding: PageFinding): TextBlock | undefined => orderedAt.get(finding) ?? finding.spans[0]?.block;
  const idByKey = new Map<string, string>();
  let nextId = 1;
  const elementIds = new WeakMap<Element, number>();
  let nextElementId = 1;

  function elementId(element: Element): number {
    let id = elementIds.get(element);
    if (id === undefined) {
      id = nextElementId++;
      elementIds.set(element, id);
    }
    return id;
  }

  // --- indexed blocks ------------------------------------------------------------------------------

  function removeIndexed(item: IndexedBlock): void {
    if (!indexed.delete(item)) return;
    unchecked.delete(item);
    cardCache.delete(item.block);
    const list = byContainer.get(item.block.container);
    if (list === undefined) return;
    const rest = list.filter((other) => other !== item);
    if (rest.length === 0) byContainer.delete(item.block.container);
    else byContainer.set(item.block.container, rest);
    commitNeeded = true;
  }

  function removeContainer(container: Element): void {
    const list = byContainer.get(container);
    if (list === undefined) return;
    // A shadow host owns the top-level text of its shadow tree too: that is re-read with the shadow root.
    const tree = watchingShadows ? container.getRootNode() : null;
    for (const item of list) if (tree === null || item.block.nodes[0]?.getRootNode() === tree) removeIndexed(item);
  }

  /** Drops what was indexed inside a subtree that left the page (walks only that subtree). */
  function removeUnder(root: Node): void {
    if (root.nodeType !== 1 || indexed.size === 0) return;
    removeContainer(root as Element);
    const walker = document.createTreeWalker(root, 1 /* NodeFilter.SHOW_ELEMENT */);
    for (let node = walker.nextNode(); node !== null; node = walker.nextNode()) removeContainer(node as Element);
  }

  /** Drops what was indexed under `root` even where it is now hidden (the reader will not enter there). */
  function sweepUnder(root: ReadRoot): void {
    // A shadow root's blocks are those of its tree's text (its top-level text's container is the host, outside it).
    const under = root.nodeType === 1 ? (item: IndexedBlock) => root.contains(item.block.container) : (item: IndexedBlock) => root.contains(item.block.nodes[0] ?? null);
    for (const item of [...indexed]) if (under(item)) removeIndexed(item);
  }

  /** Indexed blocks whose visibility is not known yet; `styleReady`: a rendering has passed since they came. */
  const unchecked = new Set<IndexedBlock>();
  let styleReady = false;
  let frameWanted = false;
  /** The matcher's loading (`Matcher.whenReady`), which the blocks waiting to be matched wait for. */
  let matcherWanted: Promise<void> | null = null;

  function addIndexed(block: TextBlock, findings: Finding[]): void {
    const containerId = elementId(block.container);
    const seen = new Map<string, number>();
    const raws = findings.map((finding): RawFinding => {
      const base = `${containerId}|${finding.kind}|${finding.incident ?? ''}|${finding.why.rule}|${displayText(finding.text)}`;
      const count = (seen.get(base) ?? 0) + 1;
      seen.set(base, count);
      return { finding, key: `${base}|${count}` };
    });
    const item: IndexedBlock = { block, raws };
    const list = byContainer.get(block.container);
    // Several runs of one container are keyed apart by their text; keep occurrence counts unique across them.
    if (list !== undefined) {
      const taken = new Set(list.flatMap((other) => other.raws.map((raw) => raw.key)));
      for (let i = 0; i < raws.length; i++) {
        let raw = raws[i] as RawFinding;
        let n = 1;
        while (taken.has(raw.key)) raw = { finding: raw.finding, key: `${raw.key}~${n++}` };
        raws[i] = raw;
      }
      list.push(item);
    } else {
      byContainer.set(block.container, [item]);
    }
    indexed.add(item);
    unchecked.add(item);
    commitNeeded = true;
  }

  // --- reading and matching ------------------------------------------------------------------------

  function startRead(job: ReadJob): void {
    // A sparse read enters only the blocks that may hold a finding, and a shadow root's top-level text is not
    // its host's own re-read: drop what was found anywhere under the root.
    if (!job.shallow && indexed.size > 0 && (matcher.candidates != null || job.root.nodeType !== 1)) sweepUnder(job.root);
    reader = {
      job,
      reader: createReader(job.root, { shallow: job.shallow, onBlockElement: removeContainer, candidates: matcher.candidates }),
    };
  }

  function matchChunk(): void {
    let length = 0;
    let end = matchPos;
    while (end < matchQueue.length && (end === matchPos || length < MATCH_CHUNK)) {
      length += (matchQueue[end] as TextBlock).text.length + BLOCK_SEPARATOR.length;
      end++;
    }
    const blocks = matchQueue.slice(matchPos, end);
    matchPos = end;
    if (matchPos >= matchQueue.length) {
      matchQueue = [];
      matchPos = 0;
    }
    const starts: number[] = [];
    let text = '';
    for (const block of blocks) {
      starts.push(text.length);
      text += block.text + BLOCK_SEPARATOR;
    }
    const found = matcher.match(text, kinds === undefined ? undefined : { kinds });
    if (found.length === 0) return;
    const perBlock = new Map<number, Finding[]>();
    let index = 0;
    for (const finding of found) {
      // Findings come sorted by start; blocks are in order: advance the block pointer.
      while (index + 1 < starts.length && (starts[index + 1] as number) <= finding.start) index++;
      const base = starts[index] as number;
      const block = blocks[index] as TextBlock;
      const start = finding.start - base;
      const end = Math.min(finding.end - base, block.text.length);
      if (start < 0 || start >= end) continue;
      const list = perBlock.get(index) ?? [];
      list.push({ ...finding, start, end, text: block.text.slice(start, end) });
      perBlock.set(index, list);
    }
    for (const [blockIndex, findings] of perBlock) addIndexed(blocks[blockIndex] as TextBlock, findings);
  }

  // --- open shadow roots ---------------------------------------------------------------------------

  /**
   * Each open shadow root found is watched and read as a root of its own (its nested shadow roots are found
   * when its read is done). A search visits every element under its root: proportional to the change for added
   * subtrees and shadow trees, but on a whole 1 MB feed it costs about a third of reading the page's text. The
   * whole document is therefore searched only when its read met a custom element where the page is divided
   * (`TextReader.sawComponents`: pages built of web components show them there), or when a shadow root was
   * found before.
   */
  const hosts = createShadowHostFinder({
    document,
    signal,
    onFound: foundShadowRoot,
    onLate: schedule,
    upgradeChecksMs: options.upgradeChecksMs,
  });

  function foundShadowRoot(shadow: ShadowRoot): void {
    if (!shadowRoots.has(shadow)) {
      shadowRoots.add(shadow);
      watchingShadows = true;
      observer.observe(shadow, OBSERVE);
    }
    readQueue.push({ root: shadow, shallow: false });
  }

  // --- mutation batches ----------------------------------------------------------------------------

  function onRecords(records: MutationRecord[]): void {
    if (signal.aborted) return;
    // Our own host coming and going is not a page change.
    records = records.filter((record) => {
      if (record.type === 'attributes') {
        // Inline styles that never mention display/visibility (X animates transforms while scrolling) and
        // anything on our host are not page changes worth a scan.
        if (isHost(record.target)) return false;
        return record.attributeName !== 'style' || styleChangeMatters(record.oldValue, (record.target as Element).getAttribute('style'));
      }
      if (record.type !== 'childList') return true;
      let foreign = false;
      for (const node of record.removedNodes) {
        if (isHost(node)) hostRemoved();
        else foreign = true;
      }
      for (const node of record.addedNodes) if (!isHost(node)) foreign = true;
      return foreign;
    });
    if (records.length === 0) return;
    for (const record of records) {
      pendingMutatedNodes += record.addedNodes.length + record.removedNodes.length;
    }
    if (pendingMutatedNodes >= hugeBatch) {
      pendingRecords = [];
      pendingMutatedNodes = 0;
      requestFull();
      return;
    }
    for (const record of records) pendingRecords.push(record);
    schedule();
  }

  let hostRemovals = 0;
  function hostRemoved(): void {
    // A page that removes every foreign node would fight us forever: give up re-adding after a while.
    if (++hostRemovals > 50) return;
    try {
      options.onHostRemoved?.();
    } catch (error) {
      console.debug('[grok-context] host re-attach failed', error);
    }
  }

  function planRecords(): void {
    const records = pendingRecords;
    pendingRecords = [];
    pendingMutatedNodes = 0;
    const deep = new Set<Element>();
    const swept = new Set<Element>();
    const shallow = new Set<Element>();
    /** Shadow trees that changed: each is read again whole (a component's tree is small next to a page). */
    const shadows = new Set<ShadowRoot>();
    const addContainerOf = (node: Node): void => {
      const container = blockContainerOf(node);
      if (container !== null) shallow.add(container);
    };
    for (const record of records) {
      const target = record.target;
      const tree = watchingShadows ? asShadowRoot(target.getRootNode()) : null;
      if (tree !== null) {
        shadows.add(tree);
        continue;
      }
      if (record.type === 'characterData') {
        addContainerOf(target);
        continue;
      }
      if (record.type === 'attributes') {
        const element = target as Element;
        const container = isBlockElement(element) ? element : blockContainerOf(element);
        if (container !== null) {
          deep.add(container);
          swept.add(container);
        }
        continue;
      }
      // childList
      let inlineChanged = false;
      for (const node of record.removedNodes) {
        if (isHost(node)) continue;
        removeUnder(node);
        if (node.nodeType === 3 || (node.nodeType === 1 && !isBlockElement(node as Element))) inlineChanged = true;
      }
      for (const node of record.addedNodes) {
        if (isHost(node)) continue;
        if (node.nodeType === 1) {
          const element = node as Element;
          if (isBlockElement(element)) {
            deep.add(element);
          } else {
            inlineChanged = true;
            // Block elements inside an added inline element (X wraps divs in links) are read on their own.
            collectTopBlocks(element, deep);
            // Its shadow roots are not part of its container's text (blocks read deep are searched after).
            hosts.search(element);
          }
        } else if (node.nodeType === 3) {
          inlineChanged = true;
        }
      }
      // A block inserted or removed between inline text splits or joins that text.
      if (!inlineChanged && (isInlineNeighbour(record.previousSibling) || isInlineNeighbour(record.nextSibling))) {
        inlineChanged = true;
      }
      if (inlineChanged && target.nodeType === 1) addContainerOf(target);
    }

    // Keep only roots in the page, outside skipped subtrees, and not inside another deep root.
    const roots: ReadJob[] = [];
    const keep = (root: Element, isDeep: boolean): boolean => {
      if (!root.isConnected) return false;
      for (let element: Element | null = isDeep ? root.parentElement : root; element !== null; element = element.parentElement) {
        if (deep.has(element) && element !== root) return false;
        if (!isDeep && deep.has(element)) return false;
        if (isSkippedElement(element)) return false;
      }
      return true;
    };
    for (const root of deep) {
      if (isSkippedElement(root)) {
        if (swept.has(root)) sweepUnder(root);
        continue;
      }
      if (!keep(root, true)) continue;
      if (swept.has(root)) sweepUnder(root);
      roots.push({ root, shallow: false });
    }
    for (const root of shallow) {
      if (keep(root, false)) roots.push({ root, shallow: true });
      else if (!root.isConnected) removeContainer(root);
    }
    for (const tree of shadows) if (tree.isConnected) roots.push({ root: tree, shallow: false });
    // Cached story cards touching a changed subtree are found again.
    if (cardCache.size > 0) {
      for (const [block, card] of [...cardCache]) {
        const touched = roots.some(({ root }) => root.contains(card.element) || card.element.contains(root));
        if (touched || !card.element.isConnected) cardCache.delete(block);
      }
    }
    for (const job of roots) readQueue.push(job);
  }

  function isInlineNeighbour(node: Node | null): boolean {
    if (node === null) return false;
    if (node.nodeType === 3) return /\S/.test((node as Text).data);
    return node.nodeType === 1 && !isBlockElement(node as Element) && !isHost(node);
  }

  function collectTopBlocks(root: Element, out: Set<Element>): void {
    const walker = document.createTreeWalker(root, 1 /* NodeFilter.SHOW_ELEMENT */);
    let node = walker.nextNode();
    while (node !== null) {
      const element = node as Element;
      if (isSkippedElement(element)) {
        node = nextOutside(walker);
      } else if (isBlockElement(element)) {
        out.add(element);
        node = nextOutside(walker);
      } else {
        node = walker.nextNode();
      }
    }
  }

  function nextOutside(walker: TreeWalker): Node | null {
    for (;;) {
      const sibling = walker.nextSibling();
      if (sibling !== null) return sibling;
      if (walker.parentNode() === null) return null;
    }
  }

  // --- the pump ------------------------------------------------------------------------------------

  function requestFull(): void {
    fullPending = true;
    schedule();
  }

  function startFull(): void {
    fullPending = false;
    reader = null;
    readQueue.length = 0;
    hosts.clear();
    matchQueue = [];
    matchPos = 0;
    pendingRecords = [];
    pendingMutatedNodes = 0;
    for (const item of [...indexed]) removeIndexed(item);
    cardCache.clear();
    commitNeeded = true;
    const root = document.documentElement;
    if (root !== null) readQueue.push({ root, shallow: false, whole: true });
  }

  function hasWork(): boolean {
    return (
      fullPending ||
      reader !== null ||
      matchPos < matchQueue.length ||
      readQueue.length > 0 ||
      hosts.busy ||
      pendingRecords.length > 0 ||
      commitNeeded
    );
  }

  function setState(next: ScanState): void {
    if (state === next && next === 'scanning') return;
    state = next;
    try {
      options.onState?.(next, current.size);
    } catch (error) {
      console.debug('[grok-context] state listener failed', error);
    }
  }

  function schedule(): void {
    if (pumping || signal.aborted) return;
    pumping = true;
    setState('scanning');
    void pump();
  }

  async function pump(): Promise<void> {
    // Start on a later microtask: never run scan work (and callbacks) inside the caller's own call.
    await Promise.resolve();
    try {
      while (!signal.aborted && hasWork()) {
        const sliceEnd = performance.now() + sliceMs;
        const shouldYield = (): boolean => performance.now() >= sliceEnd;
        do {
          unitOfWork(shouldYield);
        } while (!signal.aborted && hasWork() && !shouldYield() && !frameWanted && matcherWanted === null);
        if (matcherWanted !== null) {
          const loading = matcherWanted;
          matcherWanted = null;
          await loading.catch((error: unknown) => {
            // Nothing can be matched with this matcher: what was read for it is dropped (a new one rescans).
            if (!signal.aborted) console.debug('[grok-context] the matcher could not be loaded', error);
            matchQueue = [];
            matchPos = 0;
          });
        }
        if (frameWanted) {
          frameWanted = false;
          await afterRendering(document);
          styleReady = true;
        } else if (hasWork()) {
          await yieldToPage();
        }
      }
    } catch (error) {
      // Never throw into the page: report and leave the page as it is.
      console.debug('[grok-context] scan failed', error);
      reader = null;
      readQueue.length = 0;
      hosts.clear();
      matchQueue = [];
      matchPos = 0;
      pendingRecords = [];
      fullPending = false;
      commitNeeded = false;
      frameWanted = false;
      matcherWanted = null;
    } finally {
      pumping = false;
    }
    if (signal.aborted) return;
    setState('settled');
    const resolved = waiters;
    waiters = [];
    for (const resolve of resolved) resolve();
  }

  /** Starts loading the matcher when it has still to be loaded (`Matcher.whenReady`; one load however often asked). */
  function prepareMatcher(): void {
    // A failed load is reported when the pump waits for it, before matching.
    matcher.whenReady?.()?.catch(() => undefined);
  }

  function unitOfWork(shouldYield: () => boolean): void {
    if (fullPending) {
      startFull();
      return;
    }
    if (reader !== null) {
      const active = reader;
      const done = active.reader.step(shouldYield);
      // A shallow read (a changed container's own text) gives every block: those the filter rules out are not
      // matched (a page whose text changes, a clock or a counter, does not load the matcher for it).
      const filter = active.job.shallow ? matcher.candidates : null;
      for (const block of active.reader.takeBlocks()) if (filter == null || hasAnchor(filter, block.text)) matchQueue.push(block);
      // Blocks are matched once the read is done: a matcher still to be loaded starts loading at the first
      // candidate, so the load overlaps the rest of the read.
      if (matchPos < matchQueue.length || active.reader.holdsCandidates) prepareMatcher();
      if (done) {
        reader = null;
        if (active.reader.interrupted && active.job.root.isConnected) readQueue.unshift(active.job);
        else if (!active.job.shallow && (active.job.whole !== true || active.reader.sawComponents || watchingShadows)) hosts.search(active.job.root);
      }
      return;
    }
    if (matchPos < matchQueue.length) {
      // The first candidate of a page whose matcher is still to be loaded: the pump waits for it.
      const loading = matcher.whenReady?.() ?? null;
      if (loading !== null) matcherWanted = loading;
      else matchChunk();
      return;
    }
    if (readQueue.length > 0) {
      startRead(readQueue.shift() as ReadJob);
      return;
    }
    if (hosts.busy) {
      hosts.step(shouldYield);
      return;
    }
    if (pendingRecords.length > 0) {
      planRecords();
      return;
    }
    if (commitNeeded) {
      // Visibility needs computed style: ask once the browser has rendered the changes (its own style pass),
      // never making it style the page inside our task.
      if (!styleReady && unchecked.size > 0) {
        frameWanted = true;
        return;
      }
      commit();
      styleReady = false;
    }
  }

  // --- visibility the browser has not computed yet ----------------------------------------------------

  /**
   * Blocks inside the skipped contents of an off-screen `content-visibility: auto` element, by that element
   * (weakly: a feed cell the page removes takes its entry with it).
   */
  let deferred = new WeakMap<Element, Set<IndexedBlock>>();

  function deferVisibility(skippedBy: Element, item: IndexedBlock): void {
    let items = deferred.get(skippedBy);
    if (items === undefined) {
      items = new Set();
      deferred.set(skippedBy, items);
    }
    items.add(item);
  }

  /** The browser now renders an element's contents: ask again about the blocks inside it. */
  function onContentVisibility(event: Event): void {
    if ((event as Event & { skipped?: boolean }).skipped === true) return;
    const target = event.target as Element;
    const items = deferred.get(target);
    if (items === undefined) return;
    deferred.delete(target);
    for (const item of items) {
      if (!indexed.has(item)) continue;
      item.visible = undefined;
      unchecked.add(item);
      commitNeeded = true;
    }
    if (commitNeeded) schedule();
  }

  // --- commit: derive page findings, diff, notify ---------------------------------------------------

  function spanFor(block: TextBlock, start: number, end: number): FindingSpan {
    const [from, to] = trimSpan(block.text, start, end);
    return { block, start: from, end: to, range: rangeFor(block, from, to) };
  }

  function sameSpans(a: readonly FindingSpan[], b: readonly BlockSpan[]): boolean {
    if (a.length !== b.length) return false;
    return a.every((span, i) => {
      const other = b[i] as BlockSpan;
      return span.block.nodes.length === other.block.nodes.length && span.block.nodes.every((node, j) => node === other.block.nodes[j]) && span.start === other.start && span.end === other.end;
    });
  }

  function idFor(key: string): string {
    let id = idByKey.get(key);
    if (id === undefined) {
      id = `f${nextId++}`;
      idByKey.set(key, id);
    }
    return id;
  }

  function commit(): void {
    commitNeeded = false;
    // A shadow tree's top-level text can leave while its container (the host) stays.
    for (const item of [...indexed]) if (!item.block.container.isConnected || item.block.nodes[0]?.isConnected === false) removeIndexed(item);

    // Story cards around standalone labels.
    const labels: IndexedBlock[] = [];
    for (const item of indexed) {
      if (item.raws.some((raw) => isStandaloneLabel(item.block, raw.finding))) labels.push(item);
    }
    const labelContainers = labels.map((item) => item.block.container);
    const cards = new Map<Element, { card: StoryCard; label: RawFinding; labelBlock: TextBlock }>();
    for (const item of labels) {
      let card: StoryCard | null | undefined = cardCache.get(item.block);
      if (card === undefined) {
        try {
          card = findStoryCard(item.block, labelContainers);
        } catch (error) {
          // One odd card must not cost the page its other findings: the label stays a finding of its own.
          console.debug('[grok-context] story card not read', error);
          card = null;
        }
        if (card !== null) cardCache.set(item.block, card);
      }
      const label = item.raws.find((raw) => isStandaloneLabel(item.block, raw.finding));
      if (card !== null && label !== undefined && !cards.has(card.element)) cards.set(card.element, { card, label, labelBlock: item.block });
    }
    const inCard = (element: Element): boolean => {
      for (let current: Element | null = element; current !== null; current = current.parentElement) {
        if (cards.has(current)) return true;
      }
      return false;
    };

    const next = new Map<string, PageFinding>();
    for (const item of indexed) {
      if (item.visible === undefined) {
        const first = item.raws[0]?.finding;
        const rendering = first === undefined ? undefined : renderState(positionAt(item.block, first.start, 'forward').node);
        item.visible = rendering?.rendered ?? true;
        unchecked.delete(item);
        if (rendering?.skippedBy !== undefined) deferVisibility(rendering.skippedBy, item);
      }
      if (!item.visible) continue;
      const absorbable = cards.size > 0 && inCard(item.block.container);
      for (const raw of item.raws) {
        const finding = raw.finding;
        if (absorbable && finding.kind === 'grok-summary') continue;
        const previous = current.get(raw.key);
        if (previous !== undefined && previous.spans.length === 1 && previous.spans[0]?.block === item.block) {
          next.set(raw.key, previous);
          continue;
        }
        next.set(raw.key, {
          id: idFor(raw.key),
          kind: finding.kind,
          ...(finding.incident !== undefined ? { incident: finding.incident } : {}),
          rule: finding.why.rule,
          text: displayText(finding.text),
          why: finding.why,
          spans: [spanFor(item.block, finding.start, finding.end)],
        });
      }
    }
    for (const [element, { card, label, labelBlock }] of cards) {
      const headlineText = displayText(card.headline.block.text.slice(card.headline.start, card.headline.end));
      const key = `card|${elementId(element)}|${headlineText}`;
      const wanted = [card.headline, ...card.summary];
      const previous = current.get(key);
      if (previous !== undefined && sameSpans(previous.spans, wanted)) {
        next.set(key, previous);
        continue;
      }
      const cardFinding: PageFinding = {
        id: idFor(key),
        kind: 'grok-summary',
        rule: 'site-label',
        text: headlineText,
        why: { rule: 'site-label', variant: label.finding.why.variant, score: 1, lang: label.finding.why.lang },
        spans: wanted.map((span) => spanFor(span.block, span.start, span.end)),
      };
      orderedAt.set(cardFinding, labelBlock);
      next.set(key, cardFinding);
    }
    // Ids survive a filter change (a dismissal undone gets its old id back).
    for (const key of [...idByKey.keys()]) if (!next.has(key)) idByKey.delete(key);
    if (filter !== undefined) {
      for (const [key, finding] of next) {
        let keep = true;
        try {
          keep = filter(finding);
        } catch (error) {
          console.debug('[grok-context] finding filter failed', error);
        }
        if (!keep) next.delete(key);
      }
    }

    const added: PageFinding[] = [];
    const removed: PageFinding[] = [];
    for (const [key, finding] of current) if (next.get(key) !== finding) removed.push(finding);
    for (const [key, finding] of next) if (current.get(key) !== finding) added.push(finding);
    current = next;
    if (added.length === 0 && removed.length === 0) return;

    for (const finding of removed) {
      byId.delete(finding.id);
      for (const span of finding.spans) {
        const list = hitIndex.get(span.block.container);
        if (list === undefined) continue;
        const rest = list.filter((other) => other !== finding);
        if (rest.length === 0) hitIndex.delete(span.block.container);
        else hitIndex.set(span.block.container, rest);
      }
    }
    for (const finding of added) {
      byId.set(finding.id, finding);
      for (const span of finding.spans) {
        const list = hitIndex.get(span.block.container);
        if (list === undefined) hitIndex.set(span.block.container, [finding]);
        else if (!list.includes(finding)) list.push(finding);
      }
    }
    // Keep the document-order list by inserting the few new findings (binary search), never re-sorting the
    // whole page's findings with DOM comparisons on every batch.
    if (removed.length > 0) {
      const gone = new Set(removed);
      ordered = ordered.filter((finding) => !gone.has(finding));
    }
    for (const finding of added) {
      let low = 0;
      let high = ordered.length;
      while (low < high) {
        const middle = (low + high) >> 1;
        if (inDocumentOrder(ordered[middle] as PageFinding, finding, placeOf) <= 0) low = middle + 1;
        else high = middle;
      }
      ordered.splice(low, 0, finding);
    }
    try {
      options.onChange?.({ added, removed });
    } catch (error) {
      console.debug('[grok-context] findings listener failed', error);
    }
  }

  function documentOrder(): PageFinding[] {
    return ordered;
  }

  // --- lifetime ------------------------------------------------------------------------------------

  const observer = new MutationObserver(onRecords);
  observer.observe(document, OBSERVE);
  // Not bubbling: listened for in the capture phase, on the way to the page's element.
  document.addEventListener('contentvisibilityautostatechange', onContentVisibility, { capture: true, passive: true, signal });
  signal.addEventListener(
    'abort',
    () => {
      observer.disconnect();
      deferred = new WeakMap();
      shadowRoots = new WeakSet();
      reader = null;
      readQueue.length = 0;
      matchQueue = [];
      pendingRecords = [];
      indexed.clear();
      unchecked.clear();
      cardCache.clear();
      const removed = [...current.values()];
      current = new Map();
      byId.clear();
      hitIndex.clear();
      ordered = [];
      if (removed.length > 0) {
        try {
          options.onChange?.({ added: [], removed });
        } catch {
          // The listener is going away with us.
        }
      }
      const resolved = waiters;
      waiters = [];
      for (const resolve of resolved) resolve();
    },
    { once: true },
  );
  requestFull();

  return {
    get state(): ScanState {
      return state;
    },
    settled(): Promise<void> {
      if (signal.aborted) return Promise.resolve();
      // Pull in mutations the observer has not delivered yet, so "change the page, then await settled()"
      // always includes the change.
      const records = observer.takeRecords();
      if (records.length > 0) onRecords(records);
      if (!pumping && !hasWork()) return Promise.resolve();
      return new Promise((resolve) => waiters.push(resolve));
    },
    findings: documentOrder,
    findingById: (id) => byId.get(id),
    findingsIn: (container) => hitIndex.get(container),
    rescan: requestFull,
    setMatcher(nextMatcher, nextKinds): void {
      matcher = nextMatcher;
      kinds = nextKinds;
      requestFull();
    },
    setFilter(nextFilter): void {
      filter = nextFilter;
      commitNeeded = true;
      schedule();
    },
  };
}
