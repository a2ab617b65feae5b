import { describe, expect, it } from 'vitest';
import { decodeHtml } from './decode-html';

const ascii = (text: string): number[] => [...text].map((char) => char.charCodeAt(0));

function decoded(bytes: Uint8Array): { text: string; encoding: string } {
  const result = decodeHtml(bytes);
  if (!result.ok) throw new Error(`expected text, got: ${result.reason}`);
  return { text: result.text, encoding: result.encoding };
}

describe('decodeHtml', () => {
  it('reads UTF-8 by default, including Hebrew and curly quotes', () => {
    const result = decoded(new TextEncoder().encode('<p>איראן “Tel Aviv”</p>'));
    expect(result).toEqual({ text: '<p>איראן “Tel Aviv”</p>', encoding: 'utf-8' });
  });

  it('follows <meta charset> (windows-1252 curly apostrophe)', () => {
    const bytes = new Uint8Array(ascii('<meta charset="windows-1252"><p>Iran\u0092s</p>'));
    expect(decoded(bytes)).toEqual({ text: '<meta charset="windows-1252"><p>Iran’s</p>', encoding: 'windows-1252' });
  });

  it('follows the http-equiv form of the charset (windows-1255 Hebrew)', () => {
    const head = ascii('<meta http-equiv="Content-Type" content="text/html; charset=windows-1255"><p>');
    const result = decoded(new Uint8Array([...head, 0xe0, 0xe9, 0xf8, 0xe0, 0xef]));
    expect(result.encoding).toBe('windows-1255');
    expect(result.text.endsWith('<p>איראן')).toBe(true);
  });

  it('follows the XML declaration of an XHTML page', () => {
    const bytes = new Uint8Array([...ascii('<?xml version="1.0" encoding="ISO-8859-1"?><p>caf'), 0xe9]);
    expect(decoded(bytes).text.endsWith('café')).toBe(true);
  });

  it('lets a byte order mark win over a meta tag', () => {
    const body = '<meta charset="windows-1252"><p>שלום</p>';
    const utf16 = new Uint8Array([0xff, 0xfe, ...new Uint8Array(new Uint16Array([...body].map((c) => c.charCodeAt(0))).buffer)]);
    expect(decoded(utf16)).toEqual({ text: body, encoding: 'utf-16le' });
    const utf8 = new Uint8Array([0xef, 0xbb, 0xbf, ...new TextEncoder().encode(body)]);
    expect(decoded(utf8)).toEqual({ text: body, encoding: 'utf-8' });
  });

  it('ignores an unknown charset label and reads UTF-8', () => {
    expect(decoded(new TextEncoder().encode('<meta charset="no-such-thing"><p>é</p>')).encoding).toBe('utf-8');
  });

  it('reads an undeclared page that is not UTF-8 as windows-1252', () => {
    const result = decoded(new Uint8Array([...ascii('<p>caf'), 0xe9, ...ascii(' cr'), 0xe8, ...ascii('me</p>')]));
    expect(result).toEqual({ text: '<p>café crème</p>', encoding: 'windows-1252' });
  });

  it('refuses files with NUL bytes', () => {
    const result = decodeHtml(new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d]));
    expect(result.ok).toBe(false);
    expect(!result.ok && result.reason).toMatch(/binary data.*NUL byte at offset 8/);
  });

  it('refuses bytes that are mostly undecodable or control characters', () => {
    // Deterministic pseudo-random bytes without NULs.
    const junk = new Uint8Array(4000);
    let seed = 7;
    for (let index = 0; index < junk.length; index += 1) {
      seed = (seed * 1103515245 + 12345) % 2147483648;
      junk[index] = 1 + (seed % 255);
    }
    const result = decodeHtml(junk);
    expect(result.ok).toBe(false);
    expect(!result.ok && result.reason).toMatch(/binary data/);
  });

  it('accepts a page with one damaged byte among valid UTF-8', () => {
    const good = new TextEncoder().encode(`<p>${'שלום '.repeat(50)}</p>`);
    const bytes = new Uint8Array([...good.subarray(0, 20), 0xff, ...good.subarray(20)]);
    const result = decoded(bytes);
    expect(result.encoding).toBe('utf-8');
    expect(result.text).toContain('שלום');
  });
});

describe('decodeHtml: pages re-encoded when saved', () => {
  it('reads valid multi-byte UTF-8 as UTF-8 even when an old <meta charset> says otherwise', () => {
    const result = decoded(new TextEncoder().encode('<meta charset="gbk"><p>无障碍 איראן</p>'));
    expect(result).toEqual({ text: '<meta charset="gbk"><p>无障碍 איראן</p>', encoding: 'utf-8' });
  });
});
