/**
 * The container for the annotation card: ONE `<gc-root>` element, the only node the extension adds to a page,
 * with an open shadow root (made when the first card opens) and one card in it, moved and re-filled for each
 * finding. The card itself (card-ui.ts) is passed in when a card opens: the content script loads it lazily.
 */
import { HOST_TAG } from '../../page/text-index';
import type { CardModel } from './card-model';

/** The host's tag: the page layer's, which never reads inside our host. */
export { HOST_TAG };

export interface CardHostOptions {
  document: Document;
  /** Aborting it closes the card, removes every listener and takes the host out of the page. */
  signal: AbortSignal;
  /** "Not this" was chosen for the finding on the card (the card has already closed). */
  onDismiss(model: CardModel): void;
}

/** The card in the host's shadow root (card-ui.ts). */
export interface CardUi {
  open(model: CardModel, anchor: Range, via: 'pointer' | 'keyboard'): void;
  /** The pointer left the marked text: close after the grace period unless it reaches the card. */
  pointerLeftAnchor(): void;
  close(): void;
  isOpen(): boolean;
}

/** Makes the card in `host`'s shadow root (card-ui.ts `createCardUi`). */
export type CreateCardUi = (host: HTMLElement, options: CardHostOptions) => CardUi;

export interface CardHost extends Omit<CardUi, 'open'> {
  /** The `<gc-root>` element; its dataset carries the scanner's state (data-state, data-findings). */
  readonly host: HTMLElement;
  /** Puts the host back if the page removed it (e.g. a framework re-rendering `<html>`'s children). */
  ensureAttached(): void;
  /** Opens the card for `model` beside `anchor`; `ui` makes the card the first time. */
  open(model: CardModel, anchor: Range, via: 'pointer' | 'keyboard', ui: CreateCardUi): void;
}

/**
 * The host, empty until a card first opens: most pages never show one, and they get neither a shadow root nor
 * a stylesheet nor our window listeners, only the element that carries the scanner's state.
 */
export function createCardHost(options: CardHostOptions): CardHost {
  const { document: doc, signal } = options;
  const host = doc.createElement(HOST_TAG);
  let ui: CardUi | undefined;

  function ensureAttached(): void {
    if (!host.isConnected && doc.documentElement) doc.documentElement.append(host);
  }

  signal.addEventListener('abort', () => host.remove(), { once: true });
  ensureAttached();
  return {
    host,
    ensureAttached,
    open(model, anchor, via, createUi) {
      if (signal.aborted) return;
      ensureAttached();
      ui ??= createUi(host, options);
      ui.open(model, anchor, via);
    },
    pointerLeftAnchor: () => ui?.pointerLeftAnchor(),
    close: () => ui?.close(),
    isOpen: () => ui?.isOpen() ?? false,
  };
}
