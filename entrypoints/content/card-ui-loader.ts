/**
 * The card is left out of the content script, which runs on every page: its rendering, placement, styles and
 * texts, and the client that asks the background for an incident's card texts and checks its answers (zod:
 * about 20 ms of start-up on every page if the content script carried it). The first time a card is asked for
 * (hover, keyboard focus, the popup's "Show", the next/previous commands), the content script imports the
 * card's bundle (entrypoints/card-ui.ts), which leaves a CardBundle under CARD_BUNDLE_GLOBAL (./bundle-loader.ts).
 */
import type { createIncidentDetailsClient } from '../../src/messaging/incident-details-client';
import type { CreateCardUi } from '../../src/ui/card/card-host';
import { createBundleLoader, hasFunctions } from './bundle-loader';

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

/**
 * The card loader: the bundle at once once loaded, else a promise for it (one import however many cards wait
 * for it). A failed load rejects the cards waiting for it, and the next card tries again.
 */
export function createCardBundleLoader(options: CardBundleLoaderOptions): () => CardBundle | Promise<CardBundle> {
  return createBundleLoader({
    ...options,
    global: CARD_BUNDLE_GLOBAL,
    isBundle: (value): value is CardBundle => hasFunctions(value, ['createCardUi', 'createIncidentDetailsClient']),
    missing: 'the card bundle left no card to make',
  });
}
