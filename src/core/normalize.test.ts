import { describe, expect, it } from 'vitest';
import { C_WORD, classOf, foldOf, foldText, normalizeWords, slowClassValue, toOriginalOffset, wordKeys } from './normalize';

describe('normalizeWords: the contract folding', () => {
  const cases: [string, string, string[]][] = [
    ['case', 'GROK Grok grok', ['grok', 'grok', 'grok']],
    ['Latin diacritics', 'Café Mödï naïve', ['cafe', 'modi', 'naive']],
    ['NFKC fullwidth and ligatures', '\uFF27\uFF52\uFF4F\uFF4B \uFB01nal stra\u00DFe', ['grok', 'final', 'strasse']],
    ['Hebrew niqqud and cantillation', 'בְּרֵאשִׁ֖ית', ['בראשית']],
    ['zero-width chars do not split', 'Gr\u200Bo\u200Cok\u200D \u2060x\uFEFFy', ['grook', 'xy']],
    ['soft hyphen does not split', 'mis\u00ADsiles', ['missiles']],
    ['bidi marks do not split', 'a\u200Eb\u200Fc\u202Ad\u202Ee\u2066f\u2069g\u061Ch', ['abcdefgh']],
    ['apostrophes inside words dropped', "Lowe's Lowe\u2019s Lowe\u2018s Lowe`s Lowe\u00B4s", ['lowes', 'lowes', 'lowes', 'lowes', 'lowes']],
    ['Hebrew geresh and gershayim dropped', "צ'אט צ׳אט צה״ל צה\"ל", ['צאט', 'צאט', 'צהל', 'צהל']],
    ['quotes around words separate', '"Grok" \u2018trending\u2019', ['grok', 'trending']],
    ['dashes separate', 'a-b c\u2010d e\u2011f g\u2013h i\u2014j ק\u05BEל', ['a', 'b', 'c', 'd', 'e', 'f', 'g', 'h', 'i', 'j', 'ק', 'ל']],
    ['punctuation separates', 'a/b:c;d,e(f)g.h', ['a', 'b', 'c', 'd', 'e', 'f', 'g', 'h']],
    ['whitespace of every kind separates', 'a\u00A0b\u202Fc\td\ne\r\nf\u2029g\u3000h', ['a', 'b', 'c', 'd', 'e', 'f', 'g', 'h']],
    ['digit groups join', '50,000 50.000 50 000 50\u00A0000 1,234,567', ['50000', '50000', '50000', '50000', '1234567']],
    ['not digit groups', '3.5 2024 100 1,23 12,3456 a,000', ['3', '5', '2024', '100', '1', '23', '12', '3456', 'a', '000']],
    ['a group glued to letters is not joined', '10 100m 5,000k', ['10', '100m', '5', '000k']],
    ['emoji separate', 'Grok🔥trending', ['grok', 'trending']],
    ['math letters fold', '\u{1D406}\u{1D42B}\u{1D428}\u{1D424}', ['grok']],
  ];
  it.each(cases)('%s', (_name, input, words) => {
    expect(normalizeWords(input)).toEqual(words);
  });
});

describe('ASCII, Hebrew letters and common punctuation, classified directly at start', () => {
  it('have the class and folding the slow way gives each of them', () => {
    const codes = [
      ...Array.from({ length: 128 }, (_, c) => c),
      ...Array.from({ length: 0x05ea - 0x05d0 + 1 }, (_, i) => 0x05d0 + i),
      ...[0xa0, 0xab, 0xb4, 0xb7, 0xbb, 0x05be, 0x05c0, 0x05c3, 0x05c6, 0x05f3, 0x05f4],
      ...Array.from({ length: 0x70 }, (_, i) => 0x2000 + i),
    ];
    const direct = codes.map((c) => (classOf(c) << 16) | (classOf(c) >= C_WORD ? foldOf(c) : 0));
    expect(direct).toEqual(codes.map((c) => slowClassValue(c)));
  });
});

describe('wordKeys: English endings and spellings fold together', () => {
  const same: [string, string[]][] = [
    ['plural', ['missile', 'missiles', 'Missiles']],
    ['possessive', ["Sun's", 'Sun\u2019s', 'Suns', 'sun']],
    ['tense', ['strike', 'strikes', 'striking']],
    ['-ies', ['story', 'stories']],
    ['-ied', ['study', 'studied', 'studies']],
    ['-es', ['box', 'boxes']],
    ['doubled consonant', ['grok', 'grokked', 'grokking', 'groks']],
    ['-lled / -led', ['travelled', 'traveled', 'travel', 'travelling', 'traveling']],
    ['-our / -or', ['behaviour', 'behavior', 'behaviours', 'behaviors']],
    ['-ise / -ize', ['vandalise', 'vandalize', 'vandalising', 'vandalizing', 'vandalised', 'vandalized']],
    ['-isation / -ization', ['organisation', 'organization', 'organisations']],
    ['-tre / -ter', ['centre', 'center', 'centres', 'centers']],
  ];
  it.each(same)('%s', (_name, words) => {
    const keys = words.map((w) => wordKeys(w)[0]);
    expect(new Set(keys).size).toBe(1);
  });

  it('keeps short and unrelated words apart', () => {
    expect(wordKeys('this is his analysis')).toEqual(['this', 'is', 'his', 'analysis']);
    expect(wordKeys('strike stroke')[0]).not.toBe(wordKeys('strike stroke')[1]);
  });

  it('leaves Hebrew words alone', () => {
    expect(wordKeys('כותרות בטילים')).toEqual(['כותרות', 'בטילים']);
  });
});

describe('foldText: folded text with an offset map', () => {
  it('fast path: nothing dropped, offsets unchanged', () => {
    const folded = foldText('Iran Strikes Tel-Aviv!');
    expect(folded).toEqual({ text: 'iran strikes tel-aviv!', map: null });
    expect(toOriginalOffset(folded, 5)).toBe(5);
  });

  it('drops ignorables, in-word quotes and digit-group separators and maps offsets back', () => {
    const input = 'Lowe\u2019s Gr\u200Bok 50,000 \u00ADx';
    const folded = foldText(input);
    expect(folded.text).toBe('lowes grok 50000 x');
    for (let j = 0; j < folded.text.length; j++) {
      const o = toOriginalOffset(folded, j);
      const ch = input[o]!;
      expect(ch.toLowerCase()).toBe(folded.text[j]);
    }
    expect(toOriginalOffset(folded, folded.text.length)).toBe(input.length);
  });

  it('maps expanded characters to their source', () => {
    const input = 'Stra\u00DFe';
    const folded = foldText(input);
    expect(folded.text).toBe('strasse');
    expect(toOriginalOffset(folded, 5)).toBe(4);
    expect(toOriginalOffset(folded, 6)).toBe(5);
  });
});
