import { browser } from 'wxt/browser';
import { defineBackground } from 'wxt/utils/define-background';
import { keepMatcherSnapshot } from '../src/background/matcher-snapshot';
import { startBackground } from '../src/background/start-background';

export default defineBackground(() => {
  startBackground(browser);
  // Pages build their matcher from this snapshot instead of compiling it (issue 5).
  keepMatcherSnapshot(browser, (...args) => console.debug('[grok-context]', ...args));
});
