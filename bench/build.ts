/**
 * What the benchmark runs: the production build of the extension (for the content script's size) and two
 * in-page bundles made with esbuild — "ours" from bench/page-entry.ts (the content script's modules,
 * minified like the production build) and the harness (floor, mark.js runner, long-task recorder).
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import { build } from 'esbuild';

export const ROOT = resolve(import.meta.dirname, '..');
export const WORK_DIR = join(ROOT, '.bench');
export const BUILD_DIR = join(WORK_DIR, 'build');
/** The extension is built into its own folder so the benchmark never races another build. */
export const EXTENSION_OUT = join(ROOT, '.output-bench');
export const CONTENT_SCRIPT = join(EXTENSION_OUT, 'chrome-mv3', 'content-scripts', 'content.js');
/** The card's bundle, imported by the content script when a page first needs a card. */
export const CARD_UI_BUNDLE = join(EXTENSION_OUT, 'chrome-mv3', 'card-ui.js');
/** The matcher's bundle, imported by the content script when a page first has a candidate to match. */
export const MATCHER_STAGE_BUNDLE = join(EXTENSION_OUT, 'chrome-mv3', 'matcher-stage.js');

export interface Bundles {
  /** Minified "ours" (what is timed). */
  ours: string;
  /** The same modules unminified with names kept (for the profile). */
  oursDev: string;
  harness: string;
  markJs: string;
}

export interface SizeReport {
  contentScriptBytes: number;
  contentScriptGzipBytes: number;
  /** The card's bundle (loaded only on pages that show a card). */
  cardUiBytes: number;
  cardUiGzipBytes: number;
  /** The matcher's bundle (loaded only on pages with a candidate). */
  matcherStageBytes: number;
  matcherStageGzipBytes: number;
  /** The bench bundle of the same modules (minus storage and messaging), for comparison. */
  benchBundleBytes: number;
  benchBundleGzipBytes: number;
}

function newestMtime(path: string): number {
  const stats = statSync(path);
  if (!stats.isDirectory()) return stats.mtimeMs;
  let newest = 0;
  for (const entry of readdirSync(path)) {
    if (entry === 'node_modules' || entry.startsWith('.')) continue;
    if (entry.endsWith('.test.ts')) continue;
    newest = Math.max(newest, newestMtime(join(path, entry)));
  }
  return newest;
}

/** Builds the Chrome extension into .output-bench when it is missing or older than its sources. */
export function ensureExtensionBuild(log: (line: string) => void): void {
  const sources = ['src', 'entrypoints', 'public', 'wxt.config.ts', 'package.json']
    .map((path) => join(ROOT, path))
    .filter((path) => existsSync(path));
  const newestSource = Math.max(...sources.map(newestMtime));
  if (existsSync(CONTENT_SCRIPT) && statSync(CONTENT_SCRIPT).mtimeMs >= newestSource) return;
  log('building the extension (GC_OUT_DIR=.output-bench wxt build)...');
  const result = spawnSync(join(ROOT, 'node_modules', '.bin', 'wxt'), ['build'], {
    cwd: ROOT,
    env: { ...process.env, GC_OUT_DIR: '.output-bench' },
    encoding: 'utf8',
  });
  if (result.status !== 0 || !existsSync(CONTENT_SCRIPT)) {
    throw new Error(`wxt build failed (exit ${result.status}):\n${result.stdout}\n${result.stderr}`);
  }
}

const COMMON = {
  bundle: true,
  format: 'iife',
  platform: 'browser',
  target: 'es2022',
  legalComments: 'none',
  logLevel: 'warning',
  write: false,
} as const;

function outputText(result: { outputFiles?: Array<{ text: string }> }): string {
  const file = result.outputFiles?.[0];
  if (file === undefined) throw new Error('esbuild produced no output');
  return file.text;
}

/** An in-page bundle of `bench/<entry>` from the source tree at `root` (another checkout for `npm run bench:ab`). */
export async function buildEntry(entry: 'page-entry.ts' | 'harness-entry.ts', options: { root?: string; minify?: boolean } = {}): Promise<string> {
  const minify = options.minify ?? true;
  return outputText(await build({ ...COMMON, entryPoints: [join(options.root ?? ROOT, 'bench', entry)], minify, ...(minify ? {} : { keepNames: false }) }));
}

export async function buildBundles(): Promise<Bundles> {
  mkdirSync(BUILD_DIR, { recursive: true });
  const [ours, oursDev, harness] = await Promise.all([
    buildEntry('page-entry.ts'),
    buildEntry('page-entry.ts', { minify: false }),
    buildEntry('harness-entry.ts'),
  ]);
  return {
    ours,
    oursDev,
    harness,
    markJs: readFileSync(join(ROOT, 'node_modules', 'mark.js', 'dist', 'mark.min.js'), 'utf8'),
  };
}

export function sizes(bundles: Bundles): SizeReport {
  const content = readFileSync(CONTENT_SCRIPT);
  const card = readFileSync(CARD_UI_BUNDLE);
  const stage = readFileSync(MATCHER_STAGE_BUNDLE);
  const bench = Buffer.from(bundles.ours);
  return {
    contentScriptBytes: content.length,
    contentScriptGzipBytes: gzipSync(content, { level: 9 }).length,
    cardUiBytes: card.length,
    cardUiGzipBytes: gzipSync(card, { level: 9 }).length,
    matcherStageBytes: stage.length,
    matcherStageGzipBytes: gzipSync(stage, { level: 9 }).length,
    benchBundleBytes: bench.length,
    benchBundleGzipBytes: gzipSync(bench, { level: 9 }).length,
  };
}
