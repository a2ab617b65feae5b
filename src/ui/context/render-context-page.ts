/**
 * The context page as a pure view: data in, element out. Every text goes in through textContent (never
 * innerHTML), links only where the data has an https URL, and each incident is an element with
 * `id="<incident id>"` so `context.html#<incident id>` lands on it.
 */
import type { Incident, Source } from '../../data/schema';
import type { UiLang } from '../lang';
import { contextStrings, type ContextStrings, type Run } from './context-strings';
import { applyDocumentLang, elementBuilder } from '../dom';

/** An incident that came from a pack the user imported, with where it came from (pack name or file). */
export interface ImportedIncidentView {
  incident: Incident;
  origin: string;
}

export interface ContextPageInput {
  lang: UiLang;
  incidents: readonly Incident[];
  imported: readonly ImportedIncidentView[];
}

export interface TimelineItem {
  incident: Incident;
  /** Set for incidents from imported packs. */
  origin?: string;
}

/**
 * Bundled incidents first, then imported ones whose id is not taken (an id must stay unique on the page,
 * and the bundled entry is the checked one); sorted by date, then id, so the order never depends on input order.
 */
export function timelineItems(
  incidents: readonly Incident[],
  imported: readonly ImportedIncidentView[],
): TimelineItem[] {
  const seen = new Set<string>();
  const items: TimelineItem[] = [];
  for (const incident of incidents) {
    if (seen.has(incident.id)) continue;
    seen.add(incident.id);
    items.push({ incident });
  }
  for (const { incident, origin } of imported) {
    if (seen.has(incident.id)) continue;
    seen.add(incident.id);
    items.push({ incident, origin });
  }
  return items.sort((a, b) =>
    a.incident.date === b.incident.date
      ? a.incident.id.localeCompare(b.incident.id)
      : a.incident.date < b.incident.date
        ? -1
        : 1,
  );
}

/** The human date of an incident: its own wording when it has one, else the ISO date in the UI language. */
export function formatIncidentDate(incident: Incident, lang: UiLang): string {
  const own = incident.dateText?.[lang];
  if (own) return own;
  return formatIsoDate(incident.date, lang);
}

export function formatIsoDate(iso: string, lang: UiLang): string {
  const parsed = new Date(`${iso}T00:00:00Z`);
  if (Number.isNaN(parsed.getTime())) return iso;
  return new Intl.DateTimeFormat(lang === 'he' ? 'he-IL' : 'en-GB', {
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    timeZone: 'UTC',
  }).format(parsed);
}

/** An https URL, or undefined: imported data is checked again here because a link is a way out of the page. */
export function safeHref(url: string | undefined): string | undefined {
  if (!url) return undefined;
  try {
    return new URL(url).protocol === 'https:' ? url : undefined;
  } catch {
    return undefined;
  }
}

export function renderContextPage(doc: Document, input: ContextPageInput): HTMLElement {
  const s = contextStrings(input.lang);
  const items = timelineItems(input.incidents, input.imported);
  const h = builder(doc);

  const page = h('div', { class: 'gc-page' });
  const header = h('header', { class: 'gc-header', id: 'top' });
  header.append(h('h1', {}, s.heading), h('p', { class: 'gc-lede' }, s.lede));

  page.append(header, renderToc(doc, s, items, input.lang));

  const main = h('main', { class: 'gc-main' });
  const story = section(doc, 'story', s.storyHeading);
  for (const paragraph of s.story) story.append(renderRuns(doc, paragraph, s));

  const labels = section(doc, 'labels', s.labelsHeading);
  labels.append(h('p', {}, s.labelsIntro));
  const labelList = h('ul', { class: 'gc-labels' });
  for (const label of s.labels) {
    const item = h('li');
    // Verbatim as X shows it, in its own language and direction (an English label stays LTR on the Hebrew page).
    const quote = h('span', { class: 'gc-label-text', lang: label.lang, dir: label.lang === 'he' ? 'rtl' : 'ltr' }, label.text);
    item.append(quote, h('span', { class: 'gc-label-where' }, label.where));
    labelList.append(item);
  }
  labels.append(labelList, h('p', {}, s.labelsOther));

  const report = section(doc, 'report', s.reportHeading);
  for (const paragraph of s.report) report.append(renderRuns(doc, paragraph, s));

  const timeline = section(doc, 'timeline', s.timelineHeading);
  timeline.append(h('p', {}, s.timelineIntro));
  const list = h('ol', { class: 'gc-timeline' });
  for (const item of items) {
    const li = h('li');
    li.append(renderEntry(doc, item, input.lang, s));
    list.append(li);
  }
  timeline.append(list);

  main.append(story, labels, report, timeline);
  page.append(main, h('footer', { class: 'gc-footer' }, s.footer));
  return page;
}

/** One timeline entry; exported for the tests and for re-rendering a single entry. */
export function renderEntry(doc: Document, item: TimelineItem, lang: UiLang, s = contextStrings(lang)): HTMLElement {
  const h = builder(doc);
  const { incident } = item;
  const headingId = `${incident.id}--title`;
  const article = h('article', {
    class: item.origin === undefined ? 'gc-entry' : 'gc-entry gc-entry--imported',
    id: incident.id,
    'aria-labelledby': headingId,
    tabindex: '-1',
    'data-incident': incident.id,
  });

  const head = h('header', { class: 'gc-entry-head' });
  head.append(h('h3', { id: headingId }, text(incident.title, lang)));
  if (item.origin !== undefined) {
    head.append(h('span', { class: 'gc-tag gc-tag--imported' }, s.imported));
  }
  article.append(head);

  if (item.origin !== undefined) {
    article.append(h('p', { class: 'gc-entry-origin' }, s.importedFrom(item.origin)));
  }

  const facts = h('dl', { class: 'gc-facts' });
  // A span, not <q>: the claim texts carry their own quotation marks where they quote.
  addFact(doc, facts, s.claimLabel, h('span', { class: 'gc-claim' }, text(incident.claim, lang)));
  addFact(doc, facts, s.dateLabel, h('time', { datetime: incident.date }, formatIncidentDate(incident, lang)));
  addFact(doc, facts, s.surfaceLabel, h('span', {}, s.surfaces[incident.surface]));
  addFact(doc, facts, s.appearanceLabel, h('span', {}, text(incident.appearance, lang)));
  addFact(doc, facts, s.ratingLabel, h('span', { class: `gc-rating gc-rating--${incident.rating.toLowerCase()}` }, s.ratings[incident.rating]));
  article.append(facts);

  article.append(h('h4', {}, s.happenedLabel), h('p', {}, text(incident.happened, lang)));
  article.append(h('h4', {}, s.whyLabel), h('p', {}, text(incident.why, lang)));

  if (incident.cautions.length > 0) {
    const cautions = h('div', { class: 'gc-cautions' });
    cautions.append(h('h4', {}, s.cautionsLabel));
    const list = h('ul');
    for (const caution of incident.cautions) list.append(h('li', {}, text(caution, lang)));
    cautions.append(list);
    article.append(cautions);
  }

  article.append(h('h4', {}, s.sourcesLabel));
  const sources = h('ul', { class: 'gc-sources' });
  for (const source of incident.sources) sources.append(renderSource(doc, source, lang, s));
  article.append(sources);
  const back = h('p', { class: 'gc-back' });
  back.append(h('a', { href: '#contents' }, s.backToTop));
  article.append(back);
  return article;
}

function renderSource(doc: Document, source: Source, lang: UiLang, s: ContextStrings): HTMLElement {
  const h = builder(doc);
  const li = h('li');
  // Title and publisher on lines of their own: source titles are mostly English, and mixing them with
  // Hebrew on one line makes the bidi algorithm scatter the pieces.
  const title = h('cite', { dir: 'auto', class: 'gc-source-title' }, source.title);
  const href = safeHref(source.url);
  if (href) {
    const link = externalLink(doc, href, '', s);
    link.prepend(title);
    li.append(link);
  } else {
    li.append(title);
  }
  const meta = h('span', { class: 'gc-source-meta' });
  meta.append(h('bdi', {}, source.publisher));
  if (source.date) meta.append(doc.createTextNode(', '), h('time', { datetime: source.date }, formatIsoDate(source.date, lang)));
  if (!href) meta.append(doc.createTextNode(` (${s.noVerifiedLink})`));
  li.append(meta);
  return li;
}

function renderToc(doc: Document, s: ContextStrings, items: readonly TimelineItem[], lang: UiLang): HTMLElement {
  const h = builder(doc);
  const nav = h('nav', { class: 'gc-toc', 'aria-labelledby': 'toc-heading', id: 'contents' });
  nav.append(h('h2', { id: 'toc-heading' }, s.tocLabel));
  const list = h('ol');
  const top: Array<[string, string]> = [
    ['story', s.tocStory],
    ['labels', s.tocLabels],
    ['report', s.tocReport],
    ['timeline', s.tocTimeline],
  ];
  for (const [id, label] of top) {
    const li = h('li');
    li.append(h('a', { href: `#${id}` }, label));
    if (id === 'timeline') {
      const sub = h('ol', { class: 'gc-toc-entries' });
      for (const item of items) {
        const entry = h('li');
        const link = h('a', { href: `#${item.incident.id}` });
        link.append(
          h('span', { class: 'gc-toc-date' }, item.incident.date.slice(0, 7)),
          doc.createTextNode(' '),
          h('span', {}, text(item.incident.title, lang)),
        );
        if (item.origin !== undefined) link.append(doc.createTextNode(' '), h('span', { class: 'gc-tag gc-tag--imported' }, s.imported));
        entry.append(link);
        sub.append(entry);
      }
      li.append(sub);
    }
    list.append(li);
  }
  nav.append(list);
  return nav;
}

function section(doc: Document, id: string, heading: string): HTMLElement {
  const h = builder(doc);
  const el = h('section', { id, 'aria-labelledby': `${id}-heading`, class: 'gc-section' });
  el.append(h('h2', { id: `${id}-heading` }, heading));
  return el;
}

function renderRuns(doc: Document, runs: readonly Run[], s: ContextStrings): HTMLElement {
  const p = doc.createElement('p');
  for (const run of runs) {
    if (typeof run === 'string') p.append(doc.createTextNode(run));
    else {
      const href = safeHref(run.href);
      p.append(href ? externalLink(doc, href, run.text, s) : doc.createTextNode(run.text));
    }
  }
  return p;
}

function externalLink(doc: Document, href: string, label: string, s: ContextStrings): HTMLAnchorElement {
  const a = doc.createElement('a');
  a.href = href;
  a.target = '_blank';
  a.rel = 'noopener noreferrer';
  if (label) a.textContent = label;
  const hint = doc.createElement('span');
  hint.className = 'gc-visually-hidden';
  hint.textContent = ` ${s.opensInNewTab}`;
  a.append(hint);
  return a;
}

function addFact(doc: Document, dl: HTMLElement, term: string, value: HTMLElement): void {
  const group = doc.createElement('div');
  const dt = doc.createElement('dt');
  dt.textContent = term;
  const dd = doc.createElement('dd');
  dd.append(value);
  group.append(dt, dd);
  dl.append(group);
}

/** Localized text with a fallback: imported packs may carry only one language. */
function text(value: { en: string; he: string }, lang: UiLang): string {
  return value[lang] || value.en || value.he;
}

const builder = elementBuilder;

/** Sets the document's language, direction and title for the context page. */
export function applyContextDocument(doc: Document, lang: UiLang): void {
  applyDocumentLang(doc, lang, contextStrings(lang).pageTitle);
}
