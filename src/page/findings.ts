/**
 * The page's findings, kept by the scanner (./scanner.ts) from the blocks it reads: what matching found in each
 * block, turned into page findings with stable ids, ordered as the page is, with the page's story cards and the
 * visibility of each block's text taken into account.
 *
 * The scanner reads and watches the page; this keeps and commits what its matcher finds. Only a page with a
 * candidate has anything to keep, so the content script loads this part with the matcher's bundle
 * (entrypoints/matcher-stage.ts): until then nothing is indexed, and a scanner without an index has nothing to
 * drop, sweep or commit.
 *
 * - Blocks that hold raw findings are indexed (only those: a page's other text is read, matched and dropped).
 * - A commit derives the page findings from the indexed blocks that are visible, diffs them against the last
 *   commit's and says what was added and removed.
 * - X's story cards (./story-cards.ts) turn a standalone label into one finding over the card's headline and
 *   summary; the label's and any mention findings inside the card are absorbed into it.
 * - Findings whose text leaves the page disappear at the next commit.
 */
import type { Finding, FindingKind, MatchReason, MatchRule, Matcher } from '../core/types';
import { findStoryCard, isStandaloneLabel, type BlockSpan, type StoryCard } from './story-cards';
import { BLOCK_SEPARATOR } from './text-rules';
import { displayText, positionAt, rangeFor, renderState, shadowRootsAbove, trimSpan, type ReadRoot, type TextBlock } from './text-index';

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

export interface FindingsIndex {
  /** Whether any block is indexed. */
  readonly empty: boolean;
  /** Whether a commit would change something: a block was indexed or dropped, or its visibility is to be known again. */
  readonly changed: boolean;
  /** Whether a commit has to compute the visibility of blocks indexed since the last one (it needs computed style). */
  readonly unchecked: boolean;
  /** Matches the text of `blocks` (in the page's order) and indexes those with findings. */
  match(blocks: readonly TextBlock[], matcher: Matcher, kinds: readonly FindingKind[] | undefined): void;
  /**
   * Drops the blocks of `container`'s own text. `ownTreeOnly`: a shadow host's blocks from its shadow tree's
   * top-level text stay (they are re-read with the shadow root).
   */
  removeContainer(container: Element, ownTreeOnly: boolean): void;
  /** Drops what was indexed inside a subtree that left the page (walks only that subtree). */
  removeUnder(root: Node): void;
  /** Drops what was indexed under `root`, hidden parts included (a reader will not enter there). */
  sweepUnder(root: ReadRoot): void;
  /** Drops every indexed block (a full rescan follows). */
  clear(): void;
  /** Forgets the story cards a changed subtree touches (they are found again at the next commit). */
  forgetCardsTouching(roots: readonly ReadRoot[]): void;
  /** An element's `contentvisibilityautostatechange`: blocks inside it whose visibility was put off are checked again. */
  contentVisibilityChanged(event: Event): void;
  /** Derives the page findings, keeps those `filter` keeps, and returns what changed (null: nothing). */
  commit(filter: ((finding: PageFinding) => boolean) | undefined): FindingsChange | null;
  /** Current findings in document order. */
  findings(): readonly PageFinding[];
  readonly count: number;
  findingById(id: string): PageFinding | undefined;
  /** Findings with a span in this block container (for hit-testing). */
  findingsIn(container: Element): readonly PageFinding[] | undefined;
  /** Drops everything; returns the findings there were. */
  dispose(): PageFinding[];
}

/** Makes a findings index (what the matcher's bundle provides to the scanner). */
export type CreateFindingsIndex = () => FindingsIndex;

interface RawFinding {
  readonly finding: Finding;
  /** Identity within the container: kind, incident, rule, text and occurrence. */
  readonly key: string;
}

interface IndexedBlock {
  readonly block: TextBlock;
  readonly raws: RawFinding[];
  /** The raw finding that is a story card's standalone label (`isStandaloneLabel`), if one is. */
  readonly label: RawFinding | undefined;
  /** Computed style check, done once per block at commit (see `renderState`). */
  visible?: boolean;
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

/** The story cards of a commit, by their element: each with the label it was found around. */
type CardsByElement = Map<Element, { card: StoryCard; label: RawFinding; labelBlock: TextBlock }>;

function sameCards(a: CardsByElement, b: CardsByElement | null): boolean {
  if (b === null || a.size !== b.size) return false;
  for (const [element, { card, label }] of a) {
    const other = b.get(element);
    if (other === undefined || other.card !== card || other.label !== label) return false;
  }
  return true;
}

/** Whether `filter` keeps `finding` (a filter that throws keeps it). */
function kept(filter: ((finding: PageFinding) => boolean) | undefined, finding: PageFinding): boolean {
  if (filter === undefined) return true;
  try {
    return filter(finding);
  } catch (error) {
    console.debug('[grok-context] finding filter failed', error);
    return true;
  }
}

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

export function createFindingsIndex(): FindingsIndex {
  const indexed = new Set<IndexedBlock>();
  /** Indexed blocks with a story card's label (see `IndexedBlock.label`). */
  const labelled = new Set<IndexedBlock>();
  /**
   * Indexed blocks in a shadow tree: they leave with their host, which `removeUnder` does not walk into, and a
   * tree's top-level text can leave while its container (the host) stays.
   */
  const inShadowTree = new Set<IndexedBlock>();
  const byContainer = new WeakMap<Element, IndexedBlock[]>();
  /** Indexed blocks whose visibility is not known yet. */
  const unchecked = new Set<IndexedBlock>();
  let changed = false;

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
  /** Every finding derived at the last commit, by key, before the filter (null: none yet). */
  let derived: Map<string, PageFinding> | null = null;
  /** The keys of `derived` each block gave. */
  const given = new WeakMap<IndexedBlock, string[]>();
  /** Keys given by blocks dropped since the last commit. */
  let dropped: string[] = [];
  let lastCards: CardsByElement | null = null;
  let lastFilter: ((finding: PageFinding) => boolean) | undefined;
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
    labelled.delete(item);
    inShadowTree.delete(item);
    const keys = given.get(item);
    if (keys !== undefined) for (const key of keys) dropped.push(key);
    cardCache.delete(item.block);
    const list = byContainer.get(item.block.container);
    if (list === undefined) return;
    const rest = list.filter((other) => other !== item);
    if (rest.length === 0) byContainer.delete(item.block.container);
    else byContainer.set(item.block.container, rest);
    changed = true;
  }

  function removeContainer(container: Element, ownTreeOnly: boolean): void {
    const list = byContainer.get(container);
    if (list === undefined) return;
    const tree = ownTreeOnly ? container.getRootNode() : null;
    for (const item of list) if (tree === null || item.block.nodes[0]?.getRootNode() === tree) removeIndexed(item);
  }

  function addIndexed(block: TextBlock, findings: Finding[]): void {
    const containerId = elementId(block.container);
    const seen = new Map<string, number>();
    const raws = findings.map((finding): RawFinding => {
      const base = `${containerId}|${finding.kind}|${finding.incident ?? ''}|${finding.why.rule}|${displayText(finding.text)}`;
      const count = (seen.get(base) ?? 0) + 1;
      seen.set(base, count);
      return { finding, key: `${base}|${count}` };
    });
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
    }
    const item: IndexedBlock = { block, raws, label: raws.find((raw) => isStandaloneLabel(block, raw.finding)) };
    if (list !== undefined) list.push(item);
    else byContainer.set(block.container, [item]);
    indexed.add(item);
    unchecked.add(item);
    if (item.label !== undefined) labelled.add(item);
    if (block.nodes[0]?.getRootNode().nodeType === 11) inShadowTree.add(item);
    changed = true;
  }

  function match(blocks: readonly TextBlock[], matcher: Matcher, kinds: readonly FindingKind[] | undefined): void {
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

  function contentVisibilityChanged(event: Event): void {
    if ((event as Event & { skipped?: boolean }).skipped === true) return;
    const target = event.target as Element;
    const items = deferred.get(target);
    if (items === undefined) return;
    deferred.delete(target);
    for (const item of items) {
      if (!indexed.has(item)) continue;
      item.visible = undefined;
      unchecked.add(item);
      changed = true;
    }
  }

  // --- commit: derive page findings, diff ---------------------------------------------------------

  function idFor(key: string): string {
    let id = idByKey.get(key);
    if (id === undefined) {
      id = `f${nextId++}`;
      idByKey.set(key, id);
    }
    return id;
  }

  /** Checks a block's visibility once its style is computed (see `renderState`). */
  function checkVisibility(item: IndexedBlock): void {
    if (item.visible !== undefined) return;
    const first = item.raws[0]?.finding;
    const rendering = first === undefined ? undefined : renderState(positionAt(item.block, first.start, 'forward').node);
    item.visible = rendering?.rendered ?? true;
    unchecked.delete(item);
    if (rendering?.skippedBy !== undefined) deferVisibility(rendering.skippedBy, item);
  }

  /**
   * Puts a visible block's page findings into `into` (a summary inside a story card, `absorbableOf`, is the card's)
   * and returns their keys. A finding whose block is the same as before keeps its object (`previousOf`).
   */
  function deriveBlock(
    item: IndexedBlock,
    absorbableOf: (item: IndexedBlock) => boolean,
    previousOf: (key: string) => PageFinding | undefined,
    into: Map<string, PageFinding>,
  ): string[] {
    if (item.visible !== true) return [];
    const absorbable = absorbableOf(item);
    const keys: string[] = [];
    for (const raw of item.raws) {
      const finding = raw.finding;
      if (absorbable && finding.kind === 'grok-summary') continue;
      keys.push(raw.key);
      const previous = previousOf(raw.key);
      if (previous !== undefined && previous.spans.length === 1 && previous.spans[0]?.block === item.block) {
        into.set(raw.key, previous);
        continue;
      }
      into.set(raw.key, {
        id: idFor(raw.key),
        kind: finding.kind,
        ...(finding.incident !== undefined ? { incident: finding.incident } : {}),
        rule: finding.why.rule,
        text: displayText(finding.text),
        why: finding.why,
        spans: [spanFor(item.block, finding.start, finding.end)],
      });
    }
    return keys;
  }

  function commit(filter: ((finding: PageFinding) => boolean) | undefined): FindingsChange | null {
    // Blocks of a shadow tree that left the page are dropped here, as part of this commit (so `changed` is cleared
    // after); other blocks leave with their container (`removeUnder`).
    for (const item of [...inShadowTree]) if (!item.block.container.isConnected || item.block.nodes[0]?.isConnected === false) removeIndexed(item);
    changed = false;

    // Story cards around standalone labels.
    const labels = [...labelled];
    const labelContainers = labels.map((item) => item.block.container);
    const cards: CardsByElement = new Map();
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
      const label = item.label as RawFinding;
      if (card !== null && !cards.has(card.element)) cards.set(card.element, { card, label, labelBlock: item.block });
    }
    const inCard = (element: Element): boolean => {
      for (let current: Element | null = element; current !== null; current = current.parentElement) {
        if (cards.has(current)) return true;
      }
      return false;
    };

    // Only blocks indexed or shown since the last commit are derived again, and only their findings compared, while
    // the story cards and the filter are those of the last commit; else every block is (a batch of ten posts
    // costs the same on a page of a thousand findings as on a page of ten).
    const added: PageFinding[] = [];
    const removed: PageFinding[] = [];
    const absorbableOf = (item: IndexedBlock): boolean =>
      // Only a summary finding can be absorbed into a card: the walk up is not made for the others.
      cards.size > 0 && item.raws.some((raw) => raw.finding.kind === 'grok-summary') && inCard(item.block.container);
    if (derived !== null && filter === lastFilter && sameCards(cards, lastCards)) {
      const touched = new Set<string>(dropped);
      const previous = new Map<string, PageFinding>();
      const forget = (key: string): void => {
        const finding = derived?.get(key);
        if (finding !== undefined) previous.set(key, finding);
        derived?.delete(key);
        touched.add(key);
      };
      for (const key of dropped) forget(key);
      for (const item of [...unchecked]) {
        for (const key of given.get(item) ?? []) forget(key);
        checkVisibility(item);
        const keys = deriveBlock(item, absorbableOf, (key) => previous.get(key) ?? current.get(key), derived);
        given.set(item, keys);
        for (const key of keys) touched.add(key);
      }
      for (const key of touched) {
        const finding = derived.get(key);
        if (finding === undefined) idByKey.delete(key);
        const keep = finding !== undefined && kept(filter, finding);
        const was = current.get(key);
        if (was !== undefined && (!keep || was !== finding)) {
          removed.push(was);
          current.delete(key);
        }
        if (keep && was !== finding) {
          added.push(finding);
          current.set(key, finding);
        }
      }
    } else {
      const next = new Map<string, PageFinding>();
      for (const item of indexed) {
        checkVisibility(item);
        given.set(item, deriveBlock(item, absorbableOf, (key) => current.get(key), next));
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
      derived = new Map(next);
      if (filter !== undefined) for (const [key, finding] of next) if (!kept(filter, finding)) next.delete(key);
      for (const [key, finding] of current) if (next.get(key) !== finding) removed.push(finding);
      for (const [key, finding] of next) if (current.get(key) !== finding) added.push(finding);
      current = next;
    }
    dropped = [];
    lastCards = cards;
    lastFilter = filter;
    if (added.length === 0 && removed.length === 0) return null;

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
    return { added, removed };
  }

  return {
    get empty(): boolean {
      return indexed.size === 0;
    },
    get changed(): boolean {
      return changed;
    },
    get unchecked(): boolean {
      return unchecked.size > 0;
    },
    match,
    removeContainer,
    removeUnder(root): void {
      if (root.nodeType !== 1 || indexed.size === 0) return;
      removeContainer(root as Element, false);
      const walker = (root.ownerDocument as Document).createTreeWalker(root, 1 /* NodeFilter.SHOW_ELEMENT */);
      for (let node = walker.nextNode(); node !== null; node = walker.nextNode()) removeContainer(node as Element, false);
    },
    sweepUnder(root): void {
      // A shadow root's blocks are those of its tree's text (its top-level text's container is the host, outside it).
      const under = root.nodeType === 1 ? (item: IndexedBlock) => root.contains(item.block.container) : (item: IndexedBlock) => root.contains(item.block.nodes[0] ?? null);
      for (const item of [...indexed]) if (under(item)) removeIndexed(item);
    },
    clear(): void {
      for (const item of [...indexed]) removeIndexed(item);
      cardCache.clear();
      changed = true;
    },
    forgetCardsTouching(roots): void {
      for (const [block, card] of [...cardCache]) {
        const touched = roots.some((root) => root.contains(card.element) || card.element.contains(root));
        if (touched || !card.element.isConnected) cardCache.delete(block);
      }
    },
    contentVisibilityChanged,
    commit,
    findings: () => ordered,
    get count(): number {
      return current.size;
    },
    findingById: (id) => byId.get(id),
    findingsIn: (container) => hitIndex.get(container),
    dispose(): PageFinding[] {
      deferred = new WeakMap();
      indexed.clear();
      labelled.clear();
      inShadowTree.clear();
      unchecked.clear();
      cardCache.clear();
      const removed = [...current.values()];
      current = new Map();
      derived = null;
      dropped = [];
      lastCards = null;
      byId.clear();
      hitIndex.clear();
      ordered = [];
      return removed;
    },
  };
}
