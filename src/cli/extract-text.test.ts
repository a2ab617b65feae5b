import { describe, expect, it } from 'vitest';
import { BLOCK_SEPARATOR, hidesContent, styleHasDisplayNone } from '../page/text-rules';
import { extractText } from './extract-text';

const blocksOf = (html: string): string[] => extractText(html).blocks;

describe('extractText: what is never read', () => {
  it.each([
    ['script', '<p>before<script>var headline = "Iran Strikes Tel Aviv";</script>after</p>'],
    ['style', '<p>before<style>p::after { content: "Iran Strikes" }</style>after</p>'],
    ['template', '<p>before<template><p>Iran Strikes Tel Aviv</p></template>after</p>'],
    ['noscript', '<p>before<noscript><p>Iran Strikes Tel Aviv</p></noscript>after</p>'],
    ['textarea', '<p>before<textarea>Iran Strikes Tel Aviv</textarea>after</p>'],
    ['select/option', '<p>before<select><option>Iran Strikes Tel Aviv</option></select>after</p>'],
    ['iframe fallback', '<p>before<iframe>Iran Strikes Tel Aviv</iframe>after</p>'],
    ['object fallback', '<p>before<object data="x.swf"><p>Iran Strikes Tel Aviv</p></object>after</p>'],
    ['head and title', '<html><head><title>Iran Strikes Tel Aviv</title></head><body><p>before</p><p>after</p></body></html>'],
    ['svg tooltip', '<p>before<svg><title>Iran Strikes Tel Aviv</title></svg>after</p>'],
    ['hidden attribute', '<p>before<span hidden>Iran Strikes Tel Aviv</span>after</p>'],
    ['inline display:none', '<p>before<span style="color: red; DISPLAY: none !important">Iran Strikes Tel Aviv</span>after</p>'],
    ['contenteditable', '<p>before<span contenteditable>Iran Strikes Tel Aviv</span>after</p>'],
    ['contenteditable=plaintext-only', '<p>before<div contenteditable="plaintext-only">Iran Strikes</div></p><p>after</p>'],
    ['closed dialog', '<p>before<dialog>Iran Strikes Tel Aviv</dialog>after</p>'],
    ['comment', '<p>before<!-- Iran Strikes Tel Aviv -->after</p>'],
  ])('skips %s', (_name, html) => {
    const { text } = extractText(html);
    expect(text).not.toContain('Iran');
    expect(text).toContain('before');
    expect(text).toContain('after');
  });

  it("reads a declarative shadow root's text (the browser shows it), not an ordinary template's", () => {
    const html =
      '<p>Shared: <x-card><template shadowrootmode="open"><b>Iran Strikes Tel Aviv</b> with Heavy Missiles <slot></slot></template>(via a post)</x-card></p>' +
      '<div><template shadowrootmode="bogus"><p>Klay Thompson</p></template>after</div>';
    expect(blocksOf(html)).toEqual(['Shared: Iran Strikes Tel Aviv with Heavy Missiles (via a post)', 'after']);
  });

  it('skips a whole nested subtree and resumes after it', () => {
    expect(blocksOf('<div>a<noscript><div><p>x</p><span>y</span></div></noscript>b</div><p>c</p>')).toEqual([
      'ab',
      'c',
    ]);
  });

  it('reads input values never, but keeps button labels (visible, not typed by the user)', () => {
    expect(blocksOf('<p>Say <input value="Iran Strikes"> <button>Follow</button></p>')).toEqual(['Say Follow']);
  });

  it('reads text marked aria-hidden, which sighted readers still see', () => {
    expect(blocksOf('<p><span aria-hidden="true">Iran Strikes</span> Tel Aviv</p>')).toEqual(['Iran Strikes Tel Aviv']);
  });

  it('reads contenteditable="false" and display values other than none', () => {
    expect(blocksOf('<p contenteditable="false">one</p><p style="display:block;color:red">two</p>')).toEqual([
      'one',
      'two',
    ]);
  });

  it('reads only the summary of a closed <details>, and all of an open one', () => {
    expect(blocksOf('<details>loose<summary>Read <b>more</b></summary><p>Iran Strikes</p></details><p>after</p>')).toEqual([
      'Read more',
      'after',
    ]);
    expect(blocksOf('<details open><summary>Read more</summary><p>body</p></details>')).toEqual(['Read more', 'body']);
  });

  it('reads an open dialog', () => {
    expect(blocksOf('<dialog open><p>shown</p></dialog>')).toEqual(['shown']);
  });
});

describe('extractText: inline markup and blocks', () => {
  it('joins a headline split across <a>, <b>, <em> into one string with no added characters', () => {
    const html =
      '<div><a href="/i/trending/1"><b>Iran</b> Strikes</a> <em>Tel</em><span> Aviv</span> with Heavy Missiles</div>';
    expect(blocksOf(html)).toEqual(['Iran Strikes Tel Aviv with Heavy Missiles']);
  });

  it('adds nothing between adjacent inline elements, as a browser renders them', () => {
    expect(blocksOf('<p><b>Tel</b><i>Aviv</i><wbr><span>!</span></p>')).toEqual(['TelAviv!']);
  });

  it('separates blocks with a blank line so the core never matches across them', () => {
    const { text, blocks } = extractText('<h1>Iran Strikes</h1><p>Tel Aviv with Heavy Missiles</p>');
    expect(blocks).toEqual(['Iran Strikes', 'Tel Aviv with Heavy Missiles']);
    expect(text).toBe(`Iran Strikes${BLOCK_SEPARATOR}Tel Aviv with Heavy Missiles`);
    expect(BLOCK_SEPARATOR).toBe('\n\n');
  });

  it('splits a block around a nested block, and list items and table cells are blocks', () => {
    expect(blocksOf('<div>intro <p>para</p> tail</div><ul><li>one<li>two</ul><table><tr><td>c1<td>c2</table>')).toEqual(
      ['intro', 'para', 'tail', 'one', 'two', 'c1', 'c2'],
    );
  });

  it('treats unknown and custom elements as inline', () => {
    expect(blocksOf('<p><x-headline>Iran</x-headline> <gc-x>Strikes</gc-x></p>')).toEqual(['Iran Strikes']);
  });

  it('turns <br> into a line break inside the block, dropping the spaces around it', () => {
    expect(blocksOf('<p>Iran Strikes <br>\n  Tel Aviv<br></p>')).toEqual(['Iran Strikes\nTel Aviv']);
  });

  it('keeps text inside svg <text>', () => {
    expect(blocksOf('<p>a <svg><text>chart label</text></svg></p>')).toEqual(['a chart label']);
  });

  it('survives unclosed and stray tags', () => {
    expect(blocksOf('<div><p>one<p>two</span></b></div></div><p>three')).toEqual(['one', 'two', 'three']);
  });

  it('returns no blocks for an empty or markup-only document', () => {
    expect(extractText('')).toEqual({ text: '', blocks: [] });
    expect(extractText('<div> <span>\n</span> </div>')).toEqual({ text: '', blocks: [] });
  });
});

describe('extractText: whitespace and entities', () => {
  it('collapses whitespace runs and trims block edges, across element boundaries', () => {
    expect(blocksOf('<p>\n   Iran   <b> Strikes </b>\t\n Tel  Aviv   </p>')).toEqual(['Iran Strikes Tel Aviv']);
  });

  it('keeps non-breaking spaces (they render as spaces but do not collapse)', () => {
    expect(blocksOf('<p>Tel&nbsp;&nbsp;Aviv</p>')).toEqual(['Tel\u00A0\u00A0Aviv']);
  });

  it('decodes named, decimal and hex entities, including legacy ones without a semicolon', () => {
    expect(blocksOf('<p>&quot;Tel&nbsp;Aviv&quot; &amp; &#8217; &#x5D0;&#x5d1; &rsquo;&hellip; &copy 2024</p>')).toEqual([
      '"Tel\u00A0Aviv" & \u2019 אב \u2019\u2026 © 2024',
    ]);
  });

  it('keeps whitespace inside <pre>, dropping the newline right after the start tag', () => {
    expect(blocksOf('<p>x</p><pre>\n  a   b\n  c</pre>')).toEqual(['x', 'a   b\n  c']);
  });

  it('treats CR LF like LF', () => {
    expect(blocksOf('<p>Iran\r\nStrikes</p><pre>a\r\nb\rc</pre>')).toEqual(['Iran Strikes', 'a\nb\nc']);
  });

  it('keeps Hebrew text and bidi marks intact', () => {
    expect(blocksOf('<p dir="rtl"><b>איראן</b> תוקפת את\u200F <a>תל אביב</a></p>')).toEqual([
      'איראן תוקפת את\u200F תל אביב',
    ]);
  });
});

describe('extractText: XHTML', () => {
  it('honours self-closing tags in .xhtml pages', () => {
    expect(extractText('<div/><p>a<span/>b</p>', { xhtml: true }).blocks).toEqual(['ab']);
  });
});

describe('text rules', () => {
  it('reads the last display declaration of an inline style', () => {
    expect(styleHasDisplayNone('display:none')).toBe(true);
    expect(styleHasDisplayNone('display: none; display: block')).toBe(false);
    expect(styleHasDisplayNone('display:flex')).toBe(false);
    expect(styleHasDisplayNone('--display: none')).toBe(false);
  });

  it('decides hiding from attributes only', () => {
    const attrs = (values: Record<string, string>) => (name: string) => values[name];
    expect(hidesContent('div', attrs({ hidden: '' }))).toBe(true);
    expect(hidesContent('div', attrs({ 'aria-hidden': 'true' }))).toBe(false);
    expect(hidesContent('dialog', attrs({}))).toBe(true);
    expect(hidesContent('dialog', attrs({ open: '' }))).toBe(false);
  });
});
