// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createMatcher } from '../core';
import type { Matcher } from '../core/types';
import { bundledMatcherConfig } from '../data';
import type { PageFinding } from './findings';
import { matchingParts } from './matching-parts';
import { createScanner, type MatchingParts, type ScanState, type Scanner } from './scanner';

const HEADLINE = 'Iran Strikes Tel Aviv with Heavy Missiles';
const KLAY = 'Klay Thompson Accused in Bizarre Brick-Vandalism Spree';
const LABEL = 'This story is a summary of posts on X and may evolve over time. Grok can make mistakes, verify its outputs.';

const realMatcher = createMatcher(bundledMatcherConfig);

/** The real matcher, recording every text it was given. */
function recordingMatcher(): Matcher & { inputs: string[] } {
  const inputs: string[] = [];
  return {
    inputs,
    match(text, options) {
      inputs.push(text);
      return realMatcher.match(text, options);
    },
  };
}

function rangeText(range: AbstractRange): string {
  const live = document.createRange();
  live.setStart(range.startContainer, range.startOffset);
  live.setEnd(range.endContainer, range.endOffset);
  return live.toString().replace(/\s+/g, ' ').trim();
}

function summary(findings: readonly PageFinding[]): string[] {
  return findings.map((finding) => `${finding.kind}/${finding.rule}${finding.incident ? `/${finding.incident}` : ''}: ${finding.spans.map((span) => rangeText(span.range)).join(' | ')}`);
}

let controller: AbortController;
let states: Array<[ScanState, number]>;

function start(matcher: Matcher = realMatcher, extra: Partial<Parameters<typeof createScanner>[0]> = {}): Scanner {
  return createScanner({
    document,
    matcher,
    signal: controller.signal,
    matchingParts: () => matchingParts,
    onState: (state, count) => states.push([state, count]),
    ...extra,
  });
}

beforeEach(() => {
  controller = new AbortController();
  states = [];
  document.body.innerHTML = '';
});

afterEach(() => {
  controller.abort();
});

describe('scanner', () => {
  it('finds a headline split across inline elements on the first scan and reports settled', async () => {
    document.body.innerHTML = `<main><p>Filler text.</p><h2><a href="#">Iran <b>Strikes</b></a> <em>Tel Aviv</em> with Heavy Missiles</h2></main>`;
    const scanner = start();
    await scanner.settled();
    expect(summary(scanner.findings())).toEqual([`fabricated-headline/claim/iran-tel-aviv-2024: ${HEADLINE}`]);
    expect(scanner.state).toBe('settled');
    expect(states.at(-1)).toEqual(['settled', 1]);
    expect(scanner.findingById(scanner.findings()[0]?.id ?? '')).toBe(scanner.findings()[0]);
  });

  it('settles with no findings on a page with nothing to find', async () => {
    document.body.innerHTML = '<p>An ordinary page about gardening.</p>';
    const scanner = start();
    await scanner.settled();
    expect(scanner.findings()).toEqual([]);
    expect(states.at(-1)).toEqual(['settled', 0]);
  });

  it('adds findings for appended posts and drops them when their text leaves the page', async () => {
    document.body.innerHTML = '<div id="feed"><article><p>First post, nothing to see.</p></article></div>';
    const changes: string[] = [];
    const scanner = start(realMatcher, {
      onChange: ({ added, removed }) => changes.push(`+${added.length} -${removed.length}`),
    });
    await scanner.settled();
    const feed = document.getElementById('feed') as HTMLElement;
    const post = document.createElement('article');
    post.innerHTML = `<p>${KLAY}</p>`;
    feed.append(post);
    await scanner.settled();
    expect(summary(scanner.findings())).toEqual([`fabricated-headline/claim/klay-thompson-bricks-2024: ${KLAY}`]);
    post.remove();
    await scanner.settled();
    expect(scanner.findings()).toEqual([]);
    expect(changes).toEqual(['+1 -0', '+0 -1']);
  });

  it('follows text edits and keeps the id when a framework re-renders the same text', async () => {
    document.body.innerHTML = `<div id="story"><h2 id="h">${HEADLINE}</h2></div>`;
    const scanner = start();
    await scanner.settled();
    const id = scanner.findings()[0]?.id;
    expect(id).toBeDefined();
    // React-style re-render: the heading's children are replaced with equal text.
    const heading = document.getElementById('h') as HTMLElement;
    heading.replaceChildren(document.createTextNode('Iran Strikes '), Object.assign(document.createElement('span'), { textContent: 'Tel Aviv with Heavy Missiles' }));
    await scanner.settled();
    expect(scanner.findings().map((finding) => finding.id)).toEqual([id]);
    expect(rangeText(scanner.findings()[0]?.spans[0]?.range as AbstractRange)).toBe(HEADLINE);
    // The text changes into something else: the finding goes.
    (heading.firstChild as Text).data = 'Weather report: ';
    await scanner.settled();
    expect(scanner.findings()).toEqual([]);
  });

  it('never scans in the task that started it or changed the page: the scan waits for a task of its own', async () => {
    document.body.innerHTML = `<h2>${HEADLINE}</h2><div id="feed"></div>`;
    const matcher = recordingMatcher();
    /** Every microtask queued so far (and those they queue) has run: the end of the current task. */
    const endOfTask = async (): Promise<void> => {
      for (let i = 0; i < 20; i++) await Promise.resolve();
    };
    const scanner = start(matcher);
    await endOfTask();
    expect(matcher.inputs).toEqual([]);
    await scanner.settled();
    expect(matcher.inputs.length).toBeGreaterThan(0);
    const before = matcher.inputs.length;
    const post = document.createElement('p');
    post.textContent = KLAY;
    document.getElementById('feed')?.append(post);
    await endOfTask();
    expect(matcher.inputs).toHaveLength(before);
    await scanner.settled();
    expect(scanner.findings()).toHaveLength(2);
  });

  it('re-reads only the changed subtree, once per batch', async () => {
    document.body.innerHTML = `<div id="feed">${Array.from({ length: 50 }, (_, i) => `<article><p>Post number ${i} about cooking.</p></article>`).join('')}</div>`;
    const matcher = recordingMatcher();
    const scanner = start(matcher);
    await scanner.settled();
    expect(matcher.inputs.join('')).toContain('Post number 49');
    matcher.inputs.length = 0;

    const post = document.createElement('article');
    post.innerHTML = '<p><span>Sun’s Odd</span> Behavior</p>';
    document.getElementById('feed')?.append(post);
    // Several changes to the same new post in the same batch.
    const paragraph = post.firstElementChild as HTMLElement;
    paragraph.append(': ');
    paragraph.append(Object.assign(document.createElement('b'), { textContent: 'Experts' }));
    paragraph.append(' Baffled');
    await scanner.settled();
    const read = matcher.inputs.join('');
    expect(read.split('Sun’s Odd').length - 1).toBe(1);
    expect(read).not.toContain('Post number');
    expect(summary(scanner.findings())).toEqual(['fabricated-headline/claim/sun-eclipse-2024: Sun’s Odd Behavior: Experts Baffled']);
  });

  it('rescans the whole page once when a batch is huge', async () => {
    document.body.innerHTML = '<p>Start.</p><div id="feed"></div>';
    const matcher = recordingMatcher();
    const scanner = start(matcher, { hugeBatch: 100 });
    await scanner.settled();
    matcher.inputs.length = 0;
    const feed = document.getElementById('feed') as HTMLElement;
    for (let i = 0; i < 150; i++) feed.append(Object.assign(document.createElement('p'), { textContent: `item ${i}` }));
    feed.append(Object.assign(document.createElement('p'), { textContent: HEADLINE }));
    await scanner.settled();
    const read = matcher.inputs.join('');
    expect(read).toContain('Start.');
    expect(read.split('item 7\n').length - 1).toBe(1);
    expect(scanner.findings()).toHaveLength(1);
  });

  it('drops findings that become hidden and brings them back when shown', async () => {
    document.body.innerHTML = `<section><p id="p">${HEADLINE}</p></section>`;
    const scanner = start();
    await scanner.settled();
    expect(scanner.findings()).toHaveLength(1);
    const paragraph = document.getElementById('p') as HTMLElement;
    paragraph.hidden = true;
    await scanner.settled();
    expect(scanner.findings()).toHaveLength(0);
    paragraph.hidden = false;
    await scanner.settled();
    expect(scanner.findings()).toHaveLength(1);
  });

  it('ignores inline style changes that cannot hide text, and follows those that can', async () => {
    document.body.innerHTML = `<div id="cell"><p>${HEADLINE}</p></div>`;
    const matcher = recordingMatcher();
    const scanner = start(matcher);
    await scanner.settled();
    matcher.inputs.length = 0;
    const cell = document.getElementById('cell') as HTMLElement;
    const before = states.length;
    cell.style.transform = 'translateY(120px)';
    await scanner.settled();
    expect(matcher.inputs).toEqual([]);
    expect(states.length).toBe(before);
    cell.style.display = 'none';
    await scanner.settled();
    expect(scanner.findings()).toEqual([]);
  });

  it('does not report text hidden by a style sheet', async () => {
    document.head.innerHTML = '<style>.gone { display: none }</style>';
    document.body.innerHTML = `<div class="gone"><p>${HEADLINE}</p></div><p>${KLAY}</p>`;
    const scanner = start();
    await scanner.settled();
    expect(scanner.findings().map((finding) => finding.incident)).toEqual(['klay-thompson-bricks-2024']);
    document.head.innerHTML = '';
  });

  it('applies a filter without reading the page again, and restores the same id', async () => {
    document.body.innerHTML = `<p>${HEADLINE}</p><p>${KLAY}</p>`;
    const matcher = recordingMatcher();
    const scanner = start(matcher);
    await scanner.settled();
    const before = scanner.findings().map((finding) => finding.id);
    matcher.inputs.length = 0;
    scanner.setFilter((finding) => finding.incident !== 'iran-tel-aviv-2024');
    await scanner.settled();
    expect(scanner.findings().map((finding) => finding.incident)).toEqual(['klay-thompson-bricks-2024']);
    scanner.setFilter(undefined);
    await scanner.settled();
    expect(scanner.findings().map((finding) => finding.id)).toEqual(before);
    expect(matcher.inputs).toEqual([]);
  });

  it('ignores our own host and reports when the page removes it', async () => {
    document.body.innerHTML = `<p>${HEADLINE}</p>`;
    let removed = 0;
    const matcher = recordingMatcher();
    const scanner = start(matcher, { onHostRemoved: () => removed++ });
    await scanner.settled();
    matcher.inputs.length = 0;
    const host = document.createElement('gc-root');
    host.textContent = `${KLAY}`;
    document.documentElement.append(host);
    await scanner.settled();
    expect(matcher.inputs).toEqual([]);
    expect(scanner.findings()).toHaveLength(1);
    host.remove();
    await scanner.settled();
    expect(removed).toBe(1);
  });

  it('stops and clears its findings when aborted', async () => {
    document.body.innerHTML = `<p>${HEADLINE}</p>`;
    const removed: string[] = [];
    const scanner = start(realMatcher, { onChange: (change) => removed.push(...change.removed.map((f) => f.id)) });
    await scanner.settled();
    const id = scanner.findings()[0]?.id as string;
    controller.abort();
    expect(removed).toEqual([id]);
    expect(scanner.findings()).toEqual([]);
    document.body.append(Object.assign(document.createElement('p'), { textContent: KLAY }));
    await scanner.settled();
    expect(scanner.findings()).toEqual([]);
  });
});

/** An X story card: headline, meta line, Grok's summary and X's label under it. */
const card = (headline: string, extra = ''): string => `
    <div data-testid="cellInnerDiv"><div class="story">
      <div role="heading" aria-level="2"><span>${headline}</span></div>
      <div><span>Trending now</span> · <span>News</span></div>
      <div><span>Posts on X claim a large attack happened overnight, users on X report; Grok summarised the trending posts.</span></div>
      ${extra}
      <div><span>${LABEL}</span></div>
    </div></div>`;

describe('findings after a sequence of page changes', () => {
  it('are what a fresh scan of the page finds, and the changes reported add up to them', async () => {
    let seed = 11;
    /** A whole number below `n` (a fixed sequence: the test fails the same way every run). */
    const random = (n: number): number => {
      seed = (seed * 1103515245 + 12345) % 2147483648;
      return Math.floor((seed / 2147483648) * n);
    };
    const texts = [HEADLINE, KLAY, 'An ordinary post about the weather.', `Posts today say ${HEADLINE}, which never happened.`, 'Nothing to see.'];
    const skipKlay = (finding: PageFinding): boolean => finding.incident !== 'klay-thompson-bricks-2024';
    const byId = (a: PageFinding, b: PageFinding): number => a.id.localeCompare(b.id);
    document.body.innerHTML = `<div id="feed"><article><p>${HEADLINE}</p></article></div>`;
    const feed = document.getElementById('feed') as HTMLElement;
    let filter: ((finding: PageFinding) => boolean) | undefined;
    /** The findings the changes reported, by id, and any change that removed what it had not added. */
    const reported = new Map<string, PageFinding>();
    const wrong: string[] = [];
    const scanner = start(realMatcher, {
      onChange: ({ added, removed }) => {
        for (const finding of removed) {
          if (reported.get(finding.id) !== finding) wrong.push(`removed twice or never added: ${finding.text}`);
          reported.delete(finding.id);
        }
        for (const finding of added) reported.set(finding.id, finding);
      },
    });
    await scanner.settled();
    for (let step = 0; step < 60; step++) {
      const posts = [...feed.children] as HTMLElement[];
      const post = posts[random(posts.length)];
      const action = post === undefined ? 0 : random(7);
      if (action <= 1 || post === undefined) {
        const added = document.createElement('article');
        added.innerHTML = random(3) === 0 ? card(texts[random(2)] as string) : `<p>${texts[random(texts.length)]}</p>`;
        feed.append(added);
      } else if (action === 2) {
        post.remove();
      } else if (action === 3) {
        post.hidden = !post.hidden;
      } else if (action === 4) {
        const paragraph = post.querySelector('p, [role="heading"] span') as HTMLElement;
        paragraph.textContent = texts[random(texts.length)] as string;
      } else if (action === 5) {
        filter = filter === undefined ? skipKlay : undefined;
        scanner.setFilter(filter);
      } else {
        feed.prepend(post);
      }
      await scanner.settled();
      const fresh = new AbortController();
      const other = createScanner({ document, matcher: realMatcher, signal: fresh.signal, matchingParts: () => matchingParts, ...(filter ? { filter } : {}) });
      await other.settled();
      expect(summary(scanner.findings()), `step ${step}`).toEqual(summary(other.findings()));
      expect([...reported.values()].sort(byId), `step ${step}`).toEqual([...scanner.findings()].sort(byId));
      expect(wrong, `step ${step}`).toEqual([]);
      fresh.abort();
    }
    expect(scanner.findings().length).toBeGreaterThan(0);
  });
});

describe('story cards', () => {

  it('turns a labelled card into one grok-summary finding over headline and summary, plus the known claim', async () => {
    document.body.innerHTML = `<div data-testid="primaryColumn">${card(HEADLINE)}<article><p>An unrelated post.</p></article></div>`;
    const scanner = start();
    await scanner.settled();
    expect(summary(scanner.findings())).toEqual([
      `fabricated-headline/claim/iran-tel-aviv-2024: ${HEADLINE}`,
      `grok-summary/site-label: ${HEADLINE} | Posts on X claim a large attack happened overnight, users on X report; Grok summarised the trending posts.`,
    ]);
    const story = scanner.findings().find((finding) => finding.rule === 'site-label');
    expect(story?.text).toBe(HEADLINE);
    expect(story?.why.variant).toBe(LABEL);
  });

  it('lists a card with an unknown headline as one finding', async () => {
    document.body.innerHTML = `<aside>${card('Storm closes schools across the region')}${card('Team wins the cup after extra time')}</aside>`;
    const scanner = start();
    await scanner.settled();
    expect(scanner.findings().map((finding) => `${finding.rule}: ${finding.text}`)).toEqual([
      'site-label: Storm closes schools across the region',
      'site-label: Team wins the cup after extra time',
    ]);
  });

  it('groups a Hebrew story card (Hebrew UI label, Hebrew headline) the same way', async () => {
    const label = 'הסיפור הזה הוא סיכום של פוסטים מ-X שהופק על ידי Grok. הסיפור יתפתח לאורך זמן.';
    const headline = 'איראן תוקפת את תל אביב בטילים כבדים';
    document.body.innerHTML = `<div dir="rtl"><div data-testid="trend">
      <h2><span>${headline}</span></h2>
      <div><span>משתמשים ב-X דיווחו על פיצוצים בעיר, אך לא היה שום דיווח רשמי על מתקפה.</span></div>
      <div><span>${label}</span></div></div>
      <div data-testid="trend"><div><span>טרנד אחר בספורט</span></div></div></div>`;
    const scanner = start();
    await scanner.settled();
    expect(summary(scanner.findings())).toEqual([
      `fabricated-headline/claim/iran-tel-aviv-2024: ${headline}`,
      `grok-summary/site-label: ${headline} | משתמשים ב-X דיווחו על פיצוצים בעיר, אך לא היה שום דיווח רשמי על מתקפה.`,
    ]);
    expect(scanner.findings()[1]?.why.lang).toBe('he');
  });

  it('keeps a story page card to the story: not the posts below it, not its meta line', async () => {
    document.body.innerHTML = `<div id="react-root"><nav><a href="/i/grok"><span>Grok</span></a></nav>
      <main><div data-testid="primaryColumn">
        <div class="cell">
          <div class="meta"><span>Politics</span><span> · </span><span>Trending now</span></div>
          <div class="headline"><span>PM Modi Ejected from Indian Government</span></div>
          <div class="summary"><span>In a shocking turn of events, posts on X say the prime minister has been removed from office.</span></div>
          <div class="disclaimer"><span>Grok is an early feature and can make mistakes. Verify its outputs.</span></div>
        </div>
        <article data-testid="tweet"><div><span>Sam</span> <span>@sam · 5h</span></div>
          <div data-testid="tweetText"><span>where did the sun go?? it was right there a minute ago</span></div></article>
      </div></main></div>`;
    const scanner = start();
    await scanner.settled();
    expect(summary(scanner.findings())).toEqual([
      'fabricated-headline/claim/modi-ejected-2024: PM Modi Ejected from Indian Government',
      'grok-summary/site-label: PM Modi Ejected from Indian Government | In a shocking turn of events, posts on X say the prime minister has been removed from office.',
    ]);
  });

  it('keeps a label quoted in an article as its own finding', async () => {
    document.body.innerHTML = `<article><h1>How X labels AI stories</h1>
      <p>Under each story X now prints: "${LABEL}" Critics say the notice is easy to miss.</p>
      <p>Other paragraphs of the article go on for a while about unrelated things.</p></article>`;
    const scanner = start();
    await scanner.settled();
    expect(scanner.findings().map((finding) => `${finding.kind}/${finding.rule}`)).toEqual(['grok-summary/label']);
  });

  it('forms the card when its label is rendered after the headline', async () => {
    document.body.innerHTML = `<div data-testid="cellInnerDiv"><div id="story"><h2>${KLAY}</h2><p>Fans on X joked about missed shots, which were summarised as a vandalism spree by the feature.</p></div></div>`;
    const scanner = start();
    await scanner.settled();
    expect(scanner.findings().map((finding) => finding.rule)).toEqual(['claim']);
    document.getElementById('story')?.append(Object.assign(document.createElement('div'), { textContent: LABEL }));
    await scanner.settled();
    expect(scanner.findings().map((finding) => finding.rule).sort()).toEqual(['claim', 'site-label']);
    const story = scanner.findings().find((finding) => finding.rule === 'site-label');
    expect(story?.spans).toHaveLength(2);
  });
});

describe('sparse reading (the matcher rules text out)', () => {
  /** The findings of a full read of `page` (every block matched), and those of the sparse read: the same, in the same order. */
  async function expectSparseAsFull(page: string, expectedCount: number): Promise<void> {
    document.body.innerHTML = page;
    const full = start(recordingMatcher());
    await full.settled();
    const expected = summary(full.findings());
    controller.abort();
    controller = new AbortController();
    document.body.innerHTML = page;
    const sparse = start(realMatcher);
    await sparse.settled();
    expect(realMatcher.candidates).toBeTruthy();
    expect(expected).toHaveLength(expectedCount);
    expect(summary(sparse.findings())).toEqual(expected);
  }

  const PAGE = `
    <main>
      <article><h2>Breaking: <a href="#">Iran</a> <b>Strikes</b> Tel <em>Aviv</em> with Heavy Missiles</h2>
        <p>Ordinary words about a bakery, a garden and a quiet village.</p>
        <p>More ordinary words<br>on two lines, and <span>nothing</span> to find.</p>
        <div>Outer text before <p>${KLAY}</p> outer text after about GROK's trending summaries, which made headlines.</div>
      </article>
      <section hidden><p>${HEADLINE}</p></section>
      <pre>Klay   Thompson
Accused in Bizarre Brick-Vandalism Spree</pre>
      <p>איראן תוקפת את תל אביב בטילים כבדים</p>
      <p>Ir<b>an</b> Str<i>ikes</i> Tel Av<u>iv</u> with Hea<s>vy</s> Mis<span>siles</span></p>
      <p>Iran stri\u00ADkes Tel Aviv with heavy missiles</p>
      <textarea>${HEADLINE}</textarea>
    </main>`;

  it('finds exactly what a full read finds, in the same order', async () => {
    await expectSparseAsFull(PAGE, 7);
  });

  it('finds exactly what a full read finds on a page in Hebrew (its quick look starts with a wider class)', async () => {
    document.documentElement.lang = 'he';
    try {
      await expectSparseAsFull(`${PAGE}<p>אִירָאן תּוֹקֶפֶת אֶת תֵּל אָבִיב בְּטִילִים כְּבֵדִים — “מִבְצָע”</p>`, 8);
    } finally {
      document.documentElement.removeAttribute('lang');
    }
  });

  it('finds a headline whose telling word is split between two chunks of the page read', async () => {
    // Inline text is looked at in chunks of 64K characters (a block on its own): the first element and the
    // headline's start fill the first chunk; "Missiles" is split across it and the next one, in two elements.
    document.body.innerHTML = `<h2><span>${'lorem '.repeat(10_918)}</span>Iran Strikes Tel Aviv with Heavy Mis<b>siles</b></h2>`;
    const scanner = start(realMatcher);
    await scanner.settled();
    expect(summary(scanner.findings())).toEqual([`fabricated-headline/claim/iran-tel-aviv-2024: ${HEADLINE}`]);
  });

  it('finds headlines that start or end a block right against the text of the next one (minified markup)', async () => {
    const page =
      '<div><p>a story told in full</p><h2>Klay Thompson Accused in Bizarre Brick-Vandalism Spree</h2><p>and more</p></div>' +
      '<div><p>סוף הסיפור</p><h2>איראן תוקפת את תל אביב בטילים כבדים</h2><p>עוד מילה</p></div>';
    await expectSparseAsFull(page, 2);
  });

  it('finds the same as a full read on a deep feed read in pieces (inline splits, minified joins, skipped text)', async () => {
    const post = (i: number, text: string): string =>
      `<div class="cell"><article><div class="who"><a href="#">User ${i}</a> <span>@user${i}</span></div>` +
      `<div class="text"><span>${text}</span></div><div role="group"><span>${i}</span><span>${i * 7}</span></div></article></div>`;
    const posts = Array.from({ length: 400 }, (_, i) => {
      if (i === 7) return post(i, HEADLINE);
      if (i === 150) return post(i, 'Ir<b>an</b> Str<i>ikes</i> Tel Av<u>iv</u> with Hea<s>vy</s> Mis<span>siles</span>');
      // Minified blocks inside one post: the headline's first letter right against the previous block's last.
      if (i === 260) return `<div class="cell"><article><div><p>ordinary end</p><h2>${KLAY}</h2><p>סוף</p><h3>איראן תוקפת את תל אביב בטילים כבדים</h3></div></article></div>`;
      if (i === 300) return post(i, `<script>${HEADLINE}</script>ordinary words about a garden`);
      return post(i, 'Ordinary words about a bakery, a garden and a quiet village. '.repeat(1 + (i % 5)));
    });
    const page = `<div id="root"><div><header><nav><a href="#">Home</a><a href="#">Explore</a></nav></header><main><div id="feed">${posts.join('')}</div></main></div></div>`;
    await expectSparseAsFull(page, 4);
  });

  it('finds the same as a full read in long lists read item by item: minified sections, a feed nested in a layout column', async () => {
    const paragraph = (i: number): string => `<p>Ordinary paragraph ${i} about a bakery, a garden and a <a href="#">quiet</a> village.</p>`;
    // An article of many sections (a list below the page's first division): each section is read whole, with
    // its blocks joined with no space between them.
    const sections = Array.from({ length: 12 }, (_, s) => {
      const body = Array.from({ length: 9 }, (_, i) => paragraph(s * 10 + i));
      if (s === 3) body.splice(4, 0, `<h3>${KLAY}</h3>`);
      if (s === 8) body.push('<p>סוף הפרק</p><h3>איראן תוקפת את תל אביב בטילים כבדים</h3>');
      return `<section><h2>Section ${s}</h2>${body.join('')}</section>`;
    });
    // A layout of many columns, one of them a long feed (an item that is a list of its own).
    const feed = Array.from({ length: 80 }, (_, i) =>
      i === 70 ? `<div class="post"><span>${HEADLINE}</span></div>` : `<div class="post"><span>Post ${i}: ordinary words.</span></div>`,
    );
    const columns = Array.from({ length: 9 }, (_, c) => (c === 4 ? `<div class="column">${feed.join('')}</div>` : `<aside>Column ${c}</aside>`));
    const page = `<div id="app"><header>Site</header><main><article>${sections.join('')}</article><div class="layout">${columns.join('')}</div></main></div>`;
    await expectSparseAsFull(page, 3);
  });

  it('matches only the blocks that may hold a finding', async () => {
    const inputs: string[] = [];
    const sparseRecording: Matcher = {
      candidates: realMatcher.candidates ?? null,
      match(text, options) {
        inputs.push(text);
        return realMatcher.match(text, options);
      },
    };
    document.body.innerHTML =
      `${'<p>Ordinary words about a bakery, a garden and a quiet village.</p>'.repeat(200)}<p>${HEADLINE}</p>` +
      // Accented prose (French, Portuguese) and pointed Hebrew: characters the matcher folds, but no anchor once folded.
      `${'<p>Le président a rencontré les élèves à l’école. A administração anunciou ações de saúde.</p>'.repeat(100)}` +
      '<p>בְּרֵאשִׁית בָּרָא אֱלֹהִים</p><p>Irán Strikés Tél Avív with Heávy Missiles</p>' +
      // Words that make an anchor only across two blocks, where the matcher never reads on.
      '<div><p>Quiet evenings and old stories</p><p>on Xmas eve at the village bakery.</p></div>';
    const scanner = start(sparseRecording);
    await scanner.settled();
    expect(summary(scanner.findings())).toEqual([
      `fabricated-headline/claim/iran-tel-aviv-2024: ${HEADLINE}`,
      'fabricated-headline/claim/iran-tel-aviv-2024: Irán Strikés Tél Avív with Heávy Missiles',
    ]);
    const matched = inputs.join('');
    for (const ordinary of ['bakery', 'président', 'administração', 'בְּרֵאשִׁית', 'stories', 'Xmas']) expect(matched).not.toContain(ordinary);
  });
});

/**
 * Something matching needs, loaded on first need: asked for once, at the page's first candidate; the scan settles
 * only once it has loaded and the candidate was matched; later candidates find it loaded.
 */
async function expectLoadedOnceAtFirstCandidate(
  startScanner: () => Scanner,
  load: { requested(): Promise<void>; finish(): void; asked(): number },
): Promise<void> {
  document.body.innerHTML = `<p>Ordinary words.</p><h2>${HEADLINE}</h2><div id="feed"></div>`;
  const scanner = startScanner();
  let settled = false;
  void scanner.settled().then(() => (settled = true));
  await load.requested();
  expect(load.asked()).toBe(1);
  expect(settled).toBe(false);
  expect(scanner.state).toBe('scanning');
  load.finish();
  await scanner.settled();
  expect(summary(scanner.findings())).toEqual([`fabricated-headline/claim/iran-tel-aviv-2024: ${HEADLINE}`]);
  const post = document.createElement('p');
  post.textContent = KLAY;
  document.getElementById('feed')?.append(post);
  await scanner.settled();
  expect(scanner.findings()).toHaveLength(2);
  expect(load.asked()).toBe(1);
}

describe('a matcher loaded on first need (the content script loads it when the page has a candidate)', () => {
  /** The real matcher behind a load that starts when first asked for and ends when `finish` is called. */
  function loadedLater(
    candidates: Matcher['candidates'] = realMatcher.candidates ?? null,
  ): Matcher & { asked: number; requested: Promise<void>; finish(ok: boolean): void } {
    let asked = 0;
    let onRequest: () => void = () => undefined;
    const requested = new Promise<void>((resolve) => (onRequest = resolve));
    let ready = false;
    let loading: Promise<void> | null = null;
    let settle: (ok: boolean) => void = () => undefined;
    return {
      candidates,
      get asked() {
        return asked;
      },
      whenReady() {
        if (ready) return null;
        if (loading === null) {
          asked++;
          onRequest();
          loading = new Promise<void>((resolve, reject) => {
            settle = (ok) => (ok ? ((ready = true), resolve()) : reject(new Error('the bundle did not load')));
          });
        }
        return loading;
      },
      match(text, options) {
        if (!ready) throw new Error('match before the matcher loaded');
        return realMatcher.match(text, options);
      },
      finish: (ok) => settle(ok),
      requested,
    };
  }

  it('is never loaded on a page without a candidate', async () => {
    document.body.innerHTML = `${'<p>Ordinary words about a bakery, a garden and a quiet village.</p>'.repeat(50)}<p>Le président a rencontré les élèves.</p>`;
    const matcher = loadedLater();
    const scanner = start(matcher);
    await scanner.settled();
    expect(matcher.asked).toBe(0);
    expect(states.at(-1)).toEqual(['settled', 0]);
  });

  it('is not loaded for text changes without a candidate, and is for the first change that brings one', async () => {
    document.body.innerHTML = '<p id="clock">Updated 1 minute ago</p><p id="count">3 comments</p>';
    const matcher = loadedLater();
    const scanner = start(matcher);
    await scanner.settled();
    const clock = document.getElementById('clock')?.firstChild as Text;
    clock.data = 'Updated 2 minutes ago';
    (document.getElementById('count') as HTMLElement).textContent = '4 comments';
    await scanner.settled();
    expect(matcher.asked).toBe(0);
    clock.data = HEADLINE;
    void scanner.settled();
    await matcher.requested;
    matcher.finish(true);
    await scanner.settled();
    expect(summary(scanner.findings())).toEqual([`fabricated-headline/claim/iran-tel-aviv-2024: ${HEADLINE}`]);
  });

  it('is loaded once, at the first candidate, and the scan settles only after it matched', async () => {
    const matcher = loadedLater();
    await expectLoadedOnceAtFirstCandidate(() => start(matcher), {
      requested: () => matcher.requested,
      finish: () => matcher.finish(true),
      asked: () => matcher.asked,
    });
  });

  it('starts loading at the first candidate, while the rest of the page is still being read', async () => {
    // A headline, then more text than the reader's filter looks at in one go.
    const filler = Array.from({ length: 3000 }, (_, i) => `<p>Ordinary paragraph ${i} about a bakery and a garden.</p>`).join('');
    document.body.innerHTML = `<h2>${HEADLINE}</h2>${filler}<p>${KLAY}</p>`;
    // The filter's looks at the page's text, counted: the load is asked for before the last of them.
    let looks = 0;
    let looksWhenAsked = -1;
    class CountingPattern extends RegExp {
      override exec(text: string): RegExpExecArray | null {
        if (this.lastIndex === 0) looks++;
        return super.exec(text);
      }
    }
    const real = realMatcher.candidates as NonNullable<Matcher['candidates']>;
    const matcher = loadedLater({ ...real, words: new CountingPattern(real.words.source, real.words.flags) });
    void matcher.requested.then(() => (looksWhenAsked = looks));
    const scanner = start(matcher, { sliceMs: 0 });
    await matcher.requested;
    matcher.finish(true);
    await scanner.settled();
    expect(scanner.findings()).toHaveLength(2);
    expect(looksWhenAsked).toBeGreaterThan(0);
    expect(looksWhenAsked).toBeLessThan(looks);
  });

  it('settles with nothing found, throwing nothing into the page, when it cannot be loaded; a new matcher reads the page again', async () => {
    document.body.innerHTML = `<h2>${HEADLINE}</h2>`;
    const before = document.body.innerHTML;
    const failing = loadedLater();
    const scanner = start(failing);
    await failing.requested;
    failing.finish(false);
    await scanner.settled();
    expect(scanner.findings()).toEqual([]);
    expect(states.at(-1)).toEqual(['settled', 0]);
    expect(document.body.innerHTML).toBe(before);
    scanner.setMatcher(realMatcher);
    await scanner.settled();
    expect(scanner.findings()).toHaveLength(1);
  });
});

describe('matching parts loaded on first need (the content script has them in the matcher’s bundle)', () => {
  /** Loads of the parts, each pending until `finish` (the last one asked for). */
  function partsLoads(): { load(): Promise<MatchingParts>; asked: number; requested(): Promise<void>; finish(ok: boolean): void } {
    let asked = 0;
    let settle: (ok: boolean) => void = () => undefined;
    let onRequest: () => void = () => undefined;
    let request = new Promise<void>((resolve) => (onRequest = resolve));
    return {
      load() {
        asked++;
        onRequest();
        return new Promise<MatchingParts>((resolve, reject) => {
          settle = (ok) => (ok ? resolve(matchingParts) : reject(new Error('the bundle did not load')));
        });
      },
      get asked() {
        return asked;
      },
      async requested() {
        await request;
        request = new Promise<void>((resolve) => (onRequest = resolve));
      },
      finish: (ok) => settle(ok),
    };
  }

  /** After a failed load: a post with a headline asks for the parts again, and with them here it is found. */
  async function postAfterFailedLoad(scanner: Scanner, loads: ReturnType<typeof partsLoads>): Promise<void> {
    const post = document.createElement('p');
    post.textContent = KLAY;
    document.getElementById('feed')?.append(post);
    void scanner.settled();
    await loads.requested();
    loads.finish(true);
    await scanner.settled();
    expect(summary(scanner.findings())).toEqual([`fabricated-headline/claim/klay-thompson-bricks-2024: ${KLAY}`]);
  }

  it('is never asked for on a page without a candidate, nor for text changes without one', async () => {
    document.body.innerHTML = `${'<p>Ordinary words about a bakery, a garden and a quiet village.</p>'.repeat(50)}<p id="clock">Updated 1 minute ago</p>`;
    const loads = partsLoads();
    const scanner = start(realMatcher, { matchingParts: loads.load });
    await scanner.settled();
    ((document.getElementById('clock') as HTMLElement).firstChild as Text).data = 'Updated 2 minutes ago';
    await scanner.settled();
    expect(loads.asked).toBe(0);
    expect(scanner.findings()).toEqual([]);
    expect(states.at(-1)).toEqual(['settled', 0]);
  });

  it('is asked for once, at the first candidate, and the scan settles only once it has what was found', async () => {
    const loads = partsLoads();
    await expectLoadedOnceAtFirstCandidate(() => start(realMatcher, { matchingParts: loads.load }), {
      requested: () => loads.requested(),
      finish: () => loads.finish(true),
      asked: () => loads.asked,
    });
  });

  it('settles with nothing found, throwing nothing into the page, when it cannot be loaded; the next candidate asks again', async () => {
    document.body.innerHTML = `<h2>${HEADLINE}</h2><div id="feed"></div>`;
    const before = document.body.innerHTML;
    const loads = partsLoads();
    const scanner = start(realMatcher, { matchingParts: loads.load });
    await loads.requested();
    loads.finish(false);
    await scanner.settled();
    expect(scanner.findings()).toEqual([]);
    expect(states.at(-1)).toEqual(['settled', 0]);
    expect(document.body.innerHTML).toBe(before);
    await postAfterFailedLoad(scanner, loads);
    expect(loads.asked).toBe(2);
  });

  it('are waited for before the first read when the matcher has no candidate filter (all text is matched), and a failed load settles', async () => {
    document.body.innerHTML = `<h2>${HEADLINE}</h2><div id="feed"></div>`;
    const matcher = recordingMatcher();
    expect(matcher.candidates).toBeUndefined();
    const loads = partsLoads();
    const scanner = start(matcher, { matchingParts: loads.load });
    await loads.requested();
    loads.finish(false);
    await scanner.settled();
    expect(matcher.inputs).toEqual([]);
    expect(states.at(-1)).toEqual(['settled', 0]);
    await postAfterFailedLoad(scanner, loads);
    scanner.rescan();
    await scanner.settled();
    expect(scanner.findings()).toHaveLength(2);
    expect(loads.asked).toBe(2);
  });
});

describe('open shadow roots', () => {
  const MODI = 'PM Modi Ejected from Indian Government';
  const SUN = "Sun's Odd Behavior: Experts Baffled";

  /** A page of web components: text in a shadow tree, a shadow root's own top-level text, a nested shadow root, slotted light text. */
  function buildPage(): { inner: ShadowRoot; top: ShadowRoot; nested: ShadowRoot } {
    document.body.innerHTML = `<main><p>Light text first.</p><news-card id="inner"></news-card><news-card id="top"></news-card>
      <news-card id="outer"></news-card><news-card id="slotted"><span>${SUN}</span></news-card></main>`;
    const inner = (document.getElementById('inner') as HTMLElement).attachShadow({ mode: 'open' });
    inner.innerHTML = `<div class="frame"><p>Shadow: <b>Iran Strikes</b> Tel Aviv with Heavy Missiles</p></div>`;
    const top = (document.getElementById('top') as HTMLElement).attachShadow({ mode: 'open' });
    top.innerHTML = `<b>Top:</b> ${KLAY}`;
    const outer = (document.getElementById('outer') as HTMLElement).attachShadow({ mode: 'open' });
    outer.innerHTML = '<section><h3>Nested</h3><inner-card></inner-card></section>';
    const nested = (outer.querySelector('inner-card') as HTMLElement).attachShadow({ mode: 'open' });
    nested.innerHTML = `<p>${MODI}</p>`;
    (document.getElementById('slotted') as HTMLElement).attachShadow({ mode: 'open' }).innerHTML = '<div class="frame"><slot></slot></div>';
    return { inner, top, nested };
  }

  const EXPECTED = [
    `fabricated-headline/claim/iran-tel-aviv-2024: ${HEADLINE}`,
    `fabricated-headline/claim/klay-thompson-bricks-2024: ${KLAY}`,
    `fabricated-headline/claim/modi-ejected-2024: ${MODI}`,
    `fabricated-headline/claim/sun-eclipse-2024: ${SUN}`,
  ];

  it('finds headlines inside them, in the order the page shows them, read sparsely or in full', async () => {
    for (const matcher of [realMatcher, recordingMatcher()]) {
      controller.abort();
      controller = new AbortController();
      buildPage();
      const scanner = start(matcher);
      await scanner.settled();
      expect(summary(scanner.findings())).toEqual(EXPECTED);
    }
  });

  it('follows changes inside a shadow tree and findings leaving with their host', async () => {
    const { inner, top } = buildPage();
    const scanner = start();
    await scanner.settled();
    const topId = scanner.findings()[1]?.id;
    const added = document.createElement('p');
    added.textContent = 'Adams vs. Earthquake: 50,000 Cops in Subway Showdown';
    inner.append(added);
    await scanner.settled();
    expect(summary(scanner.findings())).toEqual([
      EXPECTED[0],
      'fabricated-headline/claim/adams-earthquake-2024: Adams vs. Earthquake: 50,000 Cops in Subway Showdown',
      ...EXPECTED.slice(1),
    ]);
    // The top-level text of a shadow root: the host stays, the text goes.
    expect(scanner.findings()[2]?.id).toBe(topId);
    (top.lastChild as Text).data = ' Klay Thompson scored 30 points.';
    await scanner.settled();
    expect(summary(scanner.findings()).map((line) => line.split('/')[2]?.split(':')[0])).toEqual(['iran-tel-aviv-2024', 'adams-earthquake-2024', 'modi-ejected-2024', 'sun-eclipse-2024']);
    inner.host.remove();
    await scanner.settled();
    expect(summary(scanner.findings())).toEqual([EXPECTED[2], EXPECTED[3]]);
  });

  it('reads the shadow roots of components added later, and re-reads a host’s light text without losing its shadow findings', async () => {
    // A page built of web components (a custom element where the page is divided): the whole page is searched.
    document.body.innerHTML = '<app-shell><main><div id="feed"></div><div id="host">Light text of the host.</div></main></app-shell>';
    const host = document.getElementById('host') as HTMLElement;
    host.attachShadow({ mode: 'open' }).innerHTML = `${KLAY} <slot></slot>`;
    const scanner = start();
    await scanner.settled();
    expect(summary(scanner.findings())).toEqual([EXPECTED[1]]);
    const card = document.createElement('news-card');
    card.attachShadow({ mode: 'open' }).innerHTML = `<p>${HEADLINE}</p>`;
    const wrapper = document.createElement('span');
    wrapper.append(card);
    (document.getElementById('feed') as HTMLElement).append(wrapper);
    (host.firstChild as Text).data = 'Light text of the host, edited.';
    await scanner.settled();
    expect(summary(scanner.findings())).toEqual([EXPECTED[0], EXPECTED[1]]);
  });

  it('reads the shadow roots of components inside the cells of a long feed', async () => {
    // No custom element at the page's first divisions: the feed's cells wrap one each.
    const cells = Array.from({ length: 12 }, (_, i) => `<div class="cell"><news-card id="card${i}"></news-card></div>`);
    document.body.innerHTML = `<div id="app"><header>Site</header><main><div id="feed">${cells.join('')}</div></main></div>`;
    (document.getElementById('card9') as HTMLElement).attachShadow({ mode: 'open' }).innerHTML = `<p>${HEADLINE}</p>`;
    const scanner = start();
    await scanner.settled();
    expect(summary(scanner.findings())).toEqual([EXPECTED[0]]);
  });

  it('reads the shadow root a custom element gets when the page defines it after the scan', async () => {
    document.body.innerHTML = '<app-shell><main><p>An ordinary intro.</p><late-card></late-card></main></app-shell>';
    let seen: (findings: readonly PageFinding[]) => void = () => undefined;
    const added = new Promise<readonly PageFinding[]>((resolve) => (seen = resolve));
    const scanner = start(realMatcher, { upgradeChecksMs: [5, 20], onChange: (change) => change.added.length > 0 && seen(change.added) });
    await scanner.settled();
    expect(scanner.findings()).toEqual([]);
    customElements.define(
      'late-card',
      class extends HTMLElement {
        constructor() {
          super();
          this.attachShadow({ mode: 'open' }).innerHTML = `<p>${HEADLINE}</p>`;
        }
      },
    );
    await added;
    await scanner.settled();
    expect(summary(scanner.findings())).toEqual([EXPECTED[0]]);
  });

  it('keeps the findings of a shadow root found in a page change when the whole page is read again', async () => {
    // A page without custom elements: only what it adds is searched for shadow roots, until one is found.
    document.body.innerHTML = '<main><div id="feed"><p>An ordinary post.</p></div></main>';
    const scanner = start();
    await scanner.settled();
    const widget = document.createElement('div');
    widget.attachShadow({ mode: 'open' }).innerHTML = `<p>${KLAY}</p>`;
    (document.getElementById('feed') as HTMLElement).append(widget);
    await scanner.settled();
    expect(summary(scanner.findings())).toEqual([EXPECTED[1]]);
    scanner.rescan();
    await scanner.settled();
    expect(summary(scanner.findings())).toEqual([EXPECTED[1]]);
  });
});
