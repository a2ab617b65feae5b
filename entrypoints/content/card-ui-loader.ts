/**
 * The card (rendering, placement, styles and texts: about 15 KB) is left out of the content script, which runs
 * on every page: the first time a page needs a card (a scan settled with findings, or a card opens before
 * that), the content script imports the card's bundle (entrypoints/card-ui.ts), which leaves its CreateCardUi on
 * this content-script world's global object under CARD_UI_GLOBAL. The page never sees it: the import runs in
 * the extension's world and the bundle's address is random (see wxt.config.ts, web_accessible_resources).
 */
import { CARD_UI_GLOBAL, type CreateCardUi } from '../../src/ui/card/card-host';

export interface CardUiLoaderOptions {
  /** Evaluates the card's bundle (a dynamic import of its extension URL). */
  importBundle(): Promise<unknown>;
  /** Where the bundle leaves the card: the content script's global object. */
  scope: object;
}

/**
 * The card loader: the card at once once loaded, else a promise for it (one import however many cards wait for
 * it). A failed load rejects the cards waiting for it, and the next card tries again.
 */
export function createCardUiLoader(options: CardUiLoaderOptions): () => CreateCardUi | Promise<CreateCardUi> {
  let loaded: CreateCardUi | null = null;
  let loading: Promise<CreateCardUi> | null = null;

  async function load(): Promise<CreateCardUi> {
    await options.importBundle();
    const create = (options.scope as Record<string, unknown>)[CARD_UI_GLOBAL];
    if (typeof create !== 'function') throw new Error('the card bundle left no card to make');
    return create as CreateCardUi;
  }

  return () => {
    if (loaded !== null) return loaded;
    loading ??= load().then(
      (create) => (loaded = create),
      (error: unknown) => {
        loading = null;
        throw error;
      },
    );
    return loading;
  };
}
