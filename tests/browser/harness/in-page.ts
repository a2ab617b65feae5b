/**
 * Code that runs inside a browser (page main world, extension pages, the background service worker),
 * shared by the Chromium (playwright-core) and Firefox (puppeteer-core) harnesses.
 *
 * Functions are sent as source text: tsx compiles with esbuild's keepNames, which wraps inner functions in a
 * `__name(...)` helper that does not exist in the browser, so `inPage` defines a no-op `__name` around them.
 */

/** Source text of an expression that calls `fn(arg)` in the browser (and yields its awaited result). */
export function inPage<A>(fn: (arg: A) => unknown, arg?: A): string {
  return `(() => { const __name = (f) => f; return (${fn.toString()})(${JSON.stringify(arg ?? null)}); })()`;
}

/** The slice of the tabs API that `findTabInPage` calls (`browser.tabs` in Firefox, `chrome.tabs` in Chromium). */
interface TabsApi {
  query(q: object): Promise<{ id?: number; url?: string }[]>;
}

/**
 * In an extension context (Chromium's service worker, a Firefox extension page): the id of the tab showing
 * `url`, or -1. Tab URLs are visible to the extension only with host access; without it the tab is the single
 * active tab of the last focused window (the caller brings it to the front first).
 */
export async function findTabInPage(url: string): Promise<number> {
  const api = globalThis as unknown as { browser?: { tabs: TabsApi }; chrome: { tabs: TabsApi } };
  const tabs = api.browser?.tabs ?? api.chrome.tabs;
  const byUrl = (await tabs.query({})).filter((t) => t.url === url);
  if (byUrl.length === 1) return byUrl[0]?.id ?? -1;
  const active = await tabs.query({ active: true, lastFocusedWindow: true });
  return active.length === 1 && (active[0]?.url === undefined || active[0].url === url) ? (active[0]?.id ?? -1) : -1;
}

/** A mutation of the page's own DOM that the page's scripts did not make. */
export type ForeignMutation = string;

declare global {
  interface Window {
    /** Runs a page script's own DOM change, so the mutation recorder can tell it from anyone else's. */
    __gcPageWrite?: <T>(change: () => T) => T;
    /** Mutations of the page's DOM (outside `<gc-root>`) that the page itself did not make. */
    __gcForeignMutations?: () => ForeignMutation[];
  }
}

/**
 * Init script for the page's main world, run before the page's scripts. Records every DOM mutation that is
 * neither inside nor of `<gc-root>` and was not made through `window.__gcPageWrite` (the fixtures route their
 * own dynamic changes through it). Records made while the parser builds the document are dropped.
 */
export function mutationRecorder(): void {
  const log: string[] = [];
  const isOurs = (node: Node | null): boolean => {
    for (let n: Node | null = node; n; n = n.parentNode ?? (n instanceof ShadowRoot ? n.host : null)) {
      if (n.nodeName === 'GC-ROOT') return true;
    }
    return false;
  };
  const path = (node: Node): string => {
    const parts: string[] = [];
    for (let n: Node | null = node; n && n.nodeType !== Node.DOCUMENT_NODE; n = n.parentNode) {
      parts.unshift(n instanceof Element ? n.localName + (n.id ? '#' + n.id : '') : n.nodeName);
    }
    return parts.join('>');
  };
  // The parser's own insertions are not mutations anyone made to a finished page.
  let recording = document.readyState !== 'loading';
  const keep = (records: MutationRecord[]): void => {
    if (!recording) return;
    for (const r of records) {
      if (isOurs(r.target)) continue;
      if (r.type === 'childList') {
        const added = [...r.addedNodes].filter((n) => n.nodeName !== 'GC-ROOT');
        const removed = [...r.removedNodes].filter((n) => n.nodeName !== 'GC-ROOT');
        if (added.length === 0 && removed.length === 0) continue;
        log.push(
          `childList on ${path(r.target)}: +[${added.map((n) => n.nodeName).join(',')}] -[${removed
            .map((n) => n.nodeName)
            .join(',')}]`,
        );
      } else if (r.type === 'attributes') {
        log.push(`attribute ${r.attributeName ?? ''} on ${path(r.target)}`);
      } else {
        log.push(`text of ${path(r.target)}`);
      }
    }
  };
  const observer = new MutationObserver(keep);
  observer.observe(document, { subtree: true, childList: true, attributes: true, characterData: true });
  document.addEventListener('readystatechange', () => {
    if (document.readyState === 'loading' || recording) return;
    observer.takeRecords();
    recording = true;
  });
  window.__gcPageWrite = <T,>(change: () => T): T => {
    keep(observer.takeRecords());
    try {
      return change();
    } finally {
      observer.takeRecords();
    }
  };
  window.__gcForeignMutations = (): string[] => {
    keep(observer.takeRecords());
    return log.slice();
  };
}

/** Names of registered `gc-` highlights → the texts of their ranges. Null when the world cannot see them. */
export function readHighlightsInPage(): Record<string, string[]> | null {
  const registry = (CSS as unknown as { highlights?: Map<string, Set<AbstractRange>> }).highlights;
  if (!registry) return null;
  const out: Record<string, string[]> = {};
  for (const [name, highlight] of registry) {
    if (!name.startsWith('gc-')) continue;
    out[name] = [...highlight].map((range) => {
      if (range instanceof Range) return range.toString();
      // A StaticRange has no text of its own: read it through a live Range over the same boundaries.
      try {
        const live = document.createRange();
        live.setStart(range.startContainer, range.startOffset);
        live.setEnd(range.endContainer, range.endOffset);
        return live.toString();
      } catch {
        return '';
      }
    });
  }
  return out;
}

export interface GcRootState {
  state: string | null;
  findings: number | null;
  /** How many `<gc-root>` elements the document has (must be exactly one). */
  count: number;
}

export function gcRootStateInPage(): GcRootState {
  const roots = document.querySelectorAll('gc-root');
  const root = roots[0];
  const findings = root?.getAttribute('data-findings');
  return {
    state: root?.getAttribute('data-state') ?? null,
    findings: findings == null ? null : Number(findings),
    count: roots.length,
  };
}

export interface TextRect {
  x: number;
  y: number;
  width: number;
  height: number;
}

/**
 * Finds `text` in the page's visible text (across inline elements), scrolls it to the middle of the viewport
 * and returns the viewport rectangle of its first line, or null when the page does not contain it.
 */
export function locateTextInPage(text: string): TextRect | null {
  const nodes: Text[] = [];
  let flat = '';
  const starts: number[] = [];
  // The page's text in document order, a web component's open shadow tree read where its host stands.
  const collect = (root: Node): void => {
    const walker = document.createTreeWalker(root, NodeFilter.SHOW_ELEMENT | NodeFilter.SHOW_TEXT, {
      acceptNode: (n) => (n instanceof Element && n.matches('script,style,gc-root') ? NodeFilter.FILTER_REJECT : NodeFilter.FILTER_ACCEPT),
    });
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      if (n instanceof Element) {
        if (n.shadowRoot) collect(n.shadowRoot);
        continue;
      }
      starts.push(flat.length);
      nodes.push(n as Text);
      flat += (n as Text).data;
    }
  };
  collect(document.body);
  const at = flat.indexOf(text);
  if (at < 0) return null;
  const position = (offset: number, end: boolean): [Text, number] => {
    for (let i = nodes.length - 1; i >= 0; i--) {
      const start = starts[i] ?? 0;
      if (start < offset || (!end && start === offset)) return [nodes[i] as Text, offset - start];
    }
    return [nodes[0] as Text, 0];
  };
  const range = document.createRange();
  range.setStart(...position(at, false));
  range.setEnd(...position(at + text.length, true));
  const parent = range.startContainer.parentElement ?? (range.startContainer.parentNode as ShadowRoot).host;
  parent.scrollIntoView({ block: 'center', inline: 'nearest' });
  // Hover a point inside the first word: a line box's edges can fall between two words.
  const rect = range.getClientRects()[0];
  if (!rect) return null;
  return { x: rect.x, y: rect.y, width: rect.width, height: rect.height };
}

export interface CardInfo {
  /** The card is rendered and visible. */
  open: boolean;
  /** hrefs of links whose href contains `context.html`. */
  contextLinks: string[];
  /** The card's "Full context" link (class `context`, else the last link to the context page). */
  fullContext: string | null;
  /** The card's data-kind, when it has one. */
  kind: string | null;
  /** Links that open in a new tab: href, target, rel. */
  sourceLinks: { href: string; target: string; rel: string }[];
  text: string;
  rect: TextRect | null;
  /** Computed styles of the card box that show whether its stylesheet applies. */
  style: Record<string, string>;
}

/**
 * What the card in `<gc-root>`'s shadow root shows. "Open" means a visible element in the shadow root holds
 * a link to the context page (every card has one); the card box is that link's dialog ancestor (or the
 * outermost element below the shadow root).
 */
export function cardInPage(): CardInfo {
  const closed: CardInfo = {
    open: false,
    contextLinks: [],
    fullContext: null,
    kind: null,
    sourceLinks: [],
    text: '',
    rect: null,
    style: {},
  };
  const shadow = document.querySelector('gc-root')?.shadowRoot;
  if (!shadow) return closed;
  const visible = (el: Element): boolean =>
    el.getClientRects().length > 0 &&
    (el as Element & { checkVisibility(o?: object): boolean }).checkVisibility({ visibilityProperty: true });
  const links = [...shadow.querySelectorAll('a[href]')].filter(visible) as HTMLAnchorElement[];
  const context = links.filter((a) => a.href.includes('context.html'));
  const first = context[0];
  if (!first) return closed;
  let card: Element | null = first.closest('[role="dialog"], [role="tooltip"], .card');
  if (!card) {
    card = first;
    while (card.parentElement) card = card.parentElement;
  }
  const r = card.getBoundingClientRect();
  const computed = getComputedStyle(card);
  const style: Record<string, string> = {};
  for (const name of [
    'direction',
    'color',
    'background-color',
    'font-family',
    'font-size',
    'padding-top',
    'border-top-left-radius',
    'box-shadow',
    'position',
    'z-index',
  ]) {
    style[name] = computed.getPropertyValue(name);
  }
  return {
    open: true,
    contextLinks: context.map((a) => a.href),
    fullContext: (context.find((a) => a.classList.contains('context')) ?? context[context.length - 1])?.href ?? null,
    kind: card.getAttribute('data-kind'),
    sourceLinks: links
      .filter((a) => a.target === '_blank')
      .map((a) => ({ href: a.href, target: a.target, rel: a.getAttribute('rel') ?? '' })),
    text: (card as HTMLElement).innerText ?? card.textContent ?? '',
    rect: { x: r.x, y: r.y, width: r.width, height: r.height },
    style,
  };
}

export interface TextColors {
  /** The start of the element's own text. */
  text: string;
  /** The text colour over the background, and the background the text is painted on, as sRGB bytes. */
  color: number[];
  background: number[];
}

export interface PageColors {
  texts: TextColors[];
  /** With `scope` 'card': the open card's own background (its alpha shows whether it is opaque), else null. */
  cardBackground: number[] | null;
}

/**
 * Every visible element with text of its own in the page (open shadow roots included), or in the open card
 * (`scope` 'card'): its text colour and the colour it is painted on, from its own and its ancestors' backgrounds
 * composited down to the page's canvas (CSS `Canvas`, which follows the page's colour scheme). Colours are
 * read back through a canvas, so any CSS colour syntax is understood.
 */
export function textColorsInPage(scope: 'page' | 'card'): PageColors {
  const canvas = document.createElement('canvas');
  canvas.width = 1;
  canvas.height = 1;
  const ctx = canvas.getContext('2d', { willReadFrequently: true }) as CanvasRenderingContext2D;
  const bytes = (color: string): number[] => {
    ctx.clearRect(0, 0, 1, 1);
    ctx.fillStyle = color;
    ctx.fillRect(0, 0, 1, 1);
    return [...ctx.getImageData(0, 0, 1, 1).data];
  };
  const over = (top: number[], below: number[]): number[] => {
    const alpha = (top[3] ?? 255) / 255;
    return [0, 1, 2].map((i) => Math.round((top[i] ?? 0) * alpha + (below[i] ?? 0) * (1 - alpha))).concat(255);
  };
  // The page's canvas, asked only when no element below a text is opaque (the probe is an element added to the
  // page for a moment: a page whose changes are recorded, with a card on it, never gets there).
  let canvasColor: number[] | null = null;
  const pageCanvas = (): number[] => {
    if (canvasColor === null) {
      const probe = document.createElement('div');
      probe.style.backgroundColor = 'Canvas';
      document.documentElement.append(probe);
      canvasColor = bytes(getComputedStyle(probe).backgroundColor);
      probe.remove();
    }
    return canvasColor;
  };
  const parentOf = (element: Element): Element | null => element.parentElement ?? ((element.getRootNode() as ShadowRoot).host || null);
  const backgroundOf = (element: Element): number[] => {
    const layers: number[][] = [];
    for (let at: Element | null = element; at !== null; at = parentOf(at)) {
      const layer = bytes(getComputedStyle(at).backgroundColor);
      if ((layer[3] ?? 0) > 0) layers.push(layer);
      if (layer[3] === 255) break;
    }
    const opaque = layers.length > 0 && layers[layers.length - 1]?.[3] === 255;
    return layers.reduceRight((below, layer) => over(layer, below), opaque ? [0, 0, 0, 255] : pageCanvas());
  };
  const found: TextColors[] = [];
  const visit = (root: Document | ShadowRoot | Element): void => {
    for (const element of root.querySelectorAll('*')) {
      if (element.shadowRoot) visit(element.shadowRoot);
      const own = [...element.childNodes].filter((node) => node.nodeType === 3).map((node) => node.textContent ?? '').join('').trim();
      if (own === '' || ['SCRIPT', 'STYLE', 'TITLE', 'OPTION'].includes(element.tagName)) continue;
      if (!element.checkVisibility({ opacityProperty: true, visibilityProperty: true })) continue;
      const rect = element.getBoundingClientRect();
      if (rect.width === 0 || rect.height === 0) continue;
      const background = backgroundOf(element);
      found.push({ text: own.slice(0, 40), color: over(bytes(getComputedStyle(element).color), background), background });
    }
  };
  if (scope !== 'card') {
    visit(document);
    return { texts: found, cardBackground: null };
  }
  const card = document.querySelector('gc-root')?.shadowRoot?.querySelector('[role="dialog"], .card');
  if (!card) return { texts: [], cardBackground: null };
  visit(card);
  return { texts: found, cardBackground: bytes(getComputedStyle(card).backgroundColor) };
}
