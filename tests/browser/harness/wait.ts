/**
 * Waiting for a condition in the browser (no fixed sleeps): polls `check` on every animation-frame-sized tick
 * until it returns true, and fails with `what` after `timeoutMs`.
 */
export async function waitFor(
  check: () => Promise<boolean> | boolean,
  what: string,
  timeoutMs = 15_000,
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  let lastError: unknown;
  for (;;) {
    try {
      if (await check()) return;
    } catch (error) {
      // A navigation can destroy the context between two polls; try again.
      lastError = error;
    }
    if (Date.now() > deadline) {
      throw new Error(`timed out waiting for ${what}${lastError ? ` (last error: ${String(lastError)})` : ''}`);
    }
    await new Promise((r) => setTimeout(r, 25));
  }
}

/** Upper bound for one browser test: a hung browser call fails the test instead of the whole run. */
export const TEST_TIMEOUT = { timeout: 60_000 } as const;

/** Upper bound for launching or closing a browser (Firefox takes ~10 s to start on a busy 2-core machine). */
export const HOOK_TIMEOUT = { timeout: 120_000 } as const;
