import { chmod, mkdir, mkdtemp, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Finding, Matcher } from '../core/types';
import { EXIT_OK, EXIT_UNREADABLE, EXIT_USAGE, type FileReport, runScan } from './run-scan';

/**
 * A stand-in matcher so the command is tested on its own: it finds one headline and one label by plain
 * case-insensitive search. The real core is exercised end to end in scan.test.ts.
 */
const HEADLINE = 'iran strikes tel aviv with heavy missiles';
const LABEL = 'grok is an early feature and can make mistakes';
const fakeMatcher: Matcher = {
  match(text: string): Finding[] {
    const findings: Finding[] = [];
    const lower = text.toLowerCase();
    for (const [needle, kind, incident] of [
      [HEADLINE, 'fabricated-headline', 'iran-tel-aviv-2024'],
      [LABEL, 'grok-summary', undefined],
    ] as const) {
      for (let at = lower.indexOf(needle); at >= 0; at = lower.indexOf(needle, at + 1)) {
        findings.push({
          kind,
          ...(incident === undefined ? {} : { incident }),
          start: at,
          end: at + needle.length,
          text: text.slice(at, at + needle.length),
          why: { rule: incident === undefined ? 'label' : 'claim', variant: needle, score: 1, lang: 'en' },
        });
      }
    }
    return findings;
  },
};

interface RunResult {
  code: number;
  stdout: string;
  stderr: string;
  matcherBuilt: number;
}

async function run(...args: string[]): Promise<RunResult> {
  let stdout = '';
  let stderr = '';
  let matcherBuilt = 0;
  const code = await runScan(
    args,
    () => {
      matcherBuilt += 1;
      return fakeMatcher;
    },
    { stdout: (text) => (stdout += text), stderr: (text) => (stderr += text) },
  );
  return { code, stdout, stderr, matcherBuilt };
}

let root = '';
const path = (...parts: string[]): string => join(root, ...parts);

beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), 'gc-scan-'));
  await mkdir(path('site', 'nested', 'deeper'), { recursive: true });
  await mkdir(path('empty'));
  await mkdir(path('notes'));
  await writeFile(path('notes', 'readme.md'), '# Iran Strikes Tel Aviv with Heavy Missiles');
  await writeFile(
    path('site', 'story.html'),
    '<div><a href="/i/trending/1"><b>Iran</b> Strikes</a> <em>Tel Aviv</em> with Heavy Missiles</div>' +
      '<p>Grok is an early feature and can make mistakes. Verify its outputs.</p>',
  );
  await writeFile(path('site', 'nested', 'clean.htm'), '<p>Nothing to see here.</p>');
  await writeFile(path('site', 'nested', 'deeper', 'page.XHTML'), '<p>Iran strikes Tel Aviv with heavy missiles<br/></p>');
  await writeFile(path('site', 'nested', 'style.css'), 'p { content: "Iran Strikes Tel Aviv with Heavy Missiles" }');
  await writeFile(path('site', 'script-only.html'), '<script>"Iran Strikes Tel Aviv with Heavy Missiles"</script>');
  await writeFile(path('junk.html'), new Uint8Array([0x7f, 0x45, 0x4c, 0x46, 2, 1, 1, 0, 0, 0, 0, 0]));
  await writeFile(path('saved.txt'), 'Iran Strikes Tel Aviv with Heavy Missiles');
});

afterAll(async () => {
  await rm(root, { recursive: true, force: true });
});

describe('scan command (in-process)', () => {
  it('prints only a JSON array with --json: file, findings with kind, incident, text and offsets', async () => {
    const result = await run('--json', path('site', 'story.html'));
    expect(result.code).toBe(EXIT_OK);
    expect(result.stderr).toBe('');
    const reports = JSON.parse(result.stdout) as FileReport[];
    expect(reports).toEqual([
      {
        file: path('site', 'story.html'),
        findings: [
          { kind: 'fabricated-headline', incident: 'iran-tel-aviv-2024', text: 'Iran Strikes Tel Aviv with Heavy Missiles', start: 0, end: 41 },
          {
            kind: 'grok-summary',
            incident: null,
            text: 'Grok is an early feature and can make mistakes',
            start: 43,
            end: 89,
          },
        ],
      },
    ]);
  });

  it('walks folders recursively for .html, .htm and .xhtml in name order, ignoring other files', async () => {
    const result = await run('--json', path('site'));
    expect(result.code).toBe(EXIT_OK);
    const reports = JSON.parse(result.stdout) as FileReport[];
    expect(reports.map((report) => report.file)).toEqual([
      path('site', 'nested', 'clean.htm'),
      path('site', 'nested', 'deeper', 'page.XHTML'),
      path('site', 'script-only.html'),
      path('site', 'story.html'),
    ]);
    expect(reports.map((report) => report.findings.length)).toEqual([0, 1, 0, 2]);
  });

  it('scans a file named explicitly whatever its extension', async () => {
    const reports = JSON.parse((await run('--json', path('saved.txt'))).stdout) as FileReport[];
    expect(reports[0]?.findings).toHaveLength(1);
  });

  it('scans each file once when it is named twice or reached twice', async () => {
    const result = await run('--json', path('site', 'story.html'), path('site'), path('site'));
    expect(result.code).toBe(EXIT_OK);
    expect(result.stderr).toBe('');
    expect((JSON.parse(result.stdout) as FileReport[]).map((report) => report.file)).toHaveLength(4);
  });

  it('reports a missing file, a folder without HTML and binary junk on stderr, scans the rest, exits 2', async () => {
    const result = await run('--json', path('missing.html'), path('empty'), path('notes'), path('junk.html'), path('site', 'story.html'));
    expect(result.code).toBe(EXIT_UNREADABLE);
    expect(result.stderr).toContain(`${path('missing.html')}: no such file or folder`);
    expect(result.stderr).toContain(`${path('empty')}: folder holds no HTML files`);
    expect(result.stderr).toContain(`${path('notes')}: folder holds no HTML files`);
    expect(result.stderr).toMatch(new RegExp(`junk\\.html: binary data, not an HTML text file`));
    const reports = JSON.parse(result.stdout) as FileReport[];
    expect(reports.map((report) => report.file)).toEqual([path('site', 'story.html')]);
  });

  it.skipIf(process.getuid?.() === 0)('reports an unreadable file and exits 2', async () => {
    const locked = path('locked.html');
    await writeFile(locked, '<p>secret</p>');
    await chmod(locked, 0o000);
    const result = await run(locked);
    expect(result.code).toBe(EXIT_UNREADABLE);
    expect(result.stderr).toContain(`${locked}: cannot read file (permission denied)`);
    await rm(locked);
  });

  // Root reads any file whatever its mode; Linux's /proc/self/mem is a file whose read always fails.
  it.skipIf(process.platform !== 'linux')('reports a file whose read fails and still scans the rest', async () => {
    const result = await run('--json', '/proc/self/mem', path('site', 'story.html'));
    expect(result.code).toBe(EXIT_UNREADABLE);
    expect(result.stderr).toMatch(/^scan: \/proc\/self\/mem: cannot read file \(EIO: i\/o error, read\)$/m);
    expect((JSON.parse(result.stdout) as FileReport[]).map((report) => report.file)).toEqual([path('site', 'story.html')]);
  });

  it('survives a symlink loop', async () => {
    await mkdir(path('loop'));
    await writeFile(path('loop', 'a.html'), '<p>a</p>');
    await symlink(path('loop'), path('loop', 'again'));
    const result = await run('--json', path('loop'));
    expect(result.code).toBe(EXIT_OK);
    expect((JSON.parse(result.stdout) as FileReport[]).map((report) => report.file)).toEqual([path('loop', 'a.html')]);
  });

  it('prints a readable table per file and a summary line without --json', async () => {
    const result = await run(path('site'), path('missing.html'));
    expect(result.code).toBe(EXIT_UNREADABLE);
    const lines = result.stdout.split('\n');
    expect(lines).toContain(`${path('site', 'nested', 'clean.htm')}: nothing found`);
    expect(lines).toContain(`${path('site', 'story.html')}: 2 findings`);
    expect(result.stdout).toMatch(/^ {2}kind {17}incident {12}at {5}text$/m);
    expect(result.stdout).toMatch(/^ {2}fabricated-headline {2}iran-tel-aviv-2024 {2}0-41 {3}Iran Strikes Tel Aviv with Heavy Missiles$/m);
    expect(result.stdout).toMatch(/^ {2}grok-summary {9}- {19}43-89 {2}Grok is an early feature/m);
    expect(lines.filter((line) => line !== '').at(-1)).toMatch(
      /^Scanned 4 files in \d+\.\d s: 3 findings in 2 files; 1 path could not be read \(see above\)\.$/,
    );
  });

  it.each([
    [[], 'no file or folder given'],
    [['--jsn', 'x.html'], 'unknown option --jsn'],
    [['--json'], 'no file or folder given'],
  ])('exits 1 with usage text for bad usage %j, before building the matcher', async (args, message) => {
    const result = await run(...args);
    expect(result.code).toBe(EXIT_USAGE);
    expect(result.stdout).toBe('');
    expect(result.stderr).toContain(`scan: ${message}`);
    expect(result.stderr).toContain('Usage: npm run scan --');
    expect(result.matcherBuilt).toBe(0);
  });

  it('prints usage on stdout for --help and exits 0', async () => {
    const result = await run('--help');
    expect(result.code).toBe(EXIT_OK);
    expect(result.stdout).toContain('Usage: npm run scan --');
  });

  it('treats arguments after -- as paths', async () => {
    const result = await run('--json', '--', '--not-an-option.html');
    expect(result.code).toBe(EXIT_UNREADABLE);
    expect(result.stderr).toContain('--not-an-option.html: no such file or folder');
    expect(result.stdout.trim()).toBe('[]');
  });

  it('reports a matcher failure for that file and goes on with the others', async () => {
    let calls = 0;
    let stderr = '';
    let stdout = '';
    const code = await runScan(
      ['--json', path('site', 'nested', 'clean.htm'), path('site', 'story.html')],
      () => ({
        match: (text: string): Finding[] => {
          calls += 1;
          if (calls === 1) throw new Error('boom');
          return fakeMatcher.match(text);
        },
      }),
      { stdout: (text) => (stdout += text), stderr: (text) => (stderr += text) },
    );
    expect(code).toBe(EXIT_UNREADABLE);
    expect(stderr).toContain('clean.htm: could not be scanned (boom)');
    expect((JSON.parse(stdout) as FileReport[]).map((report) => report.findings.length)).toEqual([2]);
  });
});

describe('scan command: matcher failure', () => {
  it('says why and exits 2 when the knowledge base or matcher cannot be loaded', async () => {
    let stderr = '';
    let stdout = '';
    const code = await runScan(
      [path('site', 'story.html')],
      () => Promise.reject(new Error('the knowledge base is invalid: incidents[0].id')),
      { stdout: (text) => (stdout += text), stderr: (text) => (stderr += text) },
    );
    expect(code).toBe(EXIT_UNREADABLE);
    expect(stderr).toBe('scan: cannot load the knowledge base or the matcher: the knowledge base is invalid: incidents[0].id\n');
    expect(stdout).toBe('');
  });
});
