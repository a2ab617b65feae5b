/**
 * One period of checking a page (from start, or from un-pausing, until pause, site-disable or the
 * extension going away): scanner + highlights + card + hover, all tied to one AbortSignal.
 *
 * Our host element (`<gc-root>`, the card's shadow host) is added once the first scan has run, even when
 * nothing was found; it carries the scanner's state for tests and tools:
 * `<gc-root data-state="scanning|settled" data-findings="N">`.
 */
import type { FindingKind, Matcher } from '../../src/core/types';
import type { PageFinding } from '../../src/page/findings';
import type { HighlightStyle, Highlighter } from '../../src/page/highlighter';
import { createScanner, type MatchingParts, type ScanState } from '../../src/page/scanner';
import { composedParent, liveRange } from '../../src/page/text-index';
import { createCardHost, type CardHost, type CreateCardUi } from '../../src/ui/card/card-host';
import type { CardModel } from '../../src/ui/card/card-model';
import type { LoadStage, MatcherStage } from './matcher-stage-loader';

export interface PageSessionOptions {
  document: Document;
  signal: AbortSignal;
  matcher: Matcher;
  /**
   * The matcher's bundle (./matcher-stage-loader.ts): the findings index, the highlights and the hover come with
   * it, loaded with the page's first candidate.
   */
  loadStage: LoadStage;
  kinds: readonly FindingKind[];
  style: HighlightStyle;
  filter: ((finding: PageFinding) => boolean) | undefined;
  /** The card for a finding; a promise while the incident's details are still coming from the background. */
  cardModel(finding: PageFinding): CardModel | Promise<CardModel>;
  /** The card itself: at once once loaded, else a promise while it loads (card-ui-loader.ts). */
  cardUi(): CreateCardUi | Promise<CreateCardUi>;
  /** The findings changed (or the first scan finished): report them. */
  onFindings(findings: readonly PageFinding[]): void;
  onDismiss(model: CardModel): void;
  /**
   * A link to one of the extension's own pages was clicked in the card. Web pages may not navigate to
   * extension pages (they are not web-accessible, so pages cannot probe for the extension): the background
   * opens it instead.
   */
  onOpenExtensionPage(url: string): void;
  /** Origin-and-path prefix of the extension's pages, e.g. chrome-extension://<id>/. */
  extensionBase: string;
}

export interface PageSession {
  setStyle(style: HighlightStyle): void;
  setFilter(filter: ((finding: PageFinding) => boolean) | undefined): void;
  setMatcher(matcher: Matcher, kinds: readonly FindingKind[]): void;
  rescan(): void;
  /** Scrolls to a finding and opens its card; false when there is no such finding. */
  show(id: string): boolean;
  step(direction: 'next' | 'previous'): boolean;
}

export function startPageSession(options: PageSessionOptions): PageSession {
  const { document, signal } = options;
  let style = options.style;
  /** The matcher's bundle, once the scanner has had its matching parts from it. */
  let stage: MatcherStage | null = null;
  const matchingParts = (): MatchingParts | Promise<MatchingParts> => {
    const take = (loaded: MatcherStage): MatchingParts => (stage = loaded);
    const loading = options.loadStage();
    return loading instanceof Promise ? loading.then(take) : take(loading);
  };
  /**
   * Painting and the pointer's and keyboard's listeners start with the page's first finding: a page without one
   * (most pages) registers no highlight and does not listen to its pointer or keys. A finding comes from the
   * findings index, one of the matching parts, so the bundle they come with is loaded by then.
   */
  let highlighter: Highlighter | null = null;
  function painter(): Highlighter {
    if (highlighter === null) {
      if (stage === null) throw new Error('a finding before the matcher bundle was loaded');
      highlighter = stage.createHighlighter({ signal, style });
      listenForCards(stage);
    }
    return highlighter;
  }
  let cardHost: CardHost | null = null;
  let openId: string | null = null;
  /** Bumped by every open and by the pointer leaving: a card whose details come late opens only if still wanted. */
  let opening = 0;

  function host(): CardHost {
    if (cardHost !== null) return cardHost;
    const created = createCardHost({ document, signal, onDismiss: options.onDismiss });
    // On the host, not its shadow root (made with the first card): clicks in the card reach it composed.
    created.host.addEventListener(
      'click',
      (event) => {
        const target = event.composedPath()[0];
        const link = target instanceof Element ? target.closest('a') : null;
        if (link === null || !link.href.startsWith(options.extensionBase)) return;
        event.preventDefault();
        options.onOpenExtensionPage(link.href);
      },
      { signal },
    );
    cardHost = created;
    return created;
  }

  const scanner = createScanner({
    document,
    signal,
    matcher: options.matcher,
    matchingParts,
    kinds: options.kinds,
    filter: options.filter,
    onChange(change) {
      if (highlighter === null && change.added.length === 0) return;
      painter().update(change);
      // A finding whose text left the page takes its card with it.
      if (openId !== null && scanner.findingById(openId) === undefined) {
        if (cardHost?.isOpen()) cardHost.close();
        openId = null;
      }
    },
    onState(state: ScanState, count: number) {
      if (state === 'settled') {
        host();
        options.onFindings(scanner.findings());
      }
      if (cardHost !== null) {
        cardHost.host.dataset.state = state;
        cardHost.host.dataset.findings = String(count);
      }
    },
    onHostRemoved() {
      cardHost?.ensureAttached();
    },
  });

  function open(finding: PageFinding, range: AbstractRange, via: 'pointer' | 'keyboard'): void {
    openId = finding.id;
    const anchor = liveRange(range);
    const token = ++opening;
    const show = (model: CardModel, ui: CreateCardUi): void => {
      if (token === opening && openId === finding.id && !signal.aborted) host().open(model, anchor, via, ui);
    };
    const model = options.cardModel(finding);
    const ui = options.cardUi();
    if (model instanceof Promise || ui instanceof Promise) {
      Promise.all([model, ui]).then(
        ([known, loaded]) => show(known, loaded),
        (error: unknown) => console.debug('[grok-context] no card', error),
      );
    } else show(model, ui);
  }

  function listenForCards(loaded: MatcherStage): void {
    // The keyboard emphasis goes when its card closes (Esc, a click elsewhere).
    // The card's own listeners (on window, capture) run first; check once they are done.
    const clearActiveIfClosed = (): void => {
      queueMicrotask(() => {
        if (!cardHost?.isOpen()) highlighter?.setActive(null);
      });
    };
    document.addEventListener('keydown', (event) => event.key === 'Escape' && clearActiveIfClosed(), { capture: true, signal });
    document.addEventListener('pointerdown', clearActiveIfClosed, { capture: true, passive: true, signal });
    loaded.watchHover({
      document,
      signal,
      findingsIn: scanner.findingsIn,
      hasFindings: () => scanner.findings().length > 0,
      onEnter(hit) {
        highlighter?.setActive(null);
        open(hit.finding, hit.span.range, 'pointer');
      },
      onLeave() {
        // The pointer left before the card's details came: that card is no longer wanted.
        opening += 1;
        cardHost?.pointerLeftAnchor();
      },
    });
  }

  function show(id: string): boolean {
    const finding = scanner.findingById(id);
    const span = finding?.spans[0];
    if (finding === undefined || span === undefined) return false;
    const element = composedParent(span.range.startContainer);
    element?.scrollIntoView({ block: 'center', inline: 'nearest', behavior: 'instant' });
    painter().setActive(finding);
    open(finding, span.range, 'keyboard');
    return true;
  }

  return {
    setStyle(next) {
      style = next;
      highlighter?.setStyle(next);
    },
    setFilter: (filter) => scanner.setFilter(filter),
    setMatcher: (matcher, kinds) => scanner.setMatcher(matcher, kinds),
    rescan: () => scanner.rescan(),
    show,
    step(direction): boolean {
      const findings = scanner.findings();
      if (findings.length === 0) return false;
      const at = openId === null ? -1 : findings.findIndex((finding) => finding.id === openId);
      const index =
        at < 0 ? (direction === 'next' ? 0 : findings.length - 1) : (at + (direction === 'next' ? 1 : -1) + findings.length) % findings.length;
      return show((findings[index] as PageFinding).id);
    },
  };
}
