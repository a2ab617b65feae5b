/**
 * Command-line flags for every headless Chromium the tests and the benchmark start: no sandbox (root in a
 * container), no GPU, none of the browser's own background traffic, and no host name resolving but 127.0.0.1,
 * so nothing leaves the machine whatever request interception misses.
 */
export const CHROMIUM_FLAGS: readonly string[] = [
  '--no-sandbox',
  '--disable-gpu',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-quic',
  '--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1',
];
