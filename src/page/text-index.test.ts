// @vitest-environment happy-dom
import { beforeEach, describe, expect, it } from 'vitest';
import { createMatcher } from '../core/compile';
import { bundledMatcherConfig } from '../data/matcher-config';
import { StreamReader, readBlocks } from './stream-reader';
import { BlockReader, SparseReader, positionAt, rangeFor, type TextBlock } from './text-index';

function texts(blocks: TextBlock[]): string[] {
  return blocks.map((block) => block.text.replace(/\s+/g, ' ').trim());
}

function rangeText(range: AbstractRange): string {
  const live = document.createRange();
  live.setStart(range.startContainer, range.startOffset);
  live.setEnd(range.endContainer, range.endOffset);
  return live.toString();
}

describe('text index', () => {
  beforeEach(() => {
    document.body.innerHTML = '';
  });

  it('joins a headline split across inline elements with no added characters', () => {
    document.body.innerHTML = '<h2><a href="#">Iran <b>Strikes</b></a> <em>Tel</em> Aviv</h2>';
    const blocks = readBlocks(document.body);
    expect(blocks.map((block) => block.text)).toEqual(['Iran Strikes Tel Aviv']);
  });

  it('cuts blocks at block elements, including text around a nested block', () => {
    document.body.innerHTML = '<div>before <p>inside <span>span</span></p> after</div><ul><li>one</li><li>two</li></ul>';
    expect(texts(readBlocks(document.body))).toEqual(['before', 'inside span', 'after', 'one', 'two']);
  });

  it('skips form fields, editable regions, scripts, hidden content and our host', () => {
    document.body.innerHTML = `
      <p>visible</p>
      <textarea>typed text</textarea><input value="field">
      <div contenteditable="true">editing</div>
      <div contenteditable="false">not editable</div>
      <script>var s = "script";</script><style>.x{}</style><template><p>template</p></template>
      <noscript>noscript</noscript>
      <p hidden>hidden attribute</p>
      <p style="color: red; display: none">inline none</p>
      <dialog>closed dialog</dialog>
      <gc-root>our card</gc-root>
      <button>Button label</button>`;
    expect(texts(readBlocks(document.body)).join('|')).toBe('visible|not editable|Button label');
  });

  it('folds line breaks in normal text one for one and keeps them in pre', () => {
    document.body.innerHTML = '<p>Iran Strikes\n\nTel Aviv</p><pre>line one\n\nline two</pre>';
    const [paragraph, pre] = readBlocks(document.body);
    expect(paragraph?.text).toBe('Iran Strikes  Tel Aviv');
    expect(pre?.text).toBe('line one\n\nline two');
  });

  it('reads <br> as a line break inside the block', () => {
    document.body.innerHTML = '<p>first<br>second</p>';
    expect(readBlocks(document.body).map((block) => block.text)).toEqual(['first\nsecond']);
  });

  it('maps block offsets back to text nodes and builds ranges over split markup', () => {
    document.body.innerHTML = '<p>Read: <a href="#">Iran <b>Strikes</b></a> <em>Tel Aviv</em> with Heavy Missiles!</p>';
    const [block] = readBlocks(document.body);
    if (!block) throw new Error('no block');
    const start = block.text.indexOf('Iran');
    const end = block.text.indexOf('Missiles') + 'Missiles'.length;
    const range = rangeFor(block, start, end);
    expect(rangeText(range)).toBe('Iran Strikes Tel Aviv with Heavy Missiles');
    expect((range.startContainer as Text).data).toBe('Iran ');
    expect(range.endContainer.textContent).toContain('Missiles');
    // A boundary between nodes: a start lands in the next node, an end in the previous one.
    const strikes = block.text.indexOf('Strikes');
    expect(positionAt(block, strikes, 'forward')).toMatchObject({ offset: 0 });
    expect((positionAt(block, strikes, 'forward').node as Text).data).toBe('Strikes');
    expect((positionAt(block, strikes, 'backward').node as Text).data).toBe('Iran ');
  });

  it('the stream reader and the element walk read the same blocks', () => {
    document.body.innerHTML = `<div>lead <span>in</span><p>para <b>bold</b><br>next</p>tail<hr>after
      <ul><li>one <a>link</a></li></ul><section hidden><p>hidden</p></section><script>x</script>
      <div contenteditable><p>typed</p></div><pre>a\n\nb</pre></div>`;
    const walk = new BlockReader(document.body);
    walk.step(() => false);
    const stream = new StreamReader(document.body);
    stream.step(() => false);
    expect(stream.takeBlocks().map((block) => block.text)).toEqual(walk.takeBlocks().map((block) => block.text));
  });

  it('shallow reads pass over nested blocks', () => {
    document.body.innerHTML = '<div id="c">own <p>nested</p> text</div>';
    const container = document.getElementById('c') as Element;
    expect(texts(readBlocks(container, { shallow: true }))).toEqual(['own', 'text']);
  });

  it('reads in slices and stops when the node it paused at leaves the page', () => {
    document.body.innerHTML = Array.from({ length: 400 }, (_, i) => `<p>para ${i}</p>`).join('');
    const reader = new BlockReader(document.body);
    let calls = 0;
    expect(reader.step(() => ++calls > 1)).toBe(false);
    const first = reader.takeBlocks().length;
    expect(first).toBeGreaterThan(0);
    expect(first).toBeLessThan(400);
    while (!reader.step(() => false));
    expect(first + reader.takeBlocks().length).toBe(400);
    expect(reader.interrupted).toBe(false);

    const stream = new StreamReader(document.body);
    expect(stream.step(() => true)).toBe(false);
    const streamed = stream.takeBlocks().length;
    while (!stream.step(() => false));
    expect(streamed + stream.takeBlocks().length).toBe(400);

    const interrupted = new BlockReader(document.body);
    calls = 0;
    interrupted.step(() => ++calls > 1);
    document.body.innerHTML = '<p>replaced</p>';
    expect(interrupted.step(() => false)).toBe(true);
    expect(interrupted.interrupted).toBe(true);
  });

  it('reading a page of empty elements still gives the page its turns, and resumes where it stopped', () => {
    const filter = createMatcher(bundledMatcherConfig).candidates;
    if (!filter) throw new Error('the bundled matcher has a candidate filter');
    // Thousands of empty elements in a long list (read piece by piece), then one headline.
    document.body.innerHTML = `<div>${'<span></span>'.repeat(5000)}</div><h2>Iran Strikes Tel Aviv with Heavy Missiles</h2>`;
    const reader = new SparseReader(document.body, filter);
    let asked = 0;
    let steps = 0;
    // The slice is over at every look at the clock: each step returns at the first look.
    while (!reader.step(() => ++asked > 0)) steps++;
    expect(steps).toBeGreaterThan(100);
    expect(texts(reader.takeBlocks())).toEqual(['Iran Strikes Tel Aviv with Heavy Missiles']);
  });
});
