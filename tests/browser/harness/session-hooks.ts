/**
 * One browser per test file (or per `describe`): launched in `before`, closed in `after`, and used through the
 * returned object from the tests in between.
 */
import { after, before } from 'node:test';
import { HOOK_TIMEOUT } from './wait';

/**
 * Registers `before`/`after` hooks in the current suite that launch and close a session, and returns a stand-in
 * that forwards every property to the launched session (it throws when used before the launch). `setup` runs
 * in the same hook once the session is up: a test file's own top-level `before` would not wait for the launch
 * (node:test starts the root's `before` hooks together).
 */
export function sessionPerSuite<T extends { close(): Promise<void> }>(
  launch: () => Promise<T>,
  what: string,
  setup?: (session: T) => Promise<void>,
): T {
  let current: T | undefined;
  before(async () => {
    current = await launch();
    await setup?.(current);
  }, HOOK_TIMEOUT);
  after(async () => {
    await current?.close();
    current = undefined;
  }, HOOK_TIMEOUT);
  return new Proxy({} as T, {
    get(_target, key) {
      if (!current) throw new Error(`${what} is not running (used outside the tests of its suite)`);
      const value: unknown = Reflect.get(current, key);
      return typeof value === 'function' ? (value as (...args: unknown[]) => unknown).bind(current) : value;
    },
  });
}
