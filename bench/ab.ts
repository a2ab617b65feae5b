/**
 * `npm run bench:ab -- <git rev> [--reps N] [--pages feed-en,feed-he,article-en,article-he] [--later]`
 *
 * Our first scan ("ours", as in `npm run bench`) from another revision (A) and from the working tree (B), on
 * the same generated 1 MB pages, the two alternating on fresh loads of each page, A first on even
 * repetitions and B first on odd ones, so that a busy machine slows both alike. Prints each page's medians and
 * B/A, and their geometric mean. (On the development machine, code with no change to the scan gave geometric
 * means of 0.96–1.02 at 9 repetitions, single pages off by up to 30%.)
 *
 * Revision A is checked out into .bench/ab-<rev> (a git worktree, removed after) and bundled with esbuild like
 * the working tree; each side restores the matcher from a snapshot its own compiler made.
 *
 * `--later`: each load follows a small page that side's code ran on in the same tab, so its code is compiled
 * (a later page of a tab: see "ours" in bench/run.ts); without it, each load is a new tab's first page.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, rmSync, symlinkSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { injectOurs, launchBenchBrowser, loadAfterOurs, openWithHarness } from './browser';
import { ROOT, WORK_DIR, buildEntry } from './build';
import { generatePage, previousPage, type Layout } from './generate';
import type { ScanRun } from './page-entry';
import { startPageServer } from './server';
import { median } from './stats';
import type { Lang } from '../src/core/types';

interface Side {
  name: 'A' | 'B';
  bundle: string;
  /** The matcher snapshot (JSON) that side's compiler makes; undefined when it has none (the page compiles). */
  snapshot: string | undefined;
}

function option(argv: readonly string[], name: string): string | undefined {
  const at = argv.indexOf(name);
  return at >= 0 ? argv[at + 1] : undefined;
}

async function snapshotOf(root: string): Promise<string | undefined> {
  try {
    const core = (await import(pathToFileURL(join(root, 'src', 'core', 'index.ts')).href)) as { compileSnapshot?: (config: unknown) => unknown };
    const data = (await import(pathToFileURL(join(root, 'src', 'data', 'index.ts')).href)) as { bundledMatcherConfig?: unknown };
    return core.compileSnapshot && data.bundledMatcherConfig ? JSON.stringify(core.compileSnapshot(data.bundledMatcherConfig)) : undefined;
  } catch {
    return undefined;
  }
}

async function main(): Promise<void> {
  const argv = process.argv.slice(2);
  const rev = argv.find((arg, index) => !arg.startsWith('--') && !argv[index - 1]?.startsWith('--'));
  if (rev === undefined) throw new Error('usage: npm run bench:ab -- <git rev> [--reps N] [--pages feed-en,article-he] [--later]');
  const reps = Number(option(argv, '--reps') ?? 9);
  const pages = (option(argv, '--pages') ?? 'feed-en,feed-he,article-en,article-he').split(',');
  const later = argv.includes('--later');
  const sha = execFileSync('git', ['rev-parse', '--short', rev], { cwd: ROOT, encoding: 'utf8' }).trim();
  const tree = join(WORK_DIR, `ab-${sha}`);
  if (existsSync(tree)) execFileSync('git', ['worktree', 'remove', '--force', tree], { cwd: ROOT });
  execFileSync('git', ['worktree', 'add', '--detach', tree, sha], { cwd: ROOT, stdio: 'ignore' });
  try {
    symlinkSync(join(ROOT, 'node_modules'), join(tree, 'node_modules'));
    const sides: Side[] = [
      { name: 'A', bundle: await buildEntry('page-entry.ts', { root: tree }), snapshot: await snapshotOf(tree) },
      { name: 'B', bundle: await buildEntry('page-entry.ts'), snapshot: await snapshotOf(ROOT) },
    ];
    const harness = await buildEntry('harness-entry.ts');
    const server = await startPageServer();
    const previous = server.put('/previous.html', previousPage().html);
    const urls = pages.map((name) => {
      const [layout, lang] = name.split('-') as [Layout, Lang];
      return { name, url: server.put(`/${name}.html`, generatePage({ layout, lang, chars: 1_000_000 }).html) };
    });
    const { browser, context } = await launchBenchBrowser(server);
    const times = new Map<string, { A: number[]; B: number[] }>();
    try {
      for (let rep = 0; rep < reps; rep++) {
        process.stderr.write(`rep ${rep + 1}/${reps}\n`);
        for (const { name, url } of urls) {
          for (const side of rep % 2 === 0 ? sides : [...sides].reverse()) {
            const page = await openWithHarness(context, later ? previous : url, harness);
            if (later) await loadAfterOurs(page, side.bundle, side.snapshot, url, harness);
            await injectOurs(page, side.bundle, side.snapshot);
            const run = (await page.evaluate('gcBench.startOurs()')) as ScanRun;
            const entry = times.get(name) ?? { A: [], B: [] };
            entry[side.name].push(run.busyMs);
            times.set(name, entry);
            await page.close();
          }
        }
      }
    } finally {
      await browser.close();
      await server.close();
    }
    let logSum = 0;
    console.log(`ours ms, medians of ${reps} cold loads each${later ? ', each after a page our code ran on' : ''} (A: ${sha}, B: working tree)`);
    for (const side of sides) if (side.snapshot === undefined) console.log(`${side.name} has no matcher snapshot: its pages compile the matcher`);
    for (const [name, { A, B }] of times) {
      const ratio = median(B) / median(A);
      logSum += Math.log(ratio);
      console.log(`${name.padEnd(12)} A ${median(A).toFixed(1).padStart(7)}  B ${median(B).toFixed(1).padStart(7)}  B/A ${ratio.toFixed(3)}`);
    }
    console.log(`bench:ab: B/A ${Math.exp(logSum / times.size).toFixed(3)} (geometric mean over ${times.size} pages)`);
  } finally {
    execFileSync('git', ['worktree', 'remove', '--force', tree], { cwd: ROOT });
    rmSync(tree, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
