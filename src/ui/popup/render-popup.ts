/**
 * The popup's view: a pure model builder (what to show, from the tab's report, settings and dismissals) and a
 * DOM builder (model in, element out). Wiring to the browser lives in entrypoints/popup/main.ts.
 *
 * Contract used by browser tests: every listed finding is an element with `data-kind` and, when it is about a
 * known incident, `data-incident`; nothing else in the popup carries those attributes.
 */
import type { Incident } from '../../data/schema';
import type { ReportedFinding, TabFindings } from '../../messaging/schema';
import type { Dismissal, Settings } from '../../settings/schema';
import { dirOf, type UiLang } from '../lang';
import { popupStrings } from './popup-strings';

/** What the popup says about the page. */
export type PopupStatus = 'found' | 'checked' | 'paused' | 'site-disabled' | 'unavailable';

export interface PopupIncident {
  id: string;
  title: string;
  /** Display date, already in the UI language. */
  date: string;
  /** Publisher of the pack it was imported from. */
  importedFrom?: string;
}

export interface PopupItem {
  finding: ReportedFinding;
  incident?: PopupIncident;
}

export interface PopupModel {
  lang: UiLang;
  status: PopupStatus;
  site?: string;
  items: PopupItem[];
  paused: boolean;
  siteEnabled: boolean;
  /** Dismissals on this tab's site, newest first. */
  dismissed: Dismissal[];
  /** context.html's URL; entries are at `#<incident id>`. */
  contextUrl: string;
  /** A one-off message, e.g. when "Show" could not reach the page. */
  notice?: string;
}

export interface PopupActions {
  show(findingId: string): void;
  setSiteEnabled(enabled: boolean): void;
  setPaused(paused: boolean): void;
  undo(dismissal: Dismissal): void;
  openOptions(): void;
}

export type IncidentLookup = (id: string) => (Incident & { origin?: { publisher: string } }) | undefined;

export interface PopupInput {
  lang: UiLang;
  tab: TabFindings;
  settings: Settings;
  dismissals: readonly Dismissal[];
  lookup: IncidentLookup;
  contextUrl: string;
  notice?: string;
}

/** Decides what the popup shows. Settings win over a stale report: a pause shows at once. */
export function buildPopupModel({ lang, tab, settings, dismissals, lookup, contextUrl, notice }: PopupInput): PopupModel {
  const site = tab.site;
  const siteEnabled = site === undefined || !settings.disabledSites.includes(site);
  let status: PopupStatus;
  if (settings.paused) status = 'paused';
  else if (!siteEnabled) status = 'site-disabled';
  else if (tab.status === 'checked') status = tab.findings.length > 0 ? 'found' : 'checked';
  else status = tab.status;

  const items: PopupItem[] =
    status === 'found'
      ? tab.findings.map((finding) => {
          const incident = finding.incident !== undefined ? lookup(finding.incident) : undefined;
          return incident ? { finding, incident: incidentView(incident, lang) } : { finding };
        })
      : [];
  return {
    lang,
    status,
    ...(site !== undefined ? { site } : {}),
    items,
    paused: settings.paused,
    siteEnabled,
    dismissed: site === undefined ? [] : dismissals.filter((d) => d.site === site).sort((a, b) => b.at - a.at),
    contextUrl,
    ...(notice !== undefined ? { notice } : {}),
  };
}

function incidentView(incident: Incident & { origin?: { publisher: string } }, lang: UiLang): PopupIncident {
  return {
    id: incident.id,
    title: incident.title[lang],
    date: incident.dateText?.[lang] ?? formatDate(incident.date, lang),
    ...(incident.origin ? { importedFrom: incident.origin.publisher } : {}),
  };
}

/** "4 April 2024" / "4 באפריל 2024" from an ISO date; the date itself when the browser cannot format it. */
export function formatDate(iso: string, lang: UiLang): string {
  const date = new Date(`${iso}T00:00:00Z`);
  if (Number.isNaN(date.getTime())) return iso;
  try {
    return new Intl.DateTimeFormat(lang === 'he' ? 'he-IL' : 'en-GB', {
      day: 'numeric',
      month: 'long',
      year: 'numeric',
      timeZone: 'UTC',
    }).format(date);
  } catch {
    return iso;
  }
}

type Child = Node | string | undefined | false;

function h<K extends keyof HTMLElementTagNameMap>(
  doc: Document,
  tag: K,
  attrs: Record<string, string | undefined> = {},
  children: Child[] = [],
): HTMLElementTagNameMap[K] {
  const el = doc.createElement(tag);
  for (const [name, value] of Object.entries(attrs)) if (value !== undefined) el.setAttribute(name, value);
  for (const child of children) if (child !== undefined && child !== false) el.append(child);
  return el;
}

/** Builds the popup. Texts go in as text nodes only: a page's or a pack's text never becomes markup. */
export function renderPopup(doc: Document, model: PopupModel, actions: PopupActions): HTMLElement {
  const s = popupStrings(model.lang);
  const root = h(doc, 'main', { class: 'gc-popup', lang: model.lang, dir: dirOf(model.lang) });

  const heading =
    model.status === 'found' ? s.countHeading(model.items.length) : s.appName;
  root.append(
    h(doc, 'header', { class: 'gc-header' }, [
      h(doc, 'h1', { class: 'gc-title', id: 'gc-heading' }, [heading]),
      model.site ? h(doc, 'p', { class: 'gc-site', dir: 'ltr' }, [model.site]) : undefined,
    ]),
  );

  if (model.notice) root.append(h(doc, 'p', { class: 'gc-notice', role: 'alert' }, [model.notice]));

  if (model.status === 'found') {
    const list = h(doc, 'ol', { class: 'gc-findings', 'aria-labelledby': 'gc-heading' });
    for (const item of model.items) list.append(renderItem(doc, item, model, actions));
    root.append(list);
  } else {
    root.append(renderEmpty(doc, model));
  }

  root.append(renderControls(doc, model, actions));
  if (model.dismissed.length > 0) root.append(renderDismissed(doc, model, actions));

  const options = h(doc, 'button', { type: 'button', class: 'gc-link-button', 'data-focus': 'options' }, [s.options]);
  options.addEventListener('click', () => actions.openOptions());
  root.append(
    h(doc, 'footer', { class: 'gc-footer' }, [
      h(doc, 'a', { href: model.contextUrl, target: '_blank', rel: 'noopener', 'data-focus': 'about' }, [s.aboutLink]),
      options,
    ]),
  );
  return root;
}

function renderItem(doc: Document, item: PopupItem, model: PopupModel, actions: PopupActions): HTMLElement {
  const s = popupStrings(model.lang);
  const { finding, incident } = item;
  const li = h(doc, 'li', {
    class: `gc-finding gc-finding--${finding.kind}`,
    'data-kind': finding.kind,
    'data-incident': finding.incident,
    'data-finding': finding.id,
  });
  const show = h(doc, 'button', { type: 'button', class: 'gc-show', 'aria-label': s.showLabel(finding.text), 'data-focus': `show:${finding.id}` }, [
    s.show,
  ]);
  show.addEventListener('click', () => actions.show(finding.id));
  li.append(
    h(doc, 'div', { class: 'gc-finding-head' }, [
      h(doc, 'span', { class: 'gc-kind' }, [s.findingLabel(finding.kind, finding.rule)]),
      show,
    ]),
    // The found text is in the page's language, whatever the UI language is.
    h(doc, 'p', { class: 'gc-found', dir: 'auto' }, [s.quote(finding.text)]),
  );
  if (incident) {
    li.append(
      h(doc, 'p', { class: 'gc-incident' }, [
        h(doc, 'span', { class: 'gc-incident-title' }, [incident.title]),
        ' · ',
        h(doc, 'span', { class: 'gc-incident-date' }, [incident.date]),
        ' · ',
        h(
          doc,
          'a',
          {
            href: `${model.contextUrl}#${encodeURIComponent(incident.id)}`,
            target: '_blank',
            rel: 'noopener',
            'aria-label': s.contextLabel(incident.title),
            'data-focus': `context:${finding.id}`,
          },
          [s.context],
        ),
      ]),
    );
    if (incident.importedFrom) li.append(h(doc, 'p', { class: 'gc-imported' }, [s.importedFrom(incident.importedFrom)]));
  }
  return li;
}

function renderEmpty(doc: Document, model: PopupModel): HTMLElement {
  const s = popupStrings(model.lang);
  const lines: Record<Exclude<PopupStatus, 'found'>, string[]> = {
    checked: [s.emptyChecked, s.emptyCheckedDetail],
    paused: [s.emptyPaused],
    'site-disabled': [s.emptySiteDisabled],
    unavailable: [s.emptyUnavailable],
  };
  const status = model.status === 'found' ? 'checked' : model.status;
  const [first, ...rest] = lines[status];
  return h(doc, 'section', { class: `gc-empty gc-empty--${status}`, 'data-status': status }, [
    h(doc, 'p', { class: 'gc-empty-main' }, [first]),
    ...rest.map((line) => h(doc, 'p', { class: 'gc-empty-detail' }, [line])),
  ]);
}

function renderControls(doc: Document, model: PopupModel, actions: PopupActions): HTMLElement {
  const s = popupStrings(model.lang);
  const site = h(doc, 'input', {
    type: 'checkbox',
    role: 'switch',
    id: 'gc-site-toggle',
    'data-focus': 'site-toggle',
  });
  site.checked = model.siteEnabled;
  site.disabled = model.site === undefined;
  site.addEventListener('change', () => actions.setSiteEnabled(site.checked));

  const pause = h(doc, 'input', { type: 'checkbox', role: 'switch', id: 'gc-pause-toggle', 'data-focus': 'pause-toggle' });
  pause.checked = model.paused;
  pause.addEventListener('change', () => actions.setPaused(pause.checked));

  return h(doc, 'section', { class: 'gc-controls', 'aria-labelledby': 'gc-controls-heading' }, [
    h(doc, 'h2', { class: 'gc-visually-hidden', id: 'gc-controls-heading' }, [s.controls]),
    h(doc, 'div', { class: 'gc-toggle' }, [
      site,
      h(doc, 'label', { for: 'gc-site-toggle' }, [model.site === undefined ? s.onThisSiteUnknown : s.onThisSite]),
    ]),
    h(doc, 'div', { class: 'gc-toggle' }, [pause, h(doc, 'label', { for: 'gc-pause-toggle' }, [s.pauseEverywhere])]),
  ]);
}

function renderDismissed(doc: Document, model: PopupModel, actions: PopupActions): HTMLElement {
  const s = popupStrings(model.lang);
  const list = h(doc, 'ul', { class: 'gc-dismissed-list' });
  for (const dismissal of model.dismissed) {
    const undo = h(
      doc,
      'button',
      { type: 'button', class: 'gc-undo', 'aria-label': s.undoLabel(dismissal.text), 'data-focus': `undo:${dismissal.key}` },
      [s.undo],
    );
    undo.addEventListener('click', () => actions.undo(dismissal));
    list.append(
      h(doc, 'li', { class: 'gc-dismissed' }, [h(doc, 'span', { class: 'gc-dismissed-text', dir: 'auto' }, [s.quote(dismissal.text)]), undo]),
    );
  }
  return h(doc, 'section', { class: 'gc-dismissed-section', 'aria-labelledby': 'gc-dismissed-heading' }, [
    h(doc, 'h2', { class: 'gc-section-title', id: 'gc-dismissed-heading' }, [s.dismissedHeading]),
    list,
  ]);
}
