import { browser } from 'wxt/browser';
import { defineBackground } from 'wxt/utils/define-background';
import { keepMatcherSnapshot } from '../src/background/matcher-snapshot';
import { startBackground } from '../src/background/start-background';

export default defineBackground(() => {
  // Pages build their matcher from this snapshot, or ask for one, and never compile it (issue 5).
  const matcherSnapshot = keepMatcherSnapshot(browser, (...args) => console.debug('[grok-context]', ...args));
  startBackground(browser, { matcherSnapshot });
});
