/**
 * `npm run scan -- [--json] <file|folder>...`: scans saved pages with the same core and knowledge base the
 * extension ships. Process wiring only; the command itself is in run-scan.ts.
 */
import type { Matcher } from '../core/types';
import { runScan } from './run-scan';

// Loaded on first use: --help and usage errors answer at once, and a knowledge base that fails its checks
// (they run when src/data is imported) becomes a clear message instead of a stack trace.
async function loadMatcher(): Promise<Matcher> {
  const [{ createMatcher }, { bundledMatcherConfig }] = await Promise.all([import('../core'), import('../data')]);
  return createMatcher(bundledMatcherConfig);
}

// A closed pipe (e.g. `| head`) just ends the output instead of crashing the command.
process.stdout.on('error', () => undefined);

process.exitCode = await runScan(process.argv.slice(2), loadMatcher, {
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
});
