/**
 * The card is left out of the content script, which runs on every page: its rendering, placement, styles and
 * texts, and the client that asks the background for an incident's card texts and checks its answers (zod:
 * about 20 ms of start-up on every page if the content script carried it). The first time a card is asked for
 * (hover, keyboard focus, the popup's "Show", the next/previous commands), the content script imports the
 * card's bundle (entrypoints/card-ui.ts), which leaves a CardBundle on this content-script world's global
 * object under CARD_BUNDLE_GLOBAL. The page never sees it: the import runs in the extension's world and the bundle's
 * address is random (see wxt.config.ts, web_accessible_resources).
 */
import type { createIncidentDetailsClient } from '../../src/messaging/incident-details-client';
import type { CreateCardUi } from '../../src/ui/card/card-host';

/** What the card's bundle provides. */
export interface CardBundle {
  createCardUi: CreateCardUi;
  createIncidentDetailsClient: typeof createIncidentDetailsClient;
}

/** Where the card's bundle leaves its CardBundle (a property of the content-script world's global object). */
export const CARD_BUNDLE_GLOBAL = '__grokContextCard';

export interface CardBundleLoaderOptions {
  /** Evaluates the card's bundle (a dynamic import of its extension URL). */
  importBundle(): Promise<unknown>;
  /** Where the bundle leaves the card: the content script's global object. */
  scope: object;
}

function isCardBundle(value: unknown): value is CardBundle {
  if (typeof value !== 'object' || value === null) return false;
  const bundle = value as Partial<Record<keyof CardBundle, unknown>>;
  return typeof bundle.createCardUi === 'function' && typeof bundle.createIncidentDetailsClient === 'function';
}

/**
 * The card loader: the bundle at once once loaded, else a promise for it (one import however many cards wait
 * for it). A failed load rejects the cards waiting for it, and the next card tries again.
 */
export function createCardBundleLoader(options: CardBundleLoaderOptions): () => CardBundle | Promise<CardBundle> {
  let loaded: CardBundle | null = null;
  let loading: Promise<CardBundle> | null = null;

  async function load(): Promise<CardBundle> {
    await options.importBundle();
    const bundle = (options.scope as Record<string, unknown>)[CARD_BUNDLE_GLOBAL];
    if (!isCardBundle(bundle)) throw new Error('the card bundle left no card to make');
    return bundle;
  }

  return () => {
    if (loaded !== null) return loaded;
    loading ??= load().then(
      (bundle) => (loaded = bundle),
      (error: unknown) => {
        loading = null;
        throw error;
      },
    );
    return loading;
  };
}
