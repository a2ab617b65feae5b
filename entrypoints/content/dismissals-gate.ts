/**
 * The page's dismissals, read when the page first has a candidate rather than when it starts (see
 * src/settings/page-storage.ts `PageState`): a matcher passed through `gate` is ready (`Matcher.whenReady`) only
 * once they are known, so the scanner commits no finding before the filter that hides the dismissed ones.
 */
import type { Matcher } from '../../src/core/types';
import type { Dismissal } from '../../src/settings/schema';

export interface DismissalsGate {
  /** `matcher`, ready only once the dismissals are known as well. */
  gate(matcher: Matcher): Matcher;
  /** The stored dismissals changed: they are known from now on (a read still under way is outdated). */
  changed(dismissals: Dismissal[]): void;
}

export interface DismissalsGateOptions {
  /** Reads the stored dismissals (once, at the first candidate; readPageDismissals). */
  read(): Promise<Dismissal[]>;
  /** The dismissals are known, or changed: the page's filter is to follow them. */
  onKnown(dismissals: readonly Dismissal[]): void;
  debug(...args: unknown[]): void;
}

export function createDismissalsGate(options: DismissalsGateOptions): DismissalsGate {
  let known = false;
  let reading: Promise<void> | null = null;

  const learn = (dismissals: Dismissal[]): void => {
    known = true;
    options.onKnown(dismissals);
  };

  /** Null once the dismissals are known; else the read (started on the first call). Never rejects. */
  const whenKnown = (): Promise<void> | null => {
    if (known) return null;
    reading ??= options.read().then(
      (dismissals) => {
        if (!known) learn(dismissals);
      },
      (error: unknown) => {
        // Findings are then shown, dismissed or not, rather than the page going unchecked.
        options.debug('could not read the dismissals', error);
        if (!known) learn([]);
      },
    );
    return reading;
  };

  return {
    gate(matcher) {
      return {
        candidates: matcher.candidates,
        whenReady(): Promise<void> | null {
          const loading = matcher.whenReady?.() ?? null;
          const reading = whenKnown();
          if (loading === null) return reading;
          return reading === null ? loading : Promise.all([loading, reading]).then(() => undefined);
        },
        match: (text, matchOptions) => matcher.match(text, matchOptions),
      };
    },
    changed: learn,
  };
}
