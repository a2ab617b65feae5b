/**
 * Turns a saved page's bytes into text: picks the encoding the way a browser would (byte order mark, then an
 * XML declaration or `<meta charset>` near the top, else UTF-8), and refuses files that are not text at all
 * (NUL bytes, or mostly undecodable bytes and control characters), so junk is reported instead of scanned.
 */

export type DecodedHtml =
  | { ok: true; text: string; encoding: string }
  | { ok: false; reason: string };

/** How far into the file to look for NUL bytes and a declared charset (browsers prescan 1024 bytes). */
const SNIFF_BYTES = 4096;
const BINARY_CHECK_BYTES = 8192;
/** Share of replacement and control characters above which a file is junk rather than a damaged page. */
const JUNK_RATIO = 0.02;

export function decodeHtml(bytes: Uint8Array): DecodedHtml {
  const bomEncoding = encodingFromBom(bytes);
  if (bomEncoding === undefined) {
    const nul = bytes.subarray(0, BINARY_CHECK_BYTES).indexOf(0);
    if (nul >= 0) return { ok: false, reason: `binary data, not an HTML text file (NUL byte at offset ${nul})` };
  }
  let declared = bomEncoding === undefined ? declaredEncoding(bytes) : undefined;
  // Saving a page often re-encodes it as UTF-8 but keeps its old <meta charset> (e.g. gbk): bytes that are
  // valid UTF-8 with multi-byte characters are almost never legacy-encoded text, so trust the bytes.
  if (declared !== undefined && declared !== 'utf-8' && isMultiByteUtf8(bytes)) declared = 'utf-8';
  let encoding = bomEncoding ?? declared ?? 'utf-8';
  let text = decode(bytes, encoding);

  // No declared charset and some bytes that are not UTF-8: if nothing else in the file is multi-byte UTF-8,
  // it is a legacy Western page saved without a charset, which browsers read as windows-1252.
  if (bomEncoding === undefined && declared === undefined && text.includes('\uFFFD') && !hasDecodedNonAscii(text)) {
    encoding = 'windows-1252';
    text = decode(bytes, encoding);
  }
  const junk = countJunk(text);
  if (junk >= 2 && junk > text.length * JUNK_RATIO) {
    return {
      ok: false,
      reason: `binary data, not an HTML text file (${junk} of ${text.length} characters are undecodable or control characters as ${encoding})`,
    };
  }
  return { ok: true, text, encoding };
}

/**
 * Node 20's TextDecoder decodes windows-1252 (also the encoding behind the labels latin1 and iso-8859-1) as
 * ISO-8859-1, leaving bytes 0x80-0x9F as C1 controls instead of curly quotes, dashes and the euro sign. Map
 * them as the Encoding Standard does; where the decoder already does, this finds nothing to change.
 */
const WINDOWS_1252_C1 =
  '\u20AC\u0081\u201A\u0192\u201E\u2026\u2020\u2021\u02C6\u2030\u0160\u2039\u0152\u008D\u017D\u008F' +
  '\u0090\u2018\u2019\u201C\u201D\u2022\u2013\u2014\u02DC\u2122\u0161\u203A\u0153\u009D\u017E\u0178';

function decode(bytes: Uint8Array, encoding: string): string {
  const text = new TextDecoder(encoding).decode(bytes);
  if (encoding !== 'windows-1252') return text;
  return text.replace(/[\u0080-\u009F]/g, (char) => WINDOWS_1252_C1.charAt(char.charCodeAt(0) - 0x80));
}

function isMultiByteUtf8(bytes: Uint8Array): boolean {
  try {
    return /[^\u0000-\u007F]/.test(new TextDecoder('utf-8', { fatal: true }).decode(bytes));
  } catch {
    return false;
  }
}

function encodingFromBom(bytes: Uint8Array): string | undefined {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return 'utf-8';
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return 'utf-16le';
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return 'utf-16be';
  return undefined;
}

/** The encoding named by `<?xml ... encoding="...">` or a `<meta>` tag near the top, if the platform knows it. */
function declaredEncoding(bytes: Uint8Array): string | undefined {
  // latin1 maps every byte to one character, so ASCII markup reads the same whatever the real encoding is.
  const head = new TextDecoder('latin1').decode(bytes.subarray(0, SNIFF_BYTES));
  const labels: string[] = [];
  const xml = /^\s*<\?xml[^>]*?\bencoding\s*=\s*["']([^"']{1,40})["']/i.exec(head);
  if (xml?.[1] !== undefined) labels.push(xml[1]);
  for (const meta of head.matchAll(/<meta\b[^>]{0,500}>/gi)) {
    // Covers both <meta charset="x"> and <meta http-equiv="Content-Type" content="text/html; charset=x">.
    const charset = /charset\s*=\s*["']?\s*([^\s"'/>;]{1,40})/i.exec(meta[0]);
    if (charset?.[1] !== undefined) labels.push(charset[1]);
  }
  for (const label of labels) {
    const encoding = knownEncoding(label);
    if (encoding !== undefined) return encoding;
  }
  return undefined;
}

function knownEncoding(label: string): string | undefined {
  try {
    const encoding = new TextDecoder(label.trim()).encoding;
    // A page cannot really be UTF-16 if its ASCII meta tag was readable: browsers treat this as UTF-8.
    return encoding.startsWith('utf-16') ? 'utf-8' : encoding;
  } catch {
    return undefined;
  }
}

/** Replacement characters and C0/C1 controls other than tab, newline, form feed and carriage return. */
const JUNK_CHARACTERS = /[\uFFFD\u0000-\u0008\u000B\u000E-\u001F\u007F-\u009F]/g;

function countJunk(text: string): number {
  // A native regex scan: pages are megabytes and real ones have almost no matches.
  return text.match(JUNK_CHARACTERS)?.length ?? 0;
}

function hasDecodedNonAscii(text: string): boolean {
  return /[^\u0000-\u007F\uFFFD]/.test(text);
}
