/**
 * The popup's follow-up on a page that has not answered for good yet. A page still being checked, or one
 * applying a settings change, answers later, and a page that finds nothing reports nothing to the background
 * (no storage change wakes the popup): while the popup is open, it asks again, briefly, and re-renders only
 * when the answer changed (never under the pointer for nothing).
 */
import type { TabFindings } from '../../messaging/schema';

export interface AskAgainOptions {
  /** The tab's state as the popup would show it now. */
  ask: () => Promise<TabFindings>;
  /** Called when the answer differs from the one shown (the popup renders again, then calls `shown`). */
  changed: () => void;
  /** setTimeout, or a test's clock. */
  later: (callback: () => void, ms: number) => void;
  intervalMs?: number;
  /** Asks at most this often after each `reset` (about ten seconds at the default interval). */
  limit?: number;
}

export interface AskAgain {
  /** The popup shows `tab`: asks again later unless the page has answered for good (checked). */
  shown(tab: TabFindings): void;
  /** A settings change: the page may answer differently again, so the full number of asks is allowed again. */
  reset(): void;
}

export function createAskAgain({ ask, changed, later, intervalMs = 250, limit = 40 }: AskAgainOptions): AskAgain {
  let asked = 0;
  let shown = '';
  let waiting = false;

  const askLater = (): void => {
    if (waiting || asked >= limit) return;
    asked++;
    waiting = true;
    later(() => {
      void ask().then(
        (tab) => {
          waiting = false;
          if (JSON.stringify(tab) !== shown) changed();
          else if (tab.status !== 'checked') askLater();
        },
        () => {
          waiting = false;
          askLater();
        },
      );
    }, intervalMs);
  };

  return {
    shown(tab): void {
      shown = JSON.stringify(tab);
      if (tab.status !== 'checked') askLater();
    },
    reset(): void {
      asked = 0;
    },
  };
}
