/**
 * The card itself, in the shadow root of the `<gc-root>` host (card-host.ts): rendering, placement, styles and
 * the listeners that keep it open or close it. Loaded only when a page first needs a card: the content script
 * carries the host and imports this module's bundle (entrypoints/card-ui.ts) then, so pages without findings
 * never load it (issue 5).
 *
 * Behaves as WCAG 1.4.13 (content on hover or focus) asks: dismissable with Esc without moving the pointer,
 * hoverable (the pointer may travel from the text onto the card during a short grace period), persistent until
 * dismissed or until pointer and focus have left.
 */
import { dirOf } from '../lang';
import type { CardHostOptions, CardUi } from './card-host';
import type { CardModel } from './card-model';
import { CARD_CSS } from './card-styles';
import { placeCard } from './place-card';
import { renderCard } from './render-card';

/** Time the pointer has to travel from the marked text onto the card. */
export const LEAVE_GRACE_MS = 300;

interface Shown {
  model: CardModel;
  anchor: Range;
  card: HTMLElement;
}

type XrayWindow = Window & typeof globalThis & { wrappedJSObject?: Window & typeof globalThis };

/**
 * Styles that apply under a page CSP without 'unsafe-inline' (a constructable sheet is not an inline style).
 * Firefox content scripts see the page's objects through Xray wrappers, where adopting a sheet made in the
 * script's own compartment can fail: then build the sheet and the array with the page's constructors.
 * A `<style>` element is the last resort (blocked by a strict CSP in some browsers).
 */
function adoptStyles(root: ShadowRoot, doc: Document): 'constructed' | 'page-constructed' | 'style-element' {
  const win = doc.defaultView as XrayWindow | null;
  try {
    const Sheet = (win?.CSSStyleSheet ?? CSSStyleSheet) as typeof CSSStyleSheet;
    const sheet = new Sheet();
    sheet.replaceSync(CARD_CSS);
    root.adoptedStyleSheets = [sheet];
    if (root.adoptedStyleSheets.length === 1) return 'constructed';
  } catch {
    // Fall through to the next way.
  }
  try {
    const page = win?.wrappedJSObject;
    const pageRoot = (root as ShadowRoot & { wrappedJSObject?: ShadowRoot }).wrappedJSObject;
    if (page && pageRoot) {
      const sheet = new page.CSSStyleSheet();
      sheet.replaceSync(CARD_CSS);
      const sheets = new page.Array<CSSStyleSheet>();
      sheets.push(sheet);
      pageRoot.adoptedStyleSheets = sheets;
      if (pageRoot.adoptedStyleSheets.length === 1) return 'page-constructed';
    }
  } catch {
    // Fall through to the <style> element.
  }
  const style = doc.createElement('style');
  style.textContent = CARD_CSS;
  root.prepend(style);
  return 'style-element';
}

interface Rgba {
  r: number;
  g: number;
  b: number;
  a: number;
}

function parseRgb(color: string): Rgba | undefined {
  // Browsers compute rgb()/rgba(); the hex form comes from DOM implementations without a style engine.
  const hex = /^#([0-9a-f]{3}|[0-9a-f]{6})$/i.exec(color)?.[1];
  if (hex) {
    const full = hex.length === 3 ? [...hex].map((c) => c + c).join('') : hex;
    const n = parseInt(full, 16);
    return { r: n >> 16, g: (n >> 8) & 255, b: n & 255, a: 1 };
  }
  const m = /^rgba?\(\s*([\d.]+)[\s,]+([\d.]+)[\s,]+([\d.]+)(?:\s*[,/]\s*([\d.]+%?))?\s*\)$/.exec(color);
  if (!m) return undefined;
  const alpha = m[4] === undefined ? 1 : m[4].endsWith('%') ? parseFloat(m[4]) / 100 : parseFloat(m[4]);
  return { r: Number(m[1]), g: Number(m[2]), b: Number(m[3]), a: alpha };
}

function luminance({ r, g, b }: Rgba): number {
  const lin = (c: number): number => {
    const s = c / 255;
    return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * lin(r) + 0.7152 * lin(g) + 0.0722 * lin(b);
}

/**
 * Dark or light, from what is actually painted behind the marked text: the first opaque background among its
 * ancestors up to <body>/<html>. When everything is transparent the canvas shows, which is dark only if the
 * page opted into a dark color-scheme and the user prefers dark.
 */
export function pageTheme(doc: Document, from: Node | null): 'dark' | 'light' {
  const win = doc.defaultView;
  if (!win) return 'light';
  let node: Element | null = from instanceof win.Element ? from : (from?.parentElement ?? doc.body);
  for (let depth = 0; node && depth < 64; depth++, node = node.parentElement) {
    const rgb = parseRgb(win.getComputedStyle(node).backgroundColor);
    if (rgb && rgb.a >= 0.5) return luminance(rgb) < 0.2 ? 'dark' : 'light';
  }
  const scheme = doc.documentElement ? win.getComputedStyle(doc.documentElement).colorScheme : '';
  const prefersDark = win.matchMedia?.('(prefers-color-scheme: dark)').matches ?? false;
  return prefersDark && (!scheme || scheme === 'normal' || scheme.includes('dark')) ? 'dark' : 'light';
}

/** The card in `host`'s shadow root: made when the first card opens (a CreateCardUi). */
export function createCardUi(host: HTMLElement, options: CardHostOptions): CardUi {
  const { document: doc, signal } = options;
  const win = doc.defaultView ?? window;
  const root = host.attachShadow({ mode: 'open' });
  const styling = adoptStyles(root, doc);
  host.dataset.styles = styling;
  const wrap = doc.createElement('div');
  wrap.className = 'wrap';
  wrap.hidden = true;
  root.append(wrap);

  let shown: Shown | undefined;
  let returnFocus: HTMLElement | undefined;
  let leaveTimer: ReturnType<typeof setTimeout> | undefined;
  let frame = 0;
  let pointerInCard = false;
  /** Bumped on every render so a late focus check cannot close a newer card. */
  let generation = 0;
  let styleChecked = styling === 'style-element';

  const on = <K extends keyof HTMLElementEventMap>(
    target: EventTarget,
    type: K,
    listener: (event: HTMLElementEventMap[K]) => void,
    capture = false,
  ): void => target.addEventListener(type, listener as EventListener, { signal, capture, passive: type !== 'keydown' });

  const focusInside = (): boolean => root.activeElement !== null;

  const cancelLeave = (): void => {
    if (leaveTimer !== undefined) clearTimeout(leaveTimer);
    leaveTimer = undefined;
  };

  const scheduleLeave = (): void => {
    cancelLeave();
    if (!shown) return;
    leaveTimer = setTimeout(() => {
      leaveTimer = undefined;
      if (!pointerInCard && !focusInside()) hide(false);
    }, LEAVE_GRACE_MS);
  };

  const place = (): void => {
    if (!shown) return;
    const rect = shown.anchor.getBoundingClientRect();
    const viewport = {
      width: doc.documentElement.clientWidth || win.innerWidth,
      height: doc.documentElement.clientHeight || win.innerHeight,
    };
    // Text scrolled out of sight takes its card with it, unless someone is reading the card with the keyboard.
    if ((rect.bottom < 0 || rect.top > viewport.height) && !focusInside()) {
      hide(false);
      return;
    }
    const ancestor = shown.anchor.commonAncestorContainer;
    const textElement = ancestor instanceof win.Element ? ancestor : ancestor.parentElement;
    // Align with the start edge of the marked text (a Hebrew headline on an English page starts on the right).
    const dir = textElement ? (win.getComputedStyle(textElement).direction === 'rtl' ? 'rtl' : 'ltr') : dirOf(shown.model.lang);
    const card = { width: wrap.offsetWidth, height: wrap.offsetHeight };
    const { left, top, side } = placeCard(rect, card, viewport, dir);
    wrap.style.left = `${left}px`;
    wrap.style.top = `${top}px`;
    wrap.dataset.side = side;
  };

  const schedulePlace = (): void => {
    if (!shown || frame) return;
    frame = win.requestAnimationFrame(() => {
      frame = 0;
      place();
    });
  };

  function hide(restoreFocus: boolean): void {
    if (!shown) return;
    const hadFocus = focusInside();
    shown = undefined;
    pointerInCard = false;
    cancelLeave();
    wrap.hidden = true;
    wrap.replaceChildren();
    if (restoreFocus && hadFocus && returnFocus?.isConnected) returnFocus.focus({ preventScroll: true });
    returnFocus = undefined;
  }

  function open(model: CardModel, anchor: Range, via: 'pointer' | 'keyboard'): void {
    cancelLeave();
    if (via === 'keyboard' && !focusInside()) {
      const active = doc.activeElement;
      returnFocus = active instanceof win.HTMLElement && active !== host && active !== doc.body ? active : undefined;
    }
    if (!shown || shown.model.findingId !== model.findingId || shown.model.lang !== model.lang) {
      generation++;
      const card = renderCard(doc, model, {
        onClose: () => hide(true),
        onDismiss: () => {
          hide(true);
          options.onDismiss(model);
        },
      });
      wrap.dataset.theme = pageTheme(doc, anchor.commonAncestorContainer);
      wrap.replaceChildren(card);
      shown = { model, anchor, card };
    } else {
      shown.anchor = anchor;
    }
    wrap.hidden = false;
    if (!styleChecked) {
      styleChecked = true;
      // A browser may accept the adopted sheet and still not apply it: check once, then use a <style>.
      if (win.getComputedStyle(wrap).position !== 'fixed') {
        const style = doc.createElement('style');
        style.textContent = CARD_CSS;
        root.prepend(style);
        host.dataset.styles = 'style-element';
      }
    }
    place();
    if (via === 'keyboard') shown.card.focus({ preventScroll: true });
  }

  on(wrap, 'pointerenter', () => {
    pointerInCard = true;
    cancelLeave();
  });
  on(wrap, 'pointerleave', () => {
    pointerInCard = false;
    scheduleLeave();
  });
  // The host is the document's last element, so Tab past the card's last control would leave the page for
  // the browser's toolbar: close instead and give focus back to where it came from.
  on(wrap, 'keydown', (event) => {
    if (!shown || event.key !== 'Tab') return;
    const controls = shown.card.querySelectorAll<HTMLElement>('a[href], button, summary');
    const at = root.activeElement;
    const leaving = event.shiftKey ? at === shown.card || at === controls[0] : at === controls[controls.length - 1];
    if (!leaving) return;
    event.preventDefault();
    hide(true);
  });
  // Focus leaving the card (a click on the page) closes it; focus leaving the window (a source link opened
  // in a new tab) does not.
  on(root as unknown as HTMLElement, 'focusout', () => {
    const at = generation;
    setTimeout(() => {
      if (shown && at === generation && !focusInside() && !pointerInCard && doc.hasFocus()) hide(false);
    }, 0);
  });
  on(
    win as unknown as HTMLElement,
    'keydown',
    (event) => {
      if (!shown || event.key !== 'Escape' || event.isComposing) return;
      // Esc belongs to the card only while it is open; the page keeps it when the card has no focus.
      if (focusInside()) {
        event.preventDefault();
        event.stopPropagation();
      }
      hide(true);
    },
    true,
  );
  on(
    win as unknown as HTMLElement,
    'pointerdown',
    (event) => {
      if (shown && !event.composedPath().includes(host)) hide(false);
    },
    true,
  );
  on(win as unknown as HTMLElement, 'scroll', schedulePlace, true);
  on(win as unknown as HTMLElement, 'resize', schedulePlace);
  signal.addEventListener(
    'abort',
    () => {
      hide(false);
      if (frame) win.cancelAnimationFrame(frame);
    },
    { once: true },
  );

  return {
    open,
    pointerLeftAnchor: scheduleLeave,
    close: () => hide(true),
    isOpen: () => shown !== undefined,
  };
}
