/**
 * The scan command without its process wiring: parses arguments, reads each saved page, extracts its visible
 * text, runs the core and reports. Output goes through `io` so tests can run it in-process.
 */
import { readFile, stat } from 'node:fs/promises';
import type { Finding, Matcher } from '../core/types';
import { collectHtmlFiles, describeError } from './collect-files';
import { decodeHtml } from './decode-html';
import { extractText } from './extract-text';

export const EXIT_OK = 0;
export const EXIT_USAGE = 1;
export const EXIT_UNREADABLE = 2;

/** Larger files are refused rather than risk running out of memory; saved pages are far smaller. */
export const MAX_FILE_BYTES = 64 * 1024 * 1024;

export const USAGE = `Usage: npm run scan -- [--json] <file|folder>...

Scans saved web pages for Grok's documented fabricated headlines and for Grok-written trending summaries.
Folders are searched recursively for *.html, *.htm and *.xhtml files.

Options:
  --json      print only a JSON array: [{ "file", "findings": [{ "kind", "incident", "text", "start", "end" }] }]
              (start/end are offsets into the page's extracted visible text)
  -h, --help  show this help

Exit status: 0 when every file was read, 2 when a path could not be read, 1 for bad usage.
`;

export interface ScanIo {
  stdout(text: string): void;
  stderr(text: string): void;
}

export interface ReportedFinding {
  kind: Finding['kind'];
  /** The incident id for fabricated headlines; null when the finding is not about one incident. */
  incident: string | null;
  text: string;
  start: number;
  end: number;
}

export interface FileReport {
  file: string;
  findings: ReportedFinding[];
}

interface ParsedArgs {
  json: boolean;
  help: boolean;
  paths: string[];
  error?: string;
}

export function parseArgs(args: readonly string[]): ParsedArgs {
  const parsed: ParsedArgs = { json: false, help: false, paths: [] };
  let optionsEnded = false;
  for (const arg of args) {
    if (optionsEnded || !arg.startsWith('-') || arg === '-') {
      parsed.paths.push(arg);
    } else if (arg === '--') {
      optionsEnded = true;
    } else if (arg === '--json') {
      parsed.json = true;
    } else if (arg === '--help' || arg === '-h') {
      parsed.help = true;
    } else {
      parsed.error ??= `unknown option ${arg}`;
    }
  }
  if (parsed.error === undefined && !parsed.help && parsed.paths.length === 0) {
    parsed.error = 'no file or folder given';
  }
  return parsed;
}

/**
 * Runs the command; resolves to the exit status. `createMatcher` is called once, only when there is
 * something to scan, so usage errors never depend on the knowledge base; if it fails, nothing is scanned
 * and the command says why.
 */
export async function runScan(
  args: readonly string[],
  createMatcher: () => Matcher | Promise<Matcher>,
  io: ScanIo,
): Promise<number> {
  const parsed = parseArgs(args);
  if (parsed.help) {
    io.stdout(USAGE);
    return EXIT_OK;
  }
  if (parsed.error !== undefined) {
    io.stderr(`scan: ${parsed.error}\n\n${USAGE}`);
    return EXIT_USAGE;
  }

  const started = performance.now();
  const { files, problems } = await collectHtmlFiles(parsed.paths);
  let failures = problems.length;
  for (const problem of problems) io.stderr(`scan: ${problem.path}: ${problem.message}\n`);

  let matcher: Matcher | undefined;
  if (files.length > 0) {
    try {
      matcher = await createMatcher();
    } catch (error) {
      io.stderr(`scan: cannot load the knowledge base or the matcher: ${error instanceof Error ? error.message : String(error)}\n`);
      return EXIT_UNREADABLE;
    }
  }
  const reports: FileReport[] = [];
  for (const file of files) {
    const outcome = await scanFile(file, matcher);
    if ('error' in outcome) {
      failures += 1;
      io.stderr(`scan: ${file}: ${outcome.error}\n`);
      continue;
    }
    reports.push(outcome);
    if (!parsed.json) io.stdout(formatReport(outcome));
  }

  if (parsed.json) {
    io.stdout(`${JSON.stringify(reports, null, 2)}\n`);
  } else {
    io.stdout(formatSummary(reports, failures, performance.now() - started));
  }
  return failures > 0 ? EXIT_UNREADABLE : EXIT_OK;
}

async function scanFile(file: string, matcher: Matcher | undefined): Promise<FileReport | { error: string }> {
  let bytes: Uint8Array;
  try {
    const info = await stat(file);
    if (info.size > MAX_FILE_BYTES) {
      return { error: `too large to scan (${formatMegabytes(info.size)}; the limit is ${formatMegabytes(MAX_FILE_BYTES)})` };
    }
    bytes = await readFile(file);
  } catch (error) {
    return { error: `cannot read file (${describeError(error)})` };
  }
  const decoded = decodeHtml(bytes);
  if (!decoded.ok) return { error: decoded.reason };
  const { text } = extractText(decoded.text, { xhtml: /\.xhtml$/i.test(file) });
  let findings: Finding[];
  try {
    findings = matcher === undefined ? [] : matcher.match(text);
  } catch (error) {
    // A defect in the core must not hide the other files' results.
    return { error: `could not be scanned (${error instanceof Error ? error.message : String(error)})` };
  }
  return {
    file,
    findings: findings.map((finding) => ({
      kind: finding.kind,
      incident: finding.incident ?? null,
      text: finding.text,
      start: finding.start,
      end: finding.end,
    })),
  };
}

const TEXT_COLUMN_WIDTH = 72;

/** One file's block of the readable output: a header line, then a table of its findings. */
export function formatReport(report: FileReport): string {
  const count = report.findings.length;
  if (count === 0) return `${report.file}: nothing found\n`;
  const rows = report.findings.map((finding) => [
    finding.kind,
    finding.incident ?? '-',
    `${finding.start}-${finding.end}`,
    shorten(finding.text, TEXT_COLUMN_WIDTH),
  ]);
  const header = ['kind', 'incident', 'at', 'text'];
  const widths = header.map((title, column) => Math.max(title.length, ...rows.map((row) => row[column]?.length ?? 0)));
  const line = (cells: string[]): string =>
    `  ${cells.map((cell, column) => (column === cells.length - 1 ? cell : cell.padEnd(widths[column] ?? 0))).join('  ')}\n`;
  return `${report.file}: ${plural(count, 'finding')}\n${line(header)}${rows.map(line).join('')}\n`;
}

export function formatSummary(reports: readonly FileReport[], failures: number, elapsedMs: number): string {
  const findings = reports.reduce((sum, report) => sum + report.findings.length, 0);
  const filesWithFindings = reports.filter((report) => report.findings.length > 0).length;
  // A table already ends with a blank line; after "nothing found" lines, add one before the summary.
  const lastHadTable = (reports.at(-1)?.findings.length ?? 0) > 0;
  let summary = `${lastHadTable ? '' : '\n'}Scanned ${plural(reports.length, 'file')} in ${(elapsedMs / 1000).toFixed(1)} s: `;
  summary += findings === 0 ? 'nothing found' : `${plural(findings, 'finding')} in ${plural(filesWithFindings, 'file')}`;
  if (failures > 0) summary += `; ${plural(failures, 'path')} could not be read (see above)`;
  return `${summary}.\n`;
}

/** One line, at most `width` characters, so long or multi-line findings keep the table readable. */
function shorten(text: string, width: number): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length <= width ? flat : `${flat.slice(0, width - 1)}…`;
}

function plural(count: number, noun: string): string {
  return `${count} ${noun}${count === 1 ? '' : 's'}`;
}

function formatMegabytes(bytes: number): string {
  return `${(bytes / (1024 * 1024)).toFixed(1)} MB`;
}
