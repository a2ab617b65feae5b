/**
 * The card's bundle, imported into a page's content-script world the first time the page needs a card
 * (entrypoints/content/card-ui-loader.ts): the card itself and the client for its incident texts. The content
 * script carries only the card's host.
 */
import { defineUnlistedScript } from 'wxt/utils/define-unlisted-script';
import { createIncidentDetailsClient } from '../src/messaging/incident-details-client';
import { createCardUi } from '../src/ui/card/card-ui';
import { CARD_BUNDLE_GLOBAL, type CardBundle } from './content/card-ui-loader';

export default defineUnlistedScript(() => {
  const bundle: CardBundle = { createCardUi, createIncidentDetailsClient };
  (globalThis as Record<string, unknown>)[CARD_BUNDLE_GLOBAL] = bundle;
});
