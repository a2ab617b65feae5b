/**
 * The scan command end to end: spawns `tsx src/cli/scan.ts` as `npm run scan` does, with the real core and
 * the bundled knowledge base, on pages written to a temp folder (and on the shared real-page corpus).
 */
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FileReport } from './run-scan';

const REPO = resolve(fileURLToPath(import.meta.url), '../../..');
const TSX = join(REPO, 'node_modules', '.bin', 'tsx');
const CORPUS = resolve(REPO, '../shared/corpus/real-pages');

interface Spawned {
  code: number | null;
  stdout: string;
  stderr: string;
}

function scan(...args: string[]): Promise<Spawned> {
  return new Promise((done, fail) => {
    const child = spawn(TSX, ['src/cli/scan.ts', ...args], { cwd: REPO, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
    child.on('error', fail);
    child.on('close', (code) => done({ code, stdout, stderr }));
  });
}

let root = '';
const path = (...parts: string[]): string => join(root, ...parts);

beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), 'gc-scan-e2e-'));
  await mkdir(path('pages'));
  await mkdir(path('no-html'));
  await writeFile(path('no-html', 'notes.txt'), 'Iran Strikes Tel Aviv with Heavy Missiles');
  // The claim split across inline markup, with a zero-width space and a soft hyphen inside it.
  await writeFile(
    path('pages', 'trending.html'),
    '<!doctype html><html><head><title>Iran Strikes Tel Aviv with Heavy Missiles</title>' +
      '<script>var t = "Iran Strikes Tel Aviv with Heavy Missiles";</script></head><body>' +
      '<nav><a href="/explore">Explore</a></nav>' +
      '<div><a href="/i/trending/1"><b>Iran</b> Stri\u00ADkes</a> <em>Tel\u200B Aviv</em> with Heavy Missiles</div>' +
      '<p>Grok is an early feature and can make mistakes. Verify its outputs.</p></body></html>',
  );
  await writeFile(path('pages', 'clean.html'), '<p>Iran launched drones and missiles at Israel on 13 April 2024.</p>');
  await writeFile(path('pages', 'hidden-only.html'), '<textarea>Iran Strikes Tel Aviv with Heavy Missiles</textarea>');
  await writeFile(path('junk.html'), new Uint8Array([0x7f, 0x45, 0x4c, 0x46, 2, 1, 1, 0, 0, 0, 0, 0]));
});

afterAll(async () => {
  await rm(root, { recursive: true, force: true });
});

// Each run starts Node and tsx and loads the knowledge base: seconds on a busy machine, so a generous limit.
describe('npm run scan (spawned)', { timeout: 60_000 }, () => {
  it('prints only a JSON array with --json and finds the split claim and the label; exit 0', async () => {
    const result = await scan('--json', path('pages'));
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    const reports = JSON.parse(result.stdout) as FileReport[];
    expect(reports.map((report) => report.file)).toEqual([
      path('pages', 'clean.html'),
      path('pages', 'hidden-only.html'),
      path('pages', 'trending.html'),
    ]);
    expect(reports[0]?.findings).toEqual([]);
    expect(reports[1]?.findings).toEqual([]);
    const findings = reports[2]?.findings ?? [];
    for (const finding of findings) {
      expect(Object.keys(finding).sort()).toEqual(['end', 'incident', 'kind', 'start', 'text']);
      expect(finding.end - finding.start).toBe(finding.text.length);
    }
    const headline = findings.find((finding) => finding.kind === 'fabricated-headline');
    expect(headline?.incident).toBe('iran-tel-aviv-2024');
    expect(headline?.text).toContain('Tel\u200B Aviv');
    // "Explore" is the first block, so the headline starts after it and one blank line.
    expect(headline?.start).toBe('Explore\n\n'.length);
    expect(findings.some((finding) => finding.kind === 'grok-summary')).toBe(true);
    // Only the visible copy is found, not the <title> or <script> copies.
    expect(findings.filter((finding) => finding.kind === 'fabricated-headline')).toHaveLength(1);
  });

  it('reports unreadable paths on stderr, still scans the rest, and exits 2', async () => {
    const result = await scan('--json', path('missing.html'), path('no-html'), path('junk.html'), path('pages', 'clean.html'));
    expect(result.code).toBe(2);
    expect(result.stderr).toContain(`scan: ${path('missing.html')}: no such file or folder`);
    expect(result.stderr).toContain(`scan: ${path('no-html')}: folder holds no HTML files (*.html, *.htm, *.xhtml)`);
    expect(result.stderr).toContain(`scan: ${path('junk.html')}: binary data, not an HTML text file`);
    expect(JSON.parse(result.stdout)).toEqual([{ file: path('pages', 'clean.html'), findings: [] }]);
  });

  it('prints a table and a summary line without --json', async () => {
    const result = await scan(path('pages'));
    expect(result.code).toBe(0);
    expect(result.stdout).toContain(`${path('pages', 'clean.html')}: nothing found`);
    expect(result.stdout).toMatch(/^ {2}fabricated-headline {2}iran-tel-aviv-2024 /m);
    expect(result.stdout.trimEnd().split('\n').at(-1)).toMatch(/^Scanned 3 files in \d+\.\d s: \d+ findings in 1 file\.$/);
  });

  it('exits 1 with usage text when no path is given', async () => {
    const result = await scan();
    expect(result.code).toBe(1);
    expect(result.stdout).toBe('');
    expect(result.stderr).toContain('scan: no file or folder given');
    expect(result.stderr).toContain('Usage: npm run scan -- [--json] <file|folder>...');
  });

  it.skipIf(!existsSync(CORPUS))('finds nothing on the real-page corpus and reads every page', async () => {
    const pages = (await readdir(CORPUS)).filter((name) => name.endsWith('.html'));
    const result = await scan('--json', CORPUS);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    const reports = JSON.parse(result.stdout) as FileReport[];
    expect(reports).toHaveLength(pages.length);
    expect(reports.filter((report) => report.findings.length > 0)).toEqual([]);
  });
});
