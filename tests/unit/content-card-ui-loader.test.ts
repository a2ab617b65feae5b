// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { CARD_BUNDLE_GLOBAL, createCardBundleLoader, type CardBundle } from '../../entrypoints/content/card-ui-loader';
import { createIncidentDetailsClient } from '../../src/messaging/incident-details-client';
import { createCardHost } from '../../src/ui/card/card-host';
import { incidentModel } from '../../src/ui/card/card-fixtures';
import { createCardUi } from '../../src/ui/card/card-ui';
import { bundleWorld, type BundleWorld, type ImportOutcome } from './bundle-world';

const BUNDLE: CardBundle = { createCardUi, createIncidentDetailsClient };

/** A content-script world, and a bundle that leaves the real card in it when evaluated (or fails, or leaves something else). */
const world = (outcomes: readonly ImportOutcome[]): BundleWorld => bundleWorld(CARD_BUNDLE_GLOBAL, BUNDLE, { createCardUi }, outcomes);

describe('the card loader', () => {
  it('imports the bundle once however many cards wait, then gives it at once', async () => {
    const bundle = world(['loads']);
    const load = createCardBundleLoader(bundle);
    const first = load();
    const second = load();
    expect(first).toBeInstanceOf(Promise);
    const [a, b] = await Promise.all([first, second]);
    expect(a).toBe(BUNDLE);
    expect(b).toBe(BUNDLE);
    expect(load()).toBe(BUNDLE);
    expect(bundle.imports()).toBe(1);
  });

  it('the card it gives opens in the host', async () => {
    const load = createCardBundleLoader(world(['loads']));
    const { createCardUi: ui } = await load();
    document.body.innerHTML = '<p id="text">Iran Strikes Tel Aviv with Heavy Missiles</p>';
    const anchor = document.createRange();
    anchor.selectNodeContents(document.querySelector('#text') as Element);
    const controller = new AbortController();
    const cards = createCardHost({ document, signal: controller.signal, onDismiss: () => undefined });
    cards.open(incidentModel(), anchor, 'pointer', ui);
    expect(cards.isOpen()).toBe(true);
    expect(cards.host.shadowRoot?.querySelector('.card')).not.toBeNull();
    controller.abort();
  });

  it('a failed import rejects the waiting cards, and the next card tries again', async () => {
    const bundle = world(['fails', 'loads']);
    const load = createCardBundleLoader(bundle);
    await expect(load()).rejects.toThrow('import failed');
    await expect(load()).resolves.toBe(BUNDLE);
    expect(bundle.imports()).toBe(2);
  });

  it('a bundle that leaves no card, or half of one, is an error, not a card that throws later', async () => {
    const bundle = world(['leaves-nothing', 'leaves-half', 'loads']);
    const load = createCardBundleLoader(bundle);
    await expect(load()).rejects.toThrow('the card bundle left no card to make');
    await expect(load()).rejects.toThrow('the card bundle left no card to make');
    await expect(load()).resolves.toBe(BUNDLE);
  });
});
