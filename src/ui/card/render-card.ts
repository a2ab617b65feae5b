/**
 * Builds the annotation card's DOM from a CardModel. Pure: no listeners beyond the two action buttons, no
 * globals, no layout. Every text goes in through textContent, so text taken from a page (or from an imported
 * pack) is always shown as text and never parsed as markup.
 */
import type { Incident } from '../../data/schema';
import { dirOf, type UiLang } from '../lang';
import type { CardModel } from './card-model';
import { cardStrings, formatDate, type CardStrings } from './strings';

export interface CardHandlers {
  onDismiss(): void;
  onClose(): void;
}

/** id of the card's title inside the shadow root (one card at a time). */
export const CARD_TITLE_ID = 'gc-card-title';

/** Long page texts (a whole Grok summary) are cut: the card quotes, it does not reproduce. */
const MAX_QUOTE = 240;

type Child = Node | string | null | undefined | false;

function el<K extends keyof HTMLElementTagNameMap>(
  doc: Document,
  tag: K,
  attrs: Record<string, string> = {},
  ...children: Child[]
): HTMLElementTagNameMap[K] {
  const node = doc.createElement(tag);
  for (const [name, value] of Object.entries(attrs)) node.setAttribute(name, value);
  for (const child of children) {
    if (child === null || child === undefined || child === false) continue;
    node.append(typeof child === 'string' ? doc.createTextNode(child) : child);
  }
  return node;
}

function quote(text: string): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length > MAX_QUOTE ? `${flat.slice(0, MAX_QUOTE - 1).trimEnd()}…` : flat;
}

/** Only https links leave the card; the schema already insists on it, this keeps a bad pack harmless too. */
function isHttps(url: string): boolean {
  try {
    return new URL(url).protocol === 'https:';
  } catch {
    return false;
  }
}

function externalLink(doc: Document, href: string, className: string, text: string): HTMLAnchorElement {
  return el(doc, 'a', { class: className, href, target: '_blank', rel: 'noopener noreferrer' }, text);
}

function section(doc: Document, heading: string, ...content: Child[]): HTMLElement {
  return el(doc, 'section', { class: 'sec' }, el(doc, 'h3', {}, heading), ...content);
}

function incidentBody(doc: Document, s: CardStrings, incident: Incident, lang: UiLang): Child[] {
  const sources = el(doc, 'ul', { class: 'sources' });
  for (const source of incident.sources) {
    const name = `${source.publisher}${s.colon}${source.title}`;
    const item = el(doc, 'li', {});
    item.append(source.url && isHttps(source.url) ? externalLink(doc, source.url, 'src', name) : doc.createTextNode(name));
    if (source.date) item.append(el(doc, 'span', { class: 'muted' }, ` · ${formatDate(source.date, lang)}`));
    sources.append(item);
  }
  return [
    section(doc, s.claim, el(doc, 'blockquote', { class: 'claim' }, incident.claim[lang])),
    section(doc, s.happened, el(doc, 'p', {}, incident.happened[lang])),
    section(doc, s.whyWrong, el(doc, 'p', {}, incident.why[lang])),
    incident.cautions.length > 0 &&
      section(doc, s.cautions, el(doc, 'ul', { class: 'cautions' }, ...incident.cautions.map((c) => el(doc, 'li', {}, c[lang])))),
    section(doc, s.sources, sources, incident.confidence === 'medium' && el(doc, 'p', { class: 'muted' }, s.oneSource)),
  ];
}

/** A claim in quotation marks, unless it carries its own (a quoted headline followed by what the summary said). */
function quotedOnce(s: CardStrings, claim: string): string {
  return /^["\u201C\u201E\u00AB]/u.test(claim) ? claim : s.quote(claim);
}

function summaryBody(doc: Document, s: CardStrings, model: CardModel): Child[] {
  const base = model.contextUrl.split('#')[0] ?? model.contextUrl;
  const examples = model.examples.slice(0, 2).map((example) =>
    el(
      doc,
      'li',
      {},
      externalLink(doc, `${base}#${example.id}`, 'example', quotedOnce(s, example.claim[model.lang])),
      el(doc, 'span', { class: 'date muted' }, formatDate(example.date, model.lang)),
    ),
  );
  return [
    el(doc, 'p', {}, s.summaryWhat),
    examples.length > 0 && el(doc, 'p', {}, s.summaryBefore),
    examples.length > 0 && el(doc, 'ul', { class: 'examples' }, ...examples),
  ];
}

function whyMatched(doc: Document, s: CardStrings, model: CardModel): HTMLElement {
  const row = (label: string, value: Node | string): HTMLElement =>
    el(doc, 'div', { class: 'row' }, el(doc, 'dt', {}, label), el(doc, 'dd', {}, value));
  const score = `${Math.round(Math.min(1, Math.max(0, model.why.score)) * 100)}%`;
  // Collapsed: the reason is there for whoever wants it without pushing the facts down.
  // Page text and matched variants may be in either language: dir="auto" lets each run its own way.
  return el(
    doc,
    'details',
    { class: 'why' },
    el(
      doc,
      'summary',
      {},
      s.whyMarked,
      // <bdi> keeps "(92%)" after the reason in RTL even when the reason ends in a Latin word.
      el(doc, 'span', { class: 'rule' }, `${s.colon}${s.rule[model.why.rule]} `, el(doc, 'bdi', {}, `(${score})`)),
    ),
    el(
      doc,
      'dl',
      {},
      row(s.onPage, el(doc, 'q', { class: 'found', dir: 'auto' }, quote(model.text))),
      row(s.matched, el(doc, 'bdi', { class: 'variant', dir: 'auto' }, quote(model.why.variant))),
      row(s.score, score),
    ),
  );
}

export function renderCard(doc: Document, model: CardModel, handlers: CardHandlers): HTMLElement {
  const s = cardStrings[model.lang];
  const incident = model.incident;
  // A fabricated headline whose incident's details could not be had (the background did not answer) still
  // says what was found and why, and links to the context page.
  const detailsMissing = !incident && model.kind === 'fabricated-headline';
  const title = incident
    ? s.incidentLabel(incident.surface, incident.rating, incident.dateText?.[model.lang] ?? formatDate(incident.date, model.lang))
    : detailsMissing
      ? s.rule.claim
      : s.summaryLabel(model.why.rule);

  const close = el(doc, 'button', { type: 'button', class: 'close', 'aria-label': s.close, title: s.close }, '×');
  close.addEventListener('click', () => handlers.onClose());
  const dismiss = el(doc, 'button', { type: 'button', class: 'dismiss', title: s.notThisHint }, s.notThis);
  dismiss.addEventListener('click', () => handlers.onDismiss());

  return el(
    doc,
    'div',
    {
      class: 'card',
      role: 'dialog',
      'aria-modal': 'false',
      'aria-labelledby': CARD_TITLE_ID,
      tabindex: '-1',
      lang: model.lang,
      dir: dirOf(model.lang),
      'data-kind': model.kind,
      'data-finding': model.findingId,
    },
    el(doc, 'div', { class: 'head' }, el(doc, 'h2', { id: CARD_TITLE_ID, class: 'title' }, title), close),
    el(
      doc,
      'div',
      { class: 'body' },
      ...(incident
        ? incidentBody(doc, s, incident, model.lang)
        : detailsMissing
          ? [section(doc, s.claim, el(doc, 'blockquote', { class: 'claim', dir: 'auto' }, quote(model.text)))]
          : summaryBody(doc, s, model)),
      whyMatched(doc, s, model),
    ),
    el(
      doc,
      'div',
      { class: 'actions' },
      externalLink(doc, model.contextUrl, 'context', s.fullContext),
      dismiss,
    ),
  );
}
