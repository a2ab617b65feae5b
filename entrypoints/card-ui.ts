/**
 * The card's bundle, imported into a page's content-script world the first time the page needs a card
 * (entrypoints/content/card-ui-loader.ts): the content script itself carries only the card's host.
 */
import { defineUnlistedScript } from 'wxt/utils/define-unlisted-script';
import { CARD_UI_GLOBAL } from '../src/ui/card/card-host';
import { createCardUi } from '../src/ui/card/card-ui';

export default defineUnlistedScript(() => {
  (globalThis as Record<string, unknown>)[CARD_UI_GLOBAL] = createCardUi;
});
