// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { createCardUiLoader } from '../../entrypoints/content/card-ui-loader';
import { CARD_UI_GLOBAL, createCardHost, type CreateCardUi } from '../../src/ui/card/card-host';
import { createCardUi } from '../../src/ui/card/card-ui';
import { incidentModel } from '../../src/ui/card/card-fixtures';

/** A content-script world, and a bundle that leaves the real card in it when evaluated (or fails). */
function world(outcomes: Array<'loads' | 'fails' | 'leaves-nothing'>): { scope: Record<string, unknown>; imports: () => number; importBundle: () => Promise<unknown> } {
  const scope: Record<string, unknown> = {};
  let count = 0;
  return {
    scope,
    imports: () => count,
    importBundle: async () => {
      const outcome = outcomes[count++] ?? 'loads';
      if (outcome === 'fails') throw new Error('import failed');
      if (outcome === 'loads') scope[CARD_UI_GLOBAL] = createCardUi;
      return {};
    },
  };
}

describe('the card loader', () => {
  it('imports the bundle once however many cards wait, then gives the card at once', async () => {
    const bundle = world(['loads']);
    const load = createCardUiLoader(bundle);
    const first = load();
    const second = load();
    expect(first).toBeInstanceOf(Promise);
    const [a, b] = await Promise.all([first, second]);
    expect(a).toBe(createCardUi);
    expect(b).toBe(createCardUi);
    expect(load()).toBe(createCardUi);
    expect(bundle.imports()).toBe(1);
  });

  it('the card it gives opens in the host', async () => {
    const load = createCardUiLoader(world(['loads']));
    const ui = (await load()) as CreateCardUi;
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
    const load = createCardUiLoader(bundle);
    await expect(load()).rejects.toThrow('import failed');
    await expect(load()).resolves.toBe(createCardUi);
    expect(bundle.imports()).toBe(2);
  });

  it('a bundle that leaves no card is an error, not a card that throws later', async () => {
    const bundle = world(['leaves-nothing', 'loads']);
    const load = createCardUiLoader(bundle);
    await expect(load()).rejects.toThrow('the card bundle left no card to make');
    await expect(load()).resolves.toBe(createCardUi);
  });
});
