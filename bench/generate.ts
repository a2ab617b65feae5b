/**
 * Benchmark pages from a fixed seed: an x.com-like feed and a news-article layout, in English and Hebrew,
 * of a chosen amount of text, with known fabricated headlines planted (from the bundled incidents'
 * `claims.en` / `claims.he`), some of them split across inline elements, and (feeds) a few Grok story
 * cards carrying X's label. Pure string work: the same seed gives the same page, in Node and in tests.
 *
 * Filler text never contains a word of any claim, label or mention signal, so every finding on a generated
 * page is one we planted.
 */
import { knowledgeBase } from '../src/data/index';
import type { Lang } from '../src/core/types';

export type Layout = 'feed' | 'article';

export interface PlantedHeadline {
  incident: string;
  lang: Lang;
  /** The claim text as planted (its words, possibly spread over several inline elements). */
  text: string;
  /** Planted across inline elements (`<a>`, `<b>`, `<em>`). */
  split: boolean;
}

export interface GeneratedPage {
  /** e.g. `feed-en-1m`. */
  name: string;
  layout: Layout;
  lang: Lang;
  html: string;
  /** Characters of text in the page's text nodes (what a reader of the DOM reads). */
  textChars: number;
  planted: PlantedHeadline[];
  /** Story cards with X's label (feeds only). */
  storyCards: number;
}

export interface PageSpec {
  layout: Layout;
  lang: Lang;
  /** Target characters of text; the page stops at the first post or paragraph past it. */
  chars: number;
  seed?: number;
  /** Planted headlines (default: one per 50,000 characters, at least 8). */
  plant?: number;
  /**
   * Off-screen feed cells / article sections skip layout (`content-visibility: auto`), as long feeds and
   * many news sites do; keeps 8 MB pages quick to load. Default: true.
   */
  contentVisibility?: boolean;
}

/** mulberry32: small, fast, and the same sequence everywhere. */
export function createRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const ENGLISH_WORDS = (
  'about after again almost along also among answer around autumn bakery balance basket beach before behind ' +
  'between bicycle bright brother build button camera candle career carpet castle center chapter cheese ' +
  'choice circle climate coffee colour comfort common corner cottage county course cousin crowd culture ' +
  'dance daylight decide degree design detail dinner doctor double dragon drawer during early eastern ' +
  'effort engine enough evening everyone example family famous farmer feather festival field finger ' +
  'flower follow forest forward friday friend garden gentle giant glass golden ground guitar harbor ' +
  'harvest heavyweight holiday honest hungry island journey jungle kettle kitchen ladder language lantern ' +
  'later leather lesson letter library likely little local lucky market meadow measure member middle ' +
  'minute mirror moment monday morning mountain museum music narrow nature nearby needle normal notice ' +
  'number ocean office orange orchard other paper parent pencil people pepper person picture planet ' +
  'pocket poetry potato pretty private public puzzle quiet rabbit railway reason recipe record region ' +
  'ribbon river rocket saddle salad sample saturday school season second seven shadow shelter silver ' +
  'simple sister smooth soccer spring square stable station steady stone story-time street summer sunday ' +
  'supper table teacher tennis theatre thirty though thunder ticket tomato tonight travel tuesday tunnel ' +
  'turtle twelve under until valley village violin visitor volume wagon walnut water weather weekend ' +
  'window winter wooden worker yellow yesterday young zebra the a of and to in is for on with that this ' +
  'we our it was were by from at as be are has have will would could'
).split(' ');

const HEBREW_WORDS = (
  'אבל אולי אחר אחרי אחת איפה אנחנו אפשר ארוחה בבוקר בגינה בדרך בוקר בית בלי בערב גדול גם גשם דבר דלת ' +
  'דרך הבית הגינה הדרך הזמן היום הים הכל העיר הערב הספר השכונה התחנה וגם ויש זמן חבר חברים חדש חלון ' +
  'חנות חצר טוב ילדים יפה כאן כבר כדי כולם כמו כסא לאט לבד לילה למה לפני מאוד מגדל מוזיאון מורה ' +
  'מזג מחר מטבח מים מעט מפה מקום משפחה נהר נוף נסיעה ספר ספרייה עבודה עוגה עוד עכשיו ענן עץ ערב ' +
  'פארק פינה פרח צבע קפה קטן קיץ קרוב ראשון רחוב שביל שוק שולחן שמש שנה שעה שקט שתי תמיד תפוח תרבות ' +
  'של את על עם זה זו היא הוא הם לא כן או גם רק יותר פחות'
).split(' ');

const ENGLISH_NAMES = ['Dana Levin', 'Sam Ortiz', 'Priya Nair', 'Tom Becker', 'Lena Park', 'Omar Haddad', 'Ruth Cole'];
const HEBREW_NAMES = ['דנה לוין', 'יואב כהן', 'נועה פרץ', 'איתי ברק', 'מיכל שמיר', 'עומר חדד', 'רותם גל'];

/** X's label on Grok-written stories, as the story cards carry it. */
const STORY_LABEL: Record<Lang, string> = {
  en: 'This story is a summary of posts on X and may evolve over time. Grok can make mistakes, verify its outputs.',
  he: 'הסיפור הזה הוא סיכום של פוסטים מ-X שהופק על ידי Grok. הסיפור יתפתח לאורך זמן.',
};

interface Claim {
  incident: string;
  lang: Lang;
  text: string;
}

/** Every claim the bundled knowledge base matches, in a fixed order. */
export function bundledClaims(lang?: Lang): Claim[] {
  const claims: Claim[] = [];
  for (const incident of knowledgeBase.incidents) {
    if (lang === undefined || lang === 'en') for (const text of incident.claims.en) claims.push({ incident: incident.id, lang: 'en', text });
    if (lang === undefined || lang === 'he') for (const text of incident.claims.he) claims.push({ incident: incident.id, lang: 'he', text });
  }
  return claims;
}

/** Words that must never appear in filler: any word of a claim, a label or a mention signal. */
function reservedWords(): Set<string> {
  const texts: string[] = bundledClaims().map((claim) => claim.text);
  for (const label of knowledgeBase.signals.labels) texts.push(label.text);
  for (const mention of knowledgeBase.signals.mentions) {
    for (const term of [...mention.subjects, ...mention.topics, ...mention.standalone]) texts.push(term.text);
  }
  for (const group of knowledgeBase.signals.lexicon) texts.push(group.join(' '));
  const words = new Set<string>();
  for (const text of texts) for (const word of text.toLowerCase().split(/[^\p{L}\p{N}]+/u)) if (word.length > 2) words.add(word);
  return words;
}

let fillerCache: Record<Lang, string[]> | null = null;
function fillerWords(lang: Lang): string[] {
  if (fillerCache === null) {
    const reserved = reservedWords();
    const keep = (word: string): boolean => !reserved.has(word.toLowerCase());
    fillerCache = { en: ENGLISH_WORDS.filter(keep), he: HEBREW_WORDS.filter(keep) };
  }
  return fillerCache[lang];
}

function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

/** Accumulates HTML and counts the characters of text it writes. */
class Writer {
  parts: string[] = [];
  textChars = 0;
  open(tag: string, attributes = ''): this {
    this.parts.push(attributes === '' ? `<${tag}>` : `<${tag} ${attributes}>`);
    return this;
  }
  close(tag: string): this {
    this.parts.push(`</${tag}>`);
    return this;
  }
  text(text: string): this {
    this.parts.push(escapeHtml(text));
    this.textChars += text.length;
    return this;
  }
  element(tag: string, text: string, attributes = ''): this {
    return this.open(tag, attributes).text(text).close(tag);
  }
  raw(html: string): this {
    this.parts.push(html);
    return this;
  }
  html(): string {
    return this.parts.join('');
  }
}

class TextSource {
  private readonly words: string[];
  constructor(
    readonly lang: Lang,
    readonly random: () => number,
  ) {
    this.words = fillerWords(lang);
  }
  pick<T>(items: readonly T[]): T {
    return items[Math.floor(this.random() * items.length)] as T;
  }
  int(min: number, max: number): number {
    return min + Math.floor(this.random() * (max - min + 1));
  }
  sentence(min = 6, max = 18): string {
    const count = this.int(min, max);
    const words: string[] = [];
    for (let i = 0; i < count; i++) words.push(this.pick(this.words));
    let text = words.join(' ');
    if (this.lang === 'en') text = text.charAt(0).toUpperCase() + text.slice(1);
    return `${text}.`;
  }
  sentences(count: number): string {
    const out: string[] = [];
    for (let i = 0; i < count; i++) out.push(this.sentence());
    return out.join(' ');
  }
}

/**
 * Writes a claim, either as one text node or with its words spread over `<a>`, `<b>` and `<em>` (spaces
 * sometimes inside an element, sometimes between elements), as sites mark up headlines.
 */
function writeClaim(out: Writer, claim: Claim, split: boolean, random: () => number): void {
  if (!split) {
    out.text(claim.text);
    return;
  }
  const words = claim.text.split(' ');
  if (words.length < 3) {
    out.element('b', claim.text);
    return;
  }
  const first = 1 + Math.floor(random() * (words.length - 2));
  const second = first + 1 + Math.floor(random() * (words.length - first - 1));
  out.open('a', 'href="/story"').text(`${words.slice(0, first).join(' ')} `).open('b').text(words.slice(first, second).join(' ')).close('b').close('a');
  out.text(' ').element('em', words.slice(second).join(' '));
}

interface Planter {
  /** The next claim to plant, or null when this spot gets none. */
  next(at: number): { claim: Claim; split: boolean } | null;
  planted: PlantedHeadline[];
}

/** Spreads `count` plants evenly over `chars` characters of text, cycling through the language's claims. */
function createPlanter(lang: Lang, chars: number, count: number): Planter {
  const claims = bundledClaims(lang);
  const every = count > 0 ? chars / count : Infinity;
  let nextAt = every / 2;
  let index = 0;
  const planted: PlantedHeadline[] = [];
  return {
    planted,
    next(at) {
      if (at < nextAt || planted.length >= count || claims.length === 0) return null;
      nextAt += every;
      const claim = claims[index % claims.length] as Claim;
      const split = index % 3 === 1;
      index++;
      planted.push({ incident: claim.incident, lang: claim.lang, text: claim.text, split });
      return { claim, split };
    },
  };
}

function defaultPlantCount(chars: number): number {
  return Math.max(8, Math.round(chars / 50_000));
}

export function sizeLabel(chars: number): string {
  return chars >= 1_000_000 ? `${Math.round(chars / 1_000_000)}m` : `${Math.round(chars / 1000)}k`;
}

const SKIP_LAYOUT_STYLE =
  '[data-testid=cellInnerDiv]{content-visibility:auto;contain-intrinsic-size:auto 120px}' +
  'section{content-visibility:auto;contain-intrinsic-size:auto 1500px}';

function documentHtml(lang: Lang, title: string, body: string, style: string): string {
  const dir = lang === 'he' ? 'rtl' : 'ltr';
  return (
    `<!doctype html><html lang="${lang}" dir="${dir}"><head><meta charset="utf-8"><title>${escapeHtml(title)}</title>` +
    `<style>${style}</style></head><body>${body}</body></html>`
  );
}

const FEED_STYLE =
  'body{margin:0;font:15px/1.35 system-ui,sans-serif}main{max-width:600px;margin:0 auto}' +
  '[data-testid=cellInnerDiv]{border-bottom:1px solid #ddd;padding:12px 16px}' +
  '.who{color:#536471}.who a{color:#0f1419;font-weight:700;text-decoration:none}' +
  '[role=group]{display:flex;gap:40px;color:#536471;font-size:13px}.label{color:#536471;font-size:13px}';

const ARTICLE_STYLE =
  'body{margin:0;font:18px/1.6 Georgia,serif}article{max-width:700px;margin:0 auto;padding:0 16px}' +
  'aside{float:right;width:200px;font-size:14px;margin:0 0 8px 16px}[dir=rtl] aside{float:left}' +
  'figure{margin:16px 0}figcaption{font-size:14px;color:#555}';

/** One feed post (a list cell), optionally carrying a planted claim. */
function writePost(out: Writer, source: TextSource, index: number, plant: { claim: Claim; split: boolean } | null): void {
  const names = source.lang === 'he' ? HEBREW_NAMES : ENGLISH_NAMES;
  const name = source.pick(names);
  out.open('div', 'data-testid="cellInnerDiv"').open('article', 'role="article" data-testid="tweet"');
  out.open('div', 'class="who"').open('a', `href="/u${index % 97}"`).element('span', name).close('a');
  out.element('span', ` @user${index % 97}`).text(' · ').element('time', `${(index % 23) + 1}h`).close('div');
  out.open('div', `data-testid="tweetText" lang="${source.lang}" dir="auto"`);
  out.element('span', source.sentences(source.int(1, 3)));
  if (plant !== null) {
    out.text(' ');
    writeClaim(out, plant.claim, plant.split, source.random);
  }
  if (source.random() < 0.3) out.text(' ').element('a', `#${source.pick(['news', 'today', 'local', 'sport'])}${index % 50}`, 'href="/hashtag"');
  if (source.random() < 0.5) out.text(' ').element('span', source.sentence(4, 10));
  out.close('div');
  out.open('div', 'role="group"');
  for (const count of [source.int(0, 300), source.int(0, 900), source.int(0, 5000)]) out.element('span', String(count));
  out.close('div').close('article').close('div');
}

/** A Grok story card as X shows it: headline, summary, label. */
function writeStoryCard(out: Writer, source: TextSource): void {
  out.open('div', 'data-testid="cellInnerDiv"').open('div', 'class="story"');
  out.open('div', 'role="heading" aria-level="2"').element('span', source.sentence(5, 8).replace(/\.$/, '')).close('div');
  out.open('div').element('span', source.sentences(2)).close('div');
  out.open('div', 'class="label"').element('span', STORY_LABEL[source.lang]).close('div');
  out.close('div').close('div');
}

export interface PostBatch {
  /** One HTML string per post (a feed cell). */
  posts: string[];
  planted: PlantedHeadline[];
  textChars: number;
}

/**
 * Posts for infinite-scroll appends: `count` feed cells, one planted claim in every `plantEvery` posts
 * (0: none). Deterministic for a seed.
 */
export function generatePosts(lang: Lang, count: number, seed: number, plantEvery = 10): PostBatch {
  const source = new TextSource(lang, createRandom(seed));
  const claims = bundledClaims(lang);
  const posts: string[] = [];
  const planted: PlantedHeadline[] = [];
  let textChars = 0;
  for (let i = 0; i < count; i++) {
    const out = new Writer();
    let plant: { claim: Claim; split: boolean } | null = null;
    if (plantEvery > 0 && i % plantEvery === plantEvery - 1 && claims.length > 0) {
      const claim = claims[(seed + i) % claims.length] as Claim;
      plant = { claim, split: i % 2 === 0 };
      planted.push({ incident: claim.incident, lang, text: claim.text, split: plant.split });
    }
    writePost(out, source, seed + i, plant);
    posts.push(out.html());
    textChars += out.textChars;
  }
  return { posts, planted, textChars };
}

function generateFeed(spec: Required<PageSpec>): GeneratedPage {
  const source = new TextSource(spec.lang, createRandom(spec.seed));
  const planter = createPlanter(spec.lang, spec.chars, spec.plant);
  const out = new Writer();
  out.open('div', 'id="react-root"').open('header', 'role="banner"').open('nav', 'aria-label="Primary"');
  for (const item of spec.lang === 'he' ? ['בית', 'חיפוש', 'התראות', 'הודעות'] : ['Home', 'Explore', 'Notifications', 'Messages']) {
    out.open('div').open('a', 'href="/"').element('span', item).close('a').close('div');
  }
  out.close('nav').close('header');
  out.open('main', 'role="main"').open('div', 'id="feed" aria-label="Timeline"');
  let storyCards = 0;
  const storyEvery = Math.max(50_000, spec.chars / 12);
  let nextStory = storyEvery / 3;
  for (let index = 0; out.textChars < spec.chars; index++) {
    if (out.textChars >= nextStory) {
      writeStoryCard(out, source);
      storyCards++;
      nextStory += storyEvery;
      continue;
    }
    writePost(out, source, index, planter.next(out.textChars));
  }
  out.close('div').close('main').close('div');
  const title = spec.lang === 'he' ? 'בית / X' : 'Home / X';
  return {
    name: `feed-${spec.lang}-${sizeLabel(spec.chars)}${spec.contentVisibility ? '' : '-plain'}`,
    layout: 'feed',
    lang: spec.lang,
    html: documentHtml(spec.lang, title, out.html(), FEED_STYLE + (spec.contentVisibility ? SKIP_LAYOUT_STYLE : '')),
    textChars: out.textChars,
    planted: planter.planted,
    storyCards,
  };
}

function writeParagraph(out: Writer, source: TextSource, plant: { claim: Claim; split: boolean } | null): void {
  out.open('p');
  const count = source.int(3, 7);
  for (let i = 0; i < count; i++) {
    if (i > 0) out.text(' ');
    const roll = source.random();
    if (roll < 0.12) {
      const sentence = source.sentence();
      const cut = sentence.indexOf(' ', 10);
      out.text(sentence.slice(0, cut + 1)).element('a', sentence.slice(cut + 1, cut + 20), 'href="/related"').text(sentence.slice(cut + 20));
    } else if (roll < 0.2) {
      out.element('em', source.sentence(3, 8));
    } else if (roll < 0.25) {
      out.element('strong', source.sentence(3, 8));
    } else {
      out.text(source.sentence());
    }
    if (plant !== null && i === 0) {
      out.text(' ');
      writeClaim(out, plant.claim, plant.split, source.random);
    }
  }
  out.close('p');
}

function generateArticle(spec: Required<PageSpec>): GeneratedPage {
  const source = new TextSource(spec.lang, createRandom(spec.seed));
  const planter = createPlanter(spec.lang, spec.chars, spec.plant);
  const out = new Writer();
  out.open('header').open('nav');
  for (let i = 0; i < 6; i++) out.open('a', 'href="/section"').text(source.pick(fillerWords(spec.lang))).close('a').text(' ');
  out.close('nav').close('header');
  out.open('main').open('article');
  out.element('h1', source.sentence(6, 10).replace(/\.$/, ''));
  out.open('p', 'class="byline"').element('span', source.pick(spec.lang === 'he' ? HEBREW_NAMES : ENGLISH_NAMES)).text(' · ').element('time', '2024-04-05').close('p');
  let section = 0;
  while (out.textChars < spec.chars) {
    out.open('section').element('h2', source.sentence(4, 9).replace(/\.$/, ''));
    const paragraphs = source.int(4, 9);
    for (let i = 0; i < paragraphs && out.textChars < spec.chars; i++) {
      const plant = planter.next(out.textChars);
      // Some planted claims are headings of their own, as a news page lists related stories.
      if (plant !== null && section % 2 === 1 && !plant.split) {
        out.open('h3');
        writeClaim(out, plant.claim, false, source.random);
        out.close('h3');
        writeParagraph(out, source, null);
        continue;
      }
      writeParagraph(out, source, plant);
      const roll = source.random();
      if (roll < 0.08) {
        out.open('ul');
        for (let j = source.int(2, 5); j > 0; j--) out.element('li', source.sentence(4, 10));
        out.close('ul');
      } else if (roll < 0.12) {
        out.open('blockquote').element('p', source.sentences(2)).close('blockquote');
      } else if (roll < 0.15) {
        out.open('figure').raw('<div style="height:120px;background:#eee"></div>').element('figcaption', source.sentence(5, 12)).close('figure');
      } else if (roll < 0.17) {
        out.open('aside').element('h4', source.sentence(2, 4).replace(/\.$/, '')).element('p', source.sentences(2)).close('aside');
      }
    }
    out.close('section');
    section++;
  }
  out.close('article').close('main');
  out.open('footer').element('p', source.sentence(6, 12)).close('footer');
  return {
    name: `article-${spec.lang}-${sizeLabel(spec.chars)}${spec.contentVisibility ? '' : '-plain'}`,
    layout: 'article',
    lang: spec.lang,
    html: documentHtml(spec.lang, source.sentence(4, 8), out.html(), ARTICLE_STYLE + (spec.contentVisibility ? SKIP_LAYOUT_STYLE : '')),
    textChars: out.textChars,
    planted: planter.planted,
    storyCards: 0,
  };
}

/** A page for the spec; the default seed depends on layout, language and size so pages differ. */
export function generatePage(spec: PageSpec): GeneratedPage {
  const full: Required<PageSpec> = {
    layout: spec.layout,
    lang: spec.lang,
    chars: spec.chars,
    seed: spec.seed ?? (spec.layout === 'feed' ? 1 : 2) * 1000 + (spec.lang === 'he' ? 7 : 3) + spec.chars,
    plant: spec.plant ?? defaultPlantCount(spec.chars),
    contentVisibility: spec.contentVisibility ?? true,
  };
  return full.layout === 'feed' ? generateFeed(full) : generateArticle(full);
}

/** Letters and digits only, lower case: a finding may leave out a leading article or the final period. */
function letters(text: string): string {
  return text.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, '');
}

/**
 * Whether a finding's text is the planted claim: most of it (a finding may leave out a leading article or
 * the final period), or all of it and more (`overshoots` then says so: the highlight runs past the claim).
 */
export function coversPlanted(found: string, planted: string): boolean {
  const a = letters(found);
  const b = letters(planted);
  return a.length > 0 && ((b.includes(a) && a.length >= 0.6 * b.length) || overlapsMost(a, b));
}

/** The finding runs past the planted claim (its highlight covers words around the claim). */
export function overshoots(found: string, planted: string): boolean {
  return letters(found).length > letters(planted).length;
}

/** A suffix of `b` of at least 60% of it starts `a`, or `a` contains `b`. */
function overlapsMost(a: string, b: string): boolean {
  if (a.includes(b)) return true;
  for (let cut = 0; cut <= b.length * 0.4; cut++) if (a.startsWith(b.slice(cut))) return true;
  return false;
}

/** The planted headlines that no finding accounts for (each finding accounts for one plant). */
export function missedHeadlines(
  planted: readonly PlantedHeadline[],
  found: ReadonlyArray<{ incident?: string | null; text: string }>,
): PlantedHeadline[] {
  const remaining = [...found];
  const missed: PlantedHeadline[] = [];
  for (const plant of planted) {
    const at = remaining.findIndex((f) => f.incident === plant.incident && coversPlanted(f.text, plant.text));
    if (at < 0) missed.push(plant);
    else remaining.splice(at, 1);
  }
  return missed;
}

/** The small feed a tab shows before a later page is measured: our code runs on it first (bench/run.ts, bench/ab.ts). */
export function previousPage(): GeneratedPage {
  return generatePage({ layout: 'feed', lang: 'en', chars: 20_000, seed: 7 });
}
