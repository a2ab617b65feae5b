/**
 * Expands the scan command's path arguments into the HTML files to read: files are taken as given, folders
 * are walked recursively for *.html, *.htm and *.xhtml. Problems (missing paths, unreadable folders, a folder
 * without HTML) are collected, never thrown, so one bad argument does not stop the others.
 */
import { readdir, realpath, stat } from 'node:fs/promises';
import { join } from 'node:path';

export const HTML_FILE_PATTERN = /\.(?:html?|xhtml)$/i;

export interface PathProblem {
  path: string;
  message: string;
}

export interface CollectedFiles {
  /** In argument order; inside a folder, sorted by name. Each file appears once. */
  files: string[];
  problems: PathProblem[];
}

export async function collectHtmlFiles(paths: readonly string[]): Promise<CollectedFiles> {
  const files: string[] = [];
  const problems: PathProblem[] = [];
  // Real paths already taken, so a file named twice or reached through a symlink is scanned once and a
  // symlink loop ends.
  const seen = new Set<string>();

  const addFile = async (path: string): Promise<void> => {
    const real = await realpath(path).catch(() => path);
    if (seen.has(real)) return;
    seen.add(real);
    files.push(path);
  };

  /** Walks a folder; returns how many HTML files it (and its subfolders) held. */
  const walk = async (folder: string): Promise<number> => {
    const real = await realpath(folder).catch(() => folder);
    if (seen.has(real)) return 0;
    seen.add(real);
    let names: string[];
    try {
      names = (await readdir(folder)).sort();
    } catch (error) {
      problems.push({ path: folder, message: `cannot read folder (${describeError(error)})` });
      return 0;
    }
    let found = 0;
    for (const name of names) {
      const child = join(folder, name);
      let info;
      try {
        info = await stat(child);
      } catch (error) {
        // A broken symlink or a file removed while walking: only worth a word if it looked like a page.
        if (HTML_FILE_PATTERN.test(name)) problems.push({ path: child, message: describeError(error) });
        continue;
      }
      if (info.isDirectory()) {
        found += await walk(child);
      } else if (info.isFile() && HTML_FILE_PATTERN.test(name)) {
        await addFile(child);
        found += 1;
      }
    }
    return found;
  };

  for (const path of paths) {
    let info;
    try {
      info = await stat(path);
    } catch (error) {
      problems.push({ path, message: describeError(error) });
      continue;
    }
    if (info.isDirectory()) {
      // The same folder named twice is walked once, without a second "no HTML" complaint.
      if (seen.has(await realpath(path).catch(() => path))) continue;
      const problemsBefore = problems.length;
      const found = await walk(path);
      if (found === 0 && problems.length === problemsBefore) {
        problems.push({ path, message: 'folder holds no HTML files (*.html, *.htm, *.xhtml)' });
      }
    } else if (info.isFile()) {
      // A file named explicitly is scanned whatever its extension: the user asked for it.
      await addFile(path);
    } else {
      problems.push({ path, message: 'not a file or a folder' });
    }
  }
  return { files, problems };
}

/** A short human reason for a file-system error, e.g. "no such file or folder". */
export function describeError(error: unknown): string {
  const code = typeof error === 'object' && error !== null && 'code' in error ? String(error.code) : '';
  switch (code) {
    case 'ENOENT':
      return 'no such file or folder';
    case 'EACCES':
    case 'EPERM':
      return 'permission denied';
    case 'EISDIR':
      return 'is a folder';
    case 'ELOOP':
      return 'too many levels of symbolic links';
    case 'ENOTDIR':
      return 'a part of the path is not a folder';
    default:
      return error instanceof Error ? error.message : String(error);
  }
}
