/**
 * Lists the file names in a zip archive by reading its central directory, so release checks and tests can
 * inspect the store packages without an unzip binary or another dependency.
 */

const END_OF_CENTRAL_DIRECTORY = 0x06054b50;
const CENTRAL_FILE_HEADER = 0x02014b50;

export function listZipEntries(zip: Buffer): string[] {
  // The end-of-central-directory record is 22 bytes plus a comment of up to 64 KiB, at the very end.
  let end = -1;
  for (let i = zip.length - 22; i >= Math.max(0, zip.length - 22 - 0xffff); i--) {
    if (zip.readUInt32LE(i) === END_OF_CENTRAL_DIRECTORY) {
      end = i;
      break;
    }
  }
  if (end < 0) throw new Error('not a zip archive: no end-of-central-directory record');
  const count = zip.readUInt16LE(end + 10);
  let at = zip.readUInt32LE(end + 16);
  const names: string[] = [];
  for (let n = 0; n < count; n++) {
    if (zip.readUInt32LE(at) !== CENTRAL_FILE_HEADER) throw new Error(`corrupt zip: bad central header at ${at}`);
    const nameLength = zip.readUInt16LE(at + 28);
    const extraLength = zip.readUInt16LE(at + 30);
    const commentLength = zip.readUInt16LE(at + 32);
    names.push(zip.toString('utf8', at + 46, at + 46 + nameLength));
    at += 46 + nameLength + extraLength + commentLength;
  }
  return names;
}

/** What the AMO sources zip may hold: the files that rebuild the extension and the docs that explain how. */
export const SOURCES_ALLOWED: readonly RegExp[] = [
  /^(src|entrypoints|public|scripts)\//,
  /^(package\.json|package-lock\.json|wxt\.config\.ts|tsconfig\.json|README\.md|PRIVACY\.md|LICENSE(\.\w+)?)$/,
];

/** What the sources zip must hold for `npm ci && npm run build:firefox` to work. */
export const SOURCES_REQUIRED: readonly string[] = [
  'package.json',
  'package-lock.json',
  'wxt.config.ts',
  'tsconfig.json',
  'README.md',
  'PRIVACY.md',
  'public/icon/icon.svg',
];

/** Entries of a sources zip that do not belong there (tests, build output, dependencies, stray files). */
export function strayEntries(entries: readonly string[]): string[] {
  return entries.filter(
    (name) =>
      !SOURCES_ALLOWED.some((pattern) => pattern.test(name)) ||
      /(^|\/)(node_modules|\.output[^/]*|\.wxt|\.ci-out|test-results)\//.test(name) ||
      /\.(test|spec)\.[cm]?[jt]sx?$/.test(name),
  );
}
