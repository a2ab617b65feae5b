import { describe, expect, it } from 'vitest';
import type { TabFindings } from '../../messaging/schema';
import { createAskAgain } from './ask-again';

const unavailable: TabFindings = { tabId: 7, status: 'unavailable', findings: [] };
const checked: TabFindings = { tabId: 7, status: 'checked', findings: [], site: 'example.org' };

/** A popup's follow-up with a clock run by hand and the page's answers given in turn. */
function follow(answers: TabFindings[], limit = 40) {
  const timers: Array<() => void> = [];
  let asked = 0;
  let changes = 0;
  const askAgain = createAskAgain({
    ask: async () => {
      asked++;
      return answers[Math.min(asked, answers.length) - 1] as TabFindings;
    },
    changed: () => changes++,
    later: (callback) => timers.push(callback),
    limit,
  });
  /** Runs the timers due, and lets the answers they asked for arrive. */
  const tick = async (): Promise<void> => {
    for (const run of timers.splice(0)) run();
    await Promise.resolve();
    await Promise.resolve();
  };
  return { askAgain, tick, asked: () => asked, changes: () => changes, pending: () => timers.length };
}

describe("the popup's follow-up on a page that has not answered for good", () => {
  it('asks again while the page is not checked, and has the popup render again only once the answer changes', async () => {
    const popup = follow([unavailable, unavailable, checked]);
    popup.askAgain.shown(unavailable);
    await popup.tick();
    await popup.tick();
    expect(popup.changes()).toBe(0);
    await popup.tick();
    expect(popup.asked()).toBe(3);
    expect(popup.changes()).toBe(1);
    // The popup rendered the page as checked: nothing more to ask.
    popup.askAgain.shown(checked);
    expect(popup.pending()).toBe(0);
  });

  it('never asks for a page shown as checked, and stops after its limit until a settings change allows as many again', async () => {
    const quiet = follow([checked]);
    quiet.askAgain.shown(checked);
    expect(quiet.pending()).toBe(0);

    const popup = follow([unavailable], 3);
    popup.askAgain.shown(unavailable);
    for (let i = 0; i < 5; i++) await popup.tick();
    expect(popup.asked()).toBe(3);
    expect(popup.pending()).toBe(0);
    popup.askAgain.reset();
    popup.askAgain.shown(unavailable);
    for (let i = 0; i < 5; i++) await popup.tick();
    expect(popup.asked()).toBe(6);
    expect(popup.changes()).toBe(0);
  });

  it('keeps one question going however often the popup renders meanwhile', async () => {
    const popup = follow([unavailable]);
    popup.askAgain.shown(unavailable);
    popup.askAgain.shown(unavailable);
    popup.askAgain.shown(unavailable);
    expect(popup.pending()).toBe(1);
  });
});
