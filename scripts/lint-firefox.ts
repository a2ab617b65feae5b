/**
 * Checks the Firefox store package made by `wxt zip -b firefox` (run by `npm run lint:firefox` first):
 *  1. Mozilla's addons-linter on the extension zip: 0 errors and 0 warnings (what AMO's validator runs), but for
 *     the accepted warnings (ACCEPTED_IMPORT below), accepted only while the built content script shows why.
 *  2. The sources zip holds only what rebuilds the extension, and everything that does.
 *  3. With --rebuild: the sources zip, unpacked on its own (with this checkout's node_modules), builds a
 *     Firefox extension byte-identical to the packaged one (AMO reviewers rebuild and compare).
 * Reads from GC_OUT_DIR (default .output). Exits non-zero on any failure.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, rmSync, symlinkSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative, resolve } from 'node:path';
import { SOURCES_REQUIRED, listZipEntries, strayEntries } from './zip-entries';

interface LinterMessage {
  code: string;
  message: string;
  description?: string | string[];
  file?: string;
  line?: number;
}

interface LinterReport {
  summary: { errors: number; warnings: number; notices: number };
  errors: LinterMessage[];
  warnings: LinterMessage[];
  notices: LinterMessage[];
}

const root = resolve(import.meta.dirname, '..');
const outDir = resolve(root, process.env.GC_OUT_DIR ?? '.output');
const { name, version } = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { name: string; version: string };
const extensionZip = join(outDir, `${name}-${version}-firefox.zip`);
const sourcesZip = join(outDir, `${name}-${version}-sources.zip`);
const failures: string[] = [];

/**
 * addons-linter flags every `import()` whose argument is not a literal ("Unsafe call to import"), as it could load
 * code from anywhere. The content script imports two bundles from the extension's own package,
 * `import(browser.runtime.getURL('/card-ui.js'))` and `import(browser.runtime.getURL('/matcher-stage.js'))`
 * (entrypoints/content/index.ts; see bundle-loader.ts), which have no literal form: the address is the
 * install's (Firefox) or the session's (Chrome). The warning is accepted for those calls only: as many of
 * them as the built content script has `import()` calls, and only when every one of those is one of them.
 */
const ACCEPTED_IMPORT = {
  code: 'UNSAFE_VAR_ASSIGNMENT',
  message: 'Unsafe call to import for argument 0',
  file: 'content-scripts/content.js',
  call: /^import\([\w$.]+\.runtime\.getURL\((["'`])\/(?:card-ui|matcher-stage)\.js\1\)\)/,
};

/** How many of the warnings are the accepted bundle imports (0 when the built content script has any other import()). */
function acceptedImports(warnings: readonly LinterMessage[]): number {
  const flagged = warnings.filter((m) => m.code === ACCEPTED_IMPORT.code && m.message === ACCEPTED_IMPORT.message && m.file === ACCEPTED_IMPORT.file);
  if (flagged.length === 0) return 0;
  const source = readFileSync(join(outDir, 'firefox-mv2', ACCEPTED_IMPORT.file), 'utf8');
  const calls = [...source.matchAll(/\bimport\(/g)].map((match) => source.slice(match.index, match.index + 80));
  const ours = calls.filter((call) => ACCEPTED_IMPORT.call.test(call)).length;
  return ours === calls.length && flagged.length === ours ? ours : 0;
}

function lint(): void {
  const run = spawnSync(join(root, 'node_modules/.bin/addons-linter'), ['--output', 'json', extensionZip], {
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  });
  let report: LinterReport;
  try {
    report = JSON.parse(run.stdout) as LinterReport;
  } catch {
    failures.push(`addons-linter gave no report (exit ${run.status}): ${run.stderr || run.stdout}`);
    return;
  }
  const { errors, warnings, notices } = report.summary;
  console.log(`addons-linter ${relative(root, extensionZip)}: ${errors} errors, ${warnings} warnings, ${notices} notices`);
  for (const [level, messages] of [
    ['error', report.errors],
    ['warning', report.warnings],
    ['notice', report.notices],
  ] as const) {
    for (const m of messages) {
      console.log(`  ${level} ${m.code}${m.file ? ` in ${m.file}${m.line ? `:${m.line}` : ''}` : ''}: ${m.message}`);
    }
  }
  const accepted = acceptedImports(report.warnings);
  if (accepted > 0) console.log(`  (accepted: ${accepted} warning(s) for the bundles' imports from the extension's own package)`);
  if (errors + warnings - accepted > 0) failures.push(`addons-linter: ${errors} errors, ${warnings - accepted} warnings (want 0 and 0)`);
}

function checkSources(): string[] {
  const entries = listZipEntries(readFileSync(sourcesZip));
  console.log(`${relative(root, sourcesZip)}: ${entries.length} files`);
  const stray = strayEntries(entries);
  if (stray.length > 0) failures.push(`sources zip holds files that do not rebuild the extension: ${stray.join(', ')}`);
  const missing = SOURCES_REQUIRED.filter((file) => !entries.includes(file));
  if (missing.length > 0) failures.push(`sources zip lacks ${missing.join(', ')}`);
  if (!entries.some((e) => e.startsWith('entrypoints/')) || !entries.some((e) => e.startsWith('src/'))) {
    failures.push('sources zip lacks entrypoints/ or src/');
  }
  return entries;
}

function filesUnder(dir: string): string[] {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((file) => statSync(join(dir, file)).isFile())
    .sort();
}

function rebuild(): void {
  const work = mkdtempSync(join(tmpdir(), 'gc-sources-'));
  try {
    execFileSync('unzip', ['-q', sourcesZip, '-d', work]);
    // Dependencies come from this checkout: the check is about our sources, not about the registry.
    symlinkSync(join(root, 'node_modules'), join(work, 'node_modules'));
    const env = { ...process.env, GC_OUT_DIR: '.output' };
    execFileSync(join(work, 'node_modules/.bin/wxt'), ['prepare'], { cwd: work, env, stdio: 'ignore' });
    execFileSync(join(work, 'node_modules/.bin/wxt'), ['build', '-b', 'firefox'], { cwd: work, env, stdio: 'ignore' });
    const built = join(work, '.output/firefox-mv2');
    const packaged = join(outDir, 'firefox-mv2');
    const a = filesUnder(built);
    const b = filesUnder(packaged);
    const differing = [...new Set([...a, ...b])].filter((file) => {
      try {
        return !readFileSync(join(built, file)).equals(readFileSync(join(packaged, file)));
      } catch {
        return true;
      }
    });
    if (differing.length > 0) failures.push(`a build from the sources zip differs from the package: ${differing.join(', ')}`);
    else console.log(`rebuilt from the sources zip: ${a.length} files, byte-identical to ${relative(root, packaged)}`);
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

for (const zip of [extensionZip, sourcesZip]) {
  try {
    statSync(zip);
  } catch {
    console.error(`${relative(root, zip)} is missing: run \`npm run zip:firefox\` first`);
    process.exit(2);
  }
}
lint();
checkSources();
if (process.argv.includes('--rebuild')) rebuild();
for (const failure of failures) console.error(`FAIL ${failure}`);
console.log(failures.length === 0 ? 'Firefox package: OK' : `Firefox package: ${failures.length} problem(s)`);
process.exit(failures.length === 0 ? 0 : 1);
