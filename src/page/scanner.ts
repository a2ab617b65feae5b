/**
 * The page scanner: reads the page's text in blocks, runs the matcher, and keeps the list of findings in
 * step with the page as it changes.
 *
 * - First scan: the whole document, read and matched in time slices (≈6 ms) that yield to the page.
 * - Then: MutationObserver batches. Each batch is reduced to the subtrees that changed (an added block
 *   element is read on its own; a changed inline run re-reads only its container's own text, not nested
 *   blocks), so the work is proportional to what changed, not to the page. A batch touching 1000+ nodes
 *   (the threshold darkreader uses) is cheaper as one full rescan.
 * - Only text the matcher's candidate filter lets through is matched. What matching needs and may still have
 *   to load (the matcher's matching part, `Matcher.whenReady`, and the scanner's `MatchingParts`: the findings
 *   index, and the stream reader) is asked for at the first candidate the reader marks and waited for before
 *   matching, so a page without a candidate never loads it. A matcher without a filter matches all text: what
 *   matching needs is then waited for before the first read (the stream reader is one of the parts).
 * - What was found is kept by the findings index (./findings.ts): page findings with stable ids, in document
 *   order, story cards and visibility included; each commit says what was added and removed.
 *
 * Everything is tied to one AbortSignal. `settled()` resolves when no work is pending (tests await it).
 */
import { hasAnchor } from '../core/prefilter';
import type { FindingKind, Matcher } from '../core/types';
import type { CreateFindingsIndex, FindingsChange, FindingsIndex, PageFinding } from './findings';
import { createShadowHostFinder } from './shadow-hosts';
import { BLOCK_SEPARATOR } from './text-rules';
import {
  HOST_TAG,
  asShadowRoot,
  blockContainerOf,
  BlockReader,
  SparseReader,
  type ReadOptions,
  isBlockElement,
  isSkippedElement,
  type ReadRoot,
  type TextBlock,
  type TextReader,
} from './text-index';

export type ScanState = 'scanning' | 'settled';

/** What the scanner needs once the page has text to match (./matching-parts.ts; the matcher's bundle has them). */
export interface MatchingParts {
  /** Makes the findings index (./findings.ts). */
  createFindingsIndex: CreateFindingsIndex;
  /** The reader of whole subtrees for a matcher without a candidate filter (./stream-reader.ts). */
  createStreamReader(root: ReadRoot, options: Omit<ReadOptions, 'shallow' | 'candidates'>): TextReader;
}

export interface ScannerOptions {
  document: Document;
  matcher: Matcher;
  kinds?: readonly FindingKind[];
  signal: AbortSignal;
  /**
   * What matching needs, asked for with the first candidate: at once, or a promise while it loads (the content
   * script has it in the matcher's bundle). A failed load rejects, and the next candidate asks again.
   */
  matchingParts(): MatchingParts | Promise<MatchingParts>;
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

export function createScanner(options: ScannerOptions): Scanner {
  const { document, signal } = options;
  const sliceMs = options.sliceMs ?? DEFAULT_SLICE_MS;
  const hugeBatch = options.hugeBatch ?? DEFAULT_HUGE_BATCH;
  let matcher = options.matcher;
  let kinds = options.kinds;
  let filter = options.filter;

  /**
   * What the matcher found, kept with the page (./findings.ts): made when the page first has a candidate to match
   * (made from `options.matchingParts`); until then nothing is indexed, so nothing is dropped or committed.
   */
  let index: FindingsIndex | null = null;
  let parts: MatchingParts | null = null;
  let partsLoading: Promise<void> | null = null;

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
  /** A commit is wanted besides what the index has changed (a new filter, a full rescan). */
  let commitNeeded = false;
  let pumping = false;
  let state: ScanState = 'scanning';
  let waiters: Array<() => void> = [];

  /** Drops the blocks of a container's own text (see `FindingsIndex.removeContainer`). */
  function removeContainer(container: Element): void {
    // A shadow host owns the top-level text of its shadow tree too: that is re-read with the shadow root.
    index?.removeContainer(container, watchingShadows);
  }

  /** A rendering has passed since the blocks not yet checked for visibility came (see `commit`). */
  let styleReady = false;
  let frameWanted = false;
  /** What matching waits for (the matcher's and the matching parts' loading): blocks to match wait for it. */
  let stageWanted: Promise<void> | null = null;

  // --- reading and matching ------------------------------------------------------------------------

  function startRead(job: ReadJob): void {
    // A shadow root is read again whole, and a sparse read enters only the blocks that may hold a finding (nor is
    // a shadow root's top-level text its host's own re-read): drop what was found anywhere under it. An element
    // read deep needs no sweep: it was added (what was found in it went when it was removed: `planRecords`), its
    // attributes changed (swept there), or it is the whole page (the index was cleared).
    if (job.root.nodeType === 11 && index !== null && !index.empty) index.sweepUnder(job.root);
    const readOptions = { onBlockElement: removeContainer };
    const candidates = matcher.candidates;
    reader = {
      job,
      reader: job.shallow
        ? new BlockReader(job.root, { ...readOptions, shallow: true })
        : candidates != null
          ? new SparseReader(job.root, candidates, readOptions)
          : // A read of all text waited for the matching parts (see `unitOfWork`).
            (parts as MatchingParts).createStreamReader(job.root, readOptions),
    };
  }

  /** Whether the next read needs what matching needs (all text is matched: see `unitOfWork`). */
  function readsAll(job: ReadJob): boolean {
    return !job.shallow && matcher.candidates == null;
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
    (index as FindingsIndex).match(blocks, matcher, kinds);
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
        // The tree is swept when read again; a node moved out of it (into the page) takes its findings along.
        if (record.type === 'childList') for (const node of record.removedNodes) index?.removeUnder(node);
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
        index?.removeUnder(node);
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
        if (swept.has(root)) index?.sweepUnder(root);
        continue;
      }
      if (!keep(root, true)) continue;
      if (swept.has(root)) index?.sweepUnder(root);
      roots.push({ root, shallow: false });
    }
    for (const root of shallow) {
      if (keep(root, false)) roots.push({ root, shallow: true });
      else if (!root.isConnected) removeContainer(root);
    }
    for (const tree of shadows) if (tree.isConnected) roots.push({ root: tree, shallow: false });
    // Cached story cards touching a changed subtree are found again.
    index?.forgetCardsTouching(roots.map((job) => job.root));
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
    index?.clear();
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
      commitNeeded ||
      index?.changed === true
    );
  }

  function setState(next: ScanState): void {
    if (state === next && next === 'scanning') return;
    state = next;
    try {
      options.onState?.(next, index?.count ?? 0);
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
    // Start in a task of its own: never run scan work (and callbacks) inside the caller's own call, nor make the
    // caller's task longer — the page's task that changed the DOM (a mutation batch is delivered at its end) or
    // the content script's start.
    await yieldToPage();
    try {
      while (!signal.aborted && hasWork()) {
        const sliceEnd = performance.now() + sliceMs;
        const shouldYield = (): boolean => performance.now() >= sliceEnd;
        do {
          unitOfWork(shouldYield);
        } while (!signal.aborted && hasWork() && !shouldYield() && !frameWanted && stageWanted === null);
        if (stageWanted !== null) {
          const loading = stageWanted;
          stageWanted = null;
          await loading.catch((error: unknown) => {
            // Nothing can be matched: what was read for it is dropped, and what was to be read for it (a new
            // matcher rescans; a later change's candidate asks for failed parts again).
            if (!signal.aborted) console.debug('[grok-context] the matcher could not be loaded', error);
            matchQueue = [];
            matchPos = 0;
            if (readQueue.some(readsAll)) readQueue.splice(0, readQueue.length, ...readQueue.filter((job) => !readsAll(job)));
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
      stageWanted = null;
    } finally {
      pumping = false;
    }
    if (signal.aborted) return;
    setState('settled');
    const resolved = waiters;
    waiters = [];
    for (const resolve of resolved) resolve();
  }

  /** The matching parts' loading, started when they have still to be had (one load however often asked). */
  function partsReady(): Promise<void> | null {
    if (parts !== null) return null;
    if (partsLoading !== null) return partsLoading;
    const take = (loaded: MatchingParts): void => {
      parts = loaded;
      index = loaded.createFindingsIndex();
    };
    const loading = options.matchingParts();
    if (!(loading instanceof Promise)) {
      take(loading);
      return null;
    }
    partsLoading = loading.then(
      (loaded) => {
        partsLoading = null;
        if (parts === null) take(loaded);
      },
      (error: unknown) => {
        partsLoading = null;
        throw error;
      },
    );
    return partsLoading;
  }

  /**
   * What matching waits for: the matcher's loading (`Matcher.whenReady`) and the matching parts', started when
   * still to be done; null when both are here.
   */
  function stageReady(): Promise<void> | null {
    const matcherLoading = matcher.whenReady?.() ?? null;
    const loading = partsReady();
    if (matcherLoading === null) return loading;
    return loading === null ? matcherLoading : Promise.all([matcherLoading, loading]).then(() => undefined);
  }

  /** Starts the loads matching needs (see `stageReady`). */
  function prepareMatching(): void {
    // A failed load is reported when the pump waits for it, before matching.
    stageReady()?.catch(() => undefined);
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
      if (matchPos < matchQueue.length || active.reader.holdsCandidates) prepareMatching();
      if (done) {
        reader = null;
        if (active.reader.interrupted && active.job.root.isConnected) readQueue.unshift(active.job);
        else if (!active.job.shallow && (active.job.whole !== true || active.reader.sawComponents || watchingShadows)) hosts.search(active.job.root);
      }
      return;
    }
    if (matchPos < matchQueue.length) {
      // The first candidate of a page whose matcher is still to be loaded: the pump waits for it.
      const loading = stageReady();
      if (loading !== null) stageWanted = loading;
      else matchChunk();
      return;
    }
    if (readQueue.length > 0) {
      // Without a candidate filter all text is matched: what matching needs is waited for before the read.
      const loading = readsAll(readQueue[0] as ReadJob) ? stageReady() : null;
      if (loading !== null) stageWanted = loading;
      else startRead(readQueue.shift() as ReadJob);
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
    if (commitNeeded || index?.changed === true) {
      // Visibility needs computed style: ask once the browser has rendered the changes (its own style pass),
      // never making it style the page inside our task.
      if (!styleReady && index?.unchecked === true) {
        frameWanted = true;
        return;
      }
      commit();
      styleReady = false;
    }
  }

  /** The browser now renders an element's contents: blocks inside it whose visibility was put off are checked again. */
  function onContentVisibility(event: Event): void {
    if (index === null) return;
    index.contentVisibilityChanged(event);
    if (index.changed) schedule();
  }

  // --- commit: the index's findings, notified -------------------------------------------------------

  function commit(): void {
    commitNeeded = false;
    const change = index?.commit(filter) ?? null;
    if (change === null) return;
    try {
      options.onChange?.(change);
    } catch (error) {
      console.debug('[grok-context] findings listener failed', error);
    }
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
      shadowRoots = new WeakSet();
      reader = null;
      readQueue.length = 0;
      matchQueue = [];
      pendingRecords = [];
      const removed = index?.dispose() ?? [];
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
    findings: () => index?.findings() ?? [],
    findingById: (id) => index?.findingById(id),
    findingsIn: (container) => index?.findingsIn(container),
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
