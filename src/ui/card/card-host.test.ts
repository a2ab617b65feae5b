// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';
import { incidentModel, summaryModel } from './card-fixtures';
import { createCardHost, HOST_TAG, type CardHost } from './card-host';
import { createCardUi, LEAVE_GRACE_MS, pageTheme } from './card-ui';
import type { CardModel } from './card-model';

let controller: AbortController;
let onDismiss: ReturnType<typeof vi.fn<(model: CardModel) => void>>;
let cards: CardHost;
let anchor: Range;
let button: HTMLButtonElement;

beforeEach(() => {
  document.body.innerHTML = '<p id="text">Iran Strikes Tel Aviv with Heavy Missiles</p><button id="before">before</button>';
  button = document.querySelector('#before') as HTMLButtonElement;
  anchor = document.createRange();
  anchor.selectNodeContents(document.querySelector('#text') as Element);
  controller = new AbortController();
  onDismiss = vi.fn<(model: CardModel) => void>();
  cards = createCardHost({ document, signal: controller.signal, onDismiss });
});

afterEach(() => {
  controller.abort();
  vi.useRealTimers();
});

const shadow = (): ShadowRoot => cards.host.shadowRoot as ShadowRoot;
const card = (): HTMLElement | null => shadow().querySelector('.card');
const press = (key: string, target: EventTarget = document): void => {
  target.dispatchEvent(new KeyboardEvent('keydown', { key, bubbles: true, composed: true }));
};

describe('createCardHost', () => {
  test('adds one empty <gc-root> and nothing else; the styled shadow root comes with the first card', () => {
    const roots = document.querySelectorAll(HOST_TAG);
    expect(roots).toHaveLength(1);
    expect(cards.host.parentElement).toBe(document.documentElement);
    expect(cards.host.shadowRoot).toBeNull();
    expect(cards.isOpen()).toBe(false);
    cards.close();
    cards.pointerLeftAnchor();
    cards.host.dataset.state = 'settled';
    expect(cards.host.getAttribute('data-state')).toBe('settled');

    cards.open(incidentModel(), anchor, 'pointer', createCardUi);
    expect(cards.host.shadowRoot).not.toBeNull();
    const styled = shadow().adoptedStyleSheets.length + shadow().querySelectorAll('style').length;
    expect(styled).toBeGreaterThan(0);
    expect(document.querySelectorAll(HOST_TAG)).toHaveLength(1);
  });

  test('stopping takes the host out of the page, with or without a card', () => {
    controller.abort();
    expect(document.querySelectorAll(HOST_TAG)).toHaveLength(0);
    controller = new AbortController();
    cards = createCardHost({ document, signal: controller.signal, onDismiss });
    cards.open(incidentModel(), anchor, 'pointer', createCardUi);
    controller.abort();
    expect(document.querySelectorAll(HOST_TAG)).toHaveLength(0);
    expect(cards.isOpen()).toBe(false);
  });

  test('opens the card for a finding and reuses one card for the page', () => {
    cards.open(incidentModel(), anchor, 'pointer', createCardUi);
    expect(cards.isOpen()).toBe(true);
    expect(card()?.textContent).toContain('Iran Strikes Tel Aviv');
    cards.open(summaryModel(), anchor, 'pointer', createCardUi);
    expect(shadow().querySelectorAll('.card')).toHaveLength(1);
    expect(card()?.dataset.kind).toBe('grok-summary');
    expect(document.querySelectorAll(HOST_TAG)).toHaveLength(1);
  });

  test('Esc closes it', () => {
    cards.open(incidentModel(), anchor, 'pointer', createCardUi);
    press('Escape');
    expect(cards.isOpen()).toBe(false);
    expect(card()).toBeNull();
  });

  test('opened from the keyboard it takes focus, and Esc gives focus back', () => {
    button.focus();
    cards.open(incidentModel(), anchor, 'keyboard', createCardUi);
    expect(shadow().activeElement).toBe(card());
    press('Escape', card() as HTMLElement);
    expect(cards.isOpen()).toBe(false);
    expect(document.activeElement).toBe(button);
  });

  test('Tab past the last control closes it and gives focus back; Tab inside stays', () => {
    button.focus();
    cards.open(incidentModel(), anchor, 'keyboard', createCardUi);
    const controls = [...shadow().querySelectorAll<HTMLElement>('a[href], button, summary')];
    controls[1]?.focus();
    press('Tab', controls[1]);
    expect(cards.isOpen()).toBe(true);
    controls[controls.length - 1]?.focus();
    press('Tab', controls[controls.length - 1]);
    expect(cards.isOpen()).toBe(false);
    expect(document.activeElement).toBe(button);
  });

  test('"Not this" closes the card and reports the finding', () => {
    const model = incidentModel();
    cards.open(model, anchor, 'pointer', createCardUi);
    shadow().querySelector<HTMLButtonElement>('button.dismiss')?.click();
    expect(onDismiss).toHaveBeenCalledWith(model);
    expect(cards.isOpen()).toBe(false);
  });

  test('the close button closes it', () => {
    cards.open(incidentModel(), anchor, 'pointer', createCardUi);
    shadow().querySelector<HTMLButtonElement>('button.close')?.click();
    expect(cards.isOpen()).toBe(false);
    expect(onDismiss).not.toHaveBeenCalled();
  });

  test('leaving the text closes it after the grace period', () => {
    vi.useFakeTimers();
    cards.open(incidentModel(), anchor, 'pointer', createCardUi);
    cards.pointerLeftAnchor();
    vi.advanceTimersByTime(LEAVE_GRACE_MS - 1);
    expect(cards.isOpen()).toBe(true);
    vi.advanceTimersByTime(1);
    expect(cards.isOpen()).toBe(false);
  });

  test('the pointer can move from the text onto the card, and the card closes when it leaves', () => {
    vi.useFakeTimers();
    cards.open(incidentModel(), anchor, 'pointer', createCardUi);
    cards.pointerLeftAnchor();
    const wrap = shadow().querySelector('.wrap') as HTMLElement;
    wrap.dispatchEvent(new PointerEvent('pointerenter'));
    vi.advanceTimersByTime(LEAVE_GRACE_MS * 10);
    expect(cards.isOpen()).toBe(true);
    wrap.dispatchEvent(new PointerEvent('pointerleave'));
    vi.advanceTimersByTime(LEAVE_GRACE_MS);
    expect(cards.isOpen()).toBe(false);
  });

  test('hovering the text again within the grace period keeps it open', () => {
    vi.useFakeTimers();
    cards.open(incidentModel(), anchor, 'pointer', createCardUi);
    cards.pointerLeftAnchor();
    cards.open(incidentModel(), anchor, 'pointer', createCardUi);
    vi.advanceTimersByTime(LEAVE_GRACE_MS * 2);
    expect(cards.isOpen()).toBe(true);
  });

  test('a press outside closes it; a press on the card does not', () => {
    cards.open(incidentModel(), anchor, 'pointer', createCardUi);
    card()?.dispatchEvent(new PointerEvent('pointerdown', { bubbles: true, composed: true }));
    expect(cards.isOpen()).toBe(true);
    document.body.dispatchEvent(new PointerEvent('pointerdown', { bubbles: true, composed: true }));
    expect(cards.isOpen()).toBe(false);
  });

  test('ensureAttached puts the host back after the page removed it', () => {
    cards.host.remove();
    expect(document.querySelector(HOST_TAG)).toBeNull();
    cards.ensureAttached();
    expect(document.documentElement.lastElementChild).toBe(cards.host);
    cards.open(incidentModel(), anchor, 'pointer', createCardUi);
    expect(card()).not.toBeNull();
  });

  test('aborting the signal takes everything out of the page', () => {
    cards.open(incidentModel(), anchor, 'pointer', createCardUi);
    controller.abort();
    expect(document.querySelector(HOST_TAG)).toBeNull();
    expect(cards.isOpen()).toBe(false);
  });
});

describe('pageTheme', () => {
  test('follows the background actually behind the text', () => {
    document.body.style.backgroundColor = '#15202b';
    expect(pageTheme(document, anchor.commonAncestorContainer)).toBe('dark');
    (document.querySelector('#text') as HTMLElement).style.backgroundColor = 'rgb(255, 255, 255)';
    expect(pageTheme(document, anchor.commonAncestorContainer)).toBe('light');
  });
});
