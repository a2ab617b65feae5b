/**
 * Saved-page fixtures (tests/cli/fixtures) scanned with the real core and bundled knowledge base. Each page
 * states what must be found in <meta name="gc-expect">, so adding a case is adding a page.
 */
import { readFile, readdir } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { createMatcher } from '../core';
import { bundledMatcherConfig } from '../data';
import { type FileReport, runScan } from './run-scan';

const FIXTURES = resolve(fileURLToPath(import.meta.url), '../../../tests/cli/fixtures');

async function expectedFor(file: string): Promise<string[]> {
  // latin1 reads any page's ASCII markup, whatever its real encoding.
  const html = new TextDecoder('latin1').decode(await readFile(file));
  const content = /<meta name="gc-expect" content="([^"]*)">/.exec(html)?.[1];
  if (content === undefined) throw new Error(`${file} does not say what must be found (<meta name="gc-expect">)`);
  return content.split(' ').filter(Boolean).sort();
}

describe('scan fixtures', async () => {
  const names = (await readdir(FIXTURES)).filter((name) => name.endsWith('.html')).sort();
  let stdout = '';
  let stderr = '';
  const code = await runScan(['--json', FIXTURES], () => createMatcher(bundledMatcherConfig), {
    stdout: (text) => (stdout += text),
    stderr: (text) => (stderr += text),
  });
  const reports = JSON.parse(stdout) as FileReport[];

  it('reads every fixture', () => {
    expect(stderr).toBe('');
    expect(code).toBe(0);
    expect(reports.map((report) => report.file)).toEqual(names.map((name) => join(FIXTURES, name)));
  });

  it.each(names)('%s: finds exactly what the page expects', async (name) => {
    const report = reports.find((candidate) => candidate.file === join(FIXTURES, name));
    const found = [...new Set(report?.findings.map((finding) => finding.incident ?? finding.kind))].sort();
    expect(found).toEqual(await expectedFor(join(FIXTURES, name)));
  });
});
