/**
 * The options page as pure views: data in, elements out. The entrypoint wires storage and events; these
 * functions only build DOM (text via textContent) so they can be tested without a browser. Buttons carry
 * `data-action` and the keys they act on, so one delegated listener handles every list.
 */
import type { Dismissal, HighlightStyle, Settings } from '../../settings/schema';
import { SITE_MAX } from '../../settings/values';
import type { UiLang } from '../lang';
import { optionsStrings } from './options-strings';
import { applyDocumentLang, elementBuilder } from '../dom';

/** An imported pack as the list shows it. */
export interface PackView {
  id: string;
  name: string;
  /** Where the pack came from (file name, publisher), when known. */
  origin?: string;
  incidentCount: number;
  /** Epoch milliseconds. */
  importedAt?: number;
}

export interface OptionsView {
  root: HTMLElement;
  styleInputs: HTMLInputElement[];
  kindInputs: HTMLInputElement[];
  badgeInput: HTMLInputElement;
  pausedInput: HTMLInputElement;
  siteForm: HTMLFormElement;
  siteInput: HTMLInputElement;
  siteError: HTMLElement;
  sitesList: HTMLElement;
  dismissedList: HTMLElement;
  packsList: HTMLElement;
  packInput: HTMLInputElement;
  dropZone: HTMLElement;
  packAlert: HTMLElement;
  /** Polite announcements of what just changed, one per section so the message shows where the user is. */
  status: Record<OptionsSection, HTMLElement>;
  /** Section headings that take focus when the last item of their list goes away. */
  headings: { sites: HTMLElement; dismissed: HTMLElement; packs: HTMLElement };
}

export type OptionsSection = 'look' | 'sites' | 'dismissed' | 'packs';

const STYLES: HighlightStyle[] = ['underline', 'background', 'off'];
const KINDS = ['fabricated-headline', 'grok-summary'] as const;

const builder = elementBuilder;

export function applyOptionsDocument(doc: Document, lang: UiLang): void {
  applyDocumentLang(doc, lang, optionsStrings(lang).pageTitle);
}

/** The page's skeleton with every control; lists start empty and are filled by the render* functions below. */
export function renderOptionsPage(doc: Document, lang: UiLang, contextHref = 'context.html'): OptionsView {
  const s = optionsStrings(lang);
  const h = builder(doc);
  const root = h('main', { class: 'gc-options' });

  const header = h('header', { class: 'gc-header' });
  header.append(h('h1', {}, s.heading), h('p', {}, s.intro));
  const more = h('p');
  more.append(h('a', { href: contextHref }, s.contextLink));
  header.append(more);
  root.append(header);

  const statusOf = (name: OptionsSection): HTMLElement =>
    h('p', { role: 'status', class: 'gc-status', 'data-status': name });
  const status = { look: statusOf('look'), sites: statusOf('sites'), dismissed: statusOf('dismissed'), packs: statusOf('packs') };

  // Look: style, kinds, badge, pause.
  const look = section(doc, 'look', s.lookHeading);
  const styleSet = h('fieldset', { class: 'gc-fieldset' });
  styleSet.append(h('legend', {}, s.styleLegend));
  const styleInputs = STYLES.map((style) => {
    const { field, input } = choice(doc, 'radio', `style-${style}`, 'highlightStyle', style, s.styles[style].label, s.styles[style].hint);
    styleSet.append(field);
    return input;
  });
  const kindSet = h('fieldset', { class: 'gc-fieldset' });
  kindSet.append(h('legend', {}, s.kindsLegend));
  const kindInputs = KINDS.map((kind) => {
    const { field, input } = choice(doc, 'checkbox', `kind-${kind}`, 'kind', kind, s.kinds[kind].label, s.kinds[kind].hint);
    kindSet.append(field);
    return input;
  });
  const badge = choice(doc, 'checkbox', 'badge', 'badge', 'on', s.badgeLabel, s.badgeHint);
  const paused = choice(doc, 'checkbox', 'paused', 'paused', 'on', s.pausedLabel, s.pausedHint);
  const toggles = h('div', { class: 'gc-fieldset gc-toggles' });
  toggles.append(badge.field, paused.field);
  look.section.append(styleSet, kindSet, toggles, status.look);

  // Sites.
  const sites = section(doc, 'sites', s.sitesHeading);
  sites.section.append(h('p', { class: 'gc-hint' }, s.sitesIntro));
  const sitesList = h('div', { class: 'gc-list-host' });
  const siteForm = h('form', { class: 'gc-inline-form', novalidate: '' });
  const siteLabel = h('label', { for: 'site-input' }, s.siteInputLabel);
  const siteInput = h('input', {
    id: 'site-input',
    type: 'text',
    name: 'site',
    inputmode: 'url',
    autocomplete: 'off',
    spellcheck: 'false',
    dir: 'ltr',
    placeholder: s.siteInputPlaceholder,
    'aria-describedby': 'site-error',
  });
  const siteButton = h('button', { type: 'submit' }, s.siteAdd);
  const siteRow = h('div', { class: 'gc-inline-row' });
  siteRow.append(siteInput, siteButton);
  const siteError = h('p', { id: 'site-error', class: 'gc-field-error', role: 'alert' });
  siteForm.append(siteLabel, siteRow, siteError);
  sites.section.append(sitesList, siteForm, status.sites);

  // Dismissed.
  const dismissed = section(doc, 'dismissed', s.dismissedHeading);
  dismissed.section.append(h('p', { class: 'gc-hint' }, s.dismissedIntro));
  const dismissedList = h('div', { class: 'gc-list-host' });
  dismissed.section.append(dismissedList, status.dismissed);

  // Packs.
  const packs = section(doc, 'packs', s.packsHeading);
  packs.section.append(h('p', { class: 'gc-hint' }, s.packsIntro));
  const dropZone = h('div', { class: 'gc-drop' });
  const packLabel = h('label', { for: 'pack-file', class: 'gc-file-label' }, s.packsFileLabel);
  const packInput = h('input', { id: 'pack-file', type: 'file', accept: '.json,.jsonld,application/json,application/ld+json' });
  dropZone.append(packLabel, packInput, h('p', { class: 'gc-hint gc-drop-hint' }, s.packsDrop));
  const packAlert = h('div', { class: 'gc-alert-host', role: 'alert' });
  const packsList = h('div', { class: 'gc-list-host' });
  packs.section.append(dropZone, status.packs, packAlert, packsList);

  root.append(look.section, sites.section, dismissed.section, packs.section);

  return {
    root,
    styleInputs,
    kindInputs,
    badgeInput: badge.input,
    pausedInput: paused.input,
    siteForm,
    siteInput,
    siteError,
    sitesList,
    dismissedList,
    packsList,
    packInput,
    dropZone,
    packAlert,
    status,
    headings: { sites: sites.heading, dismissed: dismissed.heading, packs: packs.heading },
  };
}

/** Reflects stored settings into the controls (also when they change in another tab or the popup). */
export function applySettings(view: OptionsView, settings: Settings): void {
  for (const input of view.styleInputs) input.checked = input.value === settings.highlightStyle;
  for (const input of view.kindInputs) {
    input.checked = settings.kinds[input.value as (typeof KINDS)[number]] ?? true;
  }
  view.badgeInput.checked = settings.badge;
  view.pausedInput.checked = settings.paused;
}

/** Reads the controls back into settings, keeping what the page does not show (the site list). */
export function readSettingsFrom(view: OptionsView, base: Settings): Settings {
  const style = view.styleInputs.find((input) => input.checked)?.value as HighlightStyle | undefined;
  const kinds = { ...base.kinds };
  for (const input of view.kindInputs) kinds[input.value as (typeof KINDS)[number]] = input.checked;
  return {
    ...base,
    highlightStyle: style ?? base.highlightStyle,
    kinds,
    badge: view.badgeInput.checked,
    paused: view.pausedInput.checked,
  };
}

export function renderSiteList(doc: Document, sites: readonly string[], lang: UiLang): HTMLElement {
  const s = optionsStrings(lang);
  const h = builder(doc);
  if (sites.length === 0) return h('p', { class: 'gc-empty', 'data-list': 'sites' }, s.sitesEmpty);
  const list = h('ul', { class: 'gc-list', 'data-list': 'sites' });
  for (const site of [...sites].sort()) {
    const li = h('li', { class: 'gc-item', 'data-site': site });
    li.append(h('span', { class: 'gc-item-main', dir: 'ltr' }, site));
    li.append(
      h('button', { type: 'button', 'data-action': 'remove-site', 'data-site': site, 'aria-label': s.siteRemove(site) }, s.siteRemoveText),
    );
    list.append(li);
  }
  return list;
}

export function renderDismissalList(doc: Document, dismissals: readonly Dismissal[], lang: UiLang): HTMLElement {
  const s = optionsStrings(lang);
  const h = builder(doc);
  if (dismissals.length === 0) return h('p', { class: 'gc-empty', 'data-list': 'dismissed' }, s.dismissedEmpty);
  const list = h('ul', { class: 'gc-list', 'data-list': 'dismissed' });
  // Newest first: the one just dismissed is the one most likely to be undone.
  const sorted = [...dismissals].sort((a, b) => b.at - a.at);
  for (const dismissal of sorted) {
    const site = dismissal.site || s.allSites;
    const li = h('li', { class: 'gc-item', 'data-site': dismissal.site, 'data-key': dismissal.key });
    const main = h('div', { class: 'gc-item-main' });
    // <bdi>: a Hebrew finding on an English page (or the reverse) keeps its own direction inside our quotes.
    const quote = h('q', { class: 'gc-item-text' });
    quote.append(h('bdi', {}, dismissal.text || dismissal.key));
    main.append(quote);
    const meta = h('span', { class: 'gc-item-meta' });
    meta.append(
      h('span', { class: 'gc-kind' }, s.kindNames[dismissal.kind]),
      doc.createTextNode(' · '),
      h('span', { dir: 'ltr' }, site),
      doc.createTextNode(' · '),
      h('time', { datetime: new Date(dismissal.at).toISOString() }, formatDate(dismissal.at, lang)),
    );
    main.append(meta);
    li.append(
      main,
      h(
        'button',
        {
          type: 'button',
          'data-action': 'undo-dismissal',
          'data-site': dismissal.site,
          'data-key': dismissal.key,
          'aria-label': s.dismissedUndoLabel(dismissal.text || dismissal.key, site),
        },
        s.dismissedUndo,
      ),
    );
    list.append(li);
  }
  return list;
}

export function renderPackList(doc: Document, packs: readonly PackView[], lang: UiLang): HTMLElement {
  const s = optionsStrings(lang);
  const h = builder(doc);
  if (packs.length === 0) return h('p', { class: 'gc-empty', 'data-list': 'packs' }, s.packsEmpty);
  const list = h('ul', { class: 'gc-list', 'data-list': 'packs' });
  for (const pack of packs) {
    const li = h('li', { class: 'gc-item', 'data-pack': pack.id });
    const main = h('div', { class: 'gc-item-main' });
    main.append(h('strong', { dir: 'auto' }, pack.name));
    const metaParts = [s.packsCount(pack.incidentCount)];
    if (pack.origin && pack.origin !== pack.name) metaParts.push(pack.origin);
    if (pack.importedAt !== undefined) metaParts.push(s.packsImportedOn(formatDate(pack.importedAt, lang)));
    main.append(h('span', { class: 'gc-item-meta', dir: 'auto' }, metaParts.join(' · ')));
    const actions = h('div', { class: 'gc-item-actions' });
    actions.append(
      h('button', { type: 'button', 'data-action': 'export-pack', 'data-pack': pack.id, 'aria-label': s.packsExportLabel(pack.name) }, s.packsExport),
      h('button', { type: 'button', 'data-action': 'remove-pack', 'data-pack': pack.id, 'aria-label': s.packsRemoveLabel(pack.name), class: 'gc-danger' }, s.packsRemove),
    );
    li.append(main, actions);
    list.append(li);
  }
  return list;
}

/** How many problems the message lists before summarising the rest: enough to fix the file, not a wall. */
export const MAX_ERRORS_SHOWN = 8;

/** The refusal of a bad pack: which file, that nothing changed, and what is wrong (field and entry). */
export function renderPackError(doc: Document, fileName: string, errors: readonly string[], lang: UiLang): HTMLElement {
  const s = optionsStrings(lang);
  const h = builder(doc);
  const box = h('div', { class: 'gc-error', 'data-pack-error': '' });
  box.append(h('p', { class: 'gc-error-title' }, s.packsErrorTitle(fileName)));
  const shown = errors.slice(0, MAX_ERRORS_SHOWN);
  if (shown.length > 0) {
    const list = h('ul');
    // Messages name JSON paths and field names, which read left to right even on the Hebrew page.
    for (const error of shown) {
      const item = h('li');
      item.append(h('bdi', {}, error));
      list.append(item);
    }
    box.append(list);
  }
  if (errors.length > shown.length) box.append(h('p', {}, s.packsErrorMore(errors.length - shown.length)));
  return box;
}

/**
 * A hostname from what the user typed: a bare name ("x.com"), a name with a path, or a pasted link. Returns
 * undefined for anything that is not a plausible hostname, so the list never holds junk.
 */
export function normalizeSiteInput(input: string): string | undefined {
  const trimmed = input.trim().toLowerCase();
  if (!trimmed || trimmed.length > SITE_MAX + 20) return undefined;
  const withScheme = /^[a-z][a-z0-9+.-]*:\/\//.test(trimmed) ? trimmed : `https://${trimmed}`;
  let host: string;
  try {
    host = new URL(withScheme).hostname;
  } catch {
    return undefined;
  }
  host = host.replace(/\.$/, '');
  if (host.length === 0 || host.length > SITE_MAX) return undefined;
  // IPv4, "localhost", or dotted names made of letters, digits and hyphens (punycode included); the length is checked above.
  if (host === 'localhost' || /^\d{1,3}(\.\d{1,3}){3}$/.test(host)) return host;
  if (!/^([a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?)(\.[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?)+$/.test(host)) return undefined;
  return host;
}

function formatDate(epochMs: number, lang: UiLang): string {
  const date = new Date(epochMs);
  if (Number.isNaN(date.getTime())) return '';
  return new Intl.DateTimeFormat(lang === 'he' ? 'he-IL' : 'en-GB', { day: 'numeric', month: 'short', year: 'numeric' }).format(date);
}

function section(doc: Document, id: string, title: string): { section: HTMLElement; heading: HTMLElement } {
  const h = builder(doc);
  const el = h('section', { id, class: 'gc-section', 'aria-labelledby': `${id}-heading` });
  // tabindex -1: focus lands here when the last item of the section's list is removed.
  const heading = h('h2', { id: `${id}-heading`, tabindex: '-1' }, title);
  el.append(heading);
  return { section: el, heading };
}

function choice(
  doc: Document,
  type: 'radio' | 'checkbox',
  id: string,
  name: string,
  value: string,
  label: string,
  hint: string,
): { field: HTMLElement; input: HTMLInputElement } {
  const h = builder(doc);
  const field = h('div', { class: 'gc-choice' });
  const input = h('input', { type, id, name, value, 'aria-describedby': `${id}-hint` });
  const text = h('label', { for: id }, label);
  const help = h('span', { id: `${id}-hint`, class: 'gc-hint' }, hint);
  field.append(input, text, help);
  return { field, input };
}

