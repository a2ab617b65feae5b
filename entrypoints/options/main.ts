/**
 * options.html: wiring only. Every change is written to storage at once; every storage change (from the
 * popup, a card's "Not this", another options tab) is reflected back through the items' watchers.
 */
import { browser } from 'wxt/browser';
import { knowledgeBase } from '../../src/data/index';
import { MAX_PACK_BYTES, parsePack, serializePack, type ImportedPack } from '../../src/data/pack';
import { SettingsSchema, type Dismissal, type Settings } from '../../src/settings/schema';
import {
  dismissalsItem,
  packsItem,
  readDismissals,
  readPacks,
  readSettings,
  removeDismissal,
  removePack,
  savePack,
  settingsItem,
  setSiteEnabled,
  updateSettings,
} from '../../src/settings/storage';
import { uiLangFrom } from '../../src/ui/lang';
import { optionsStrings } from '../../src/ui/options/options-strings';
import {
  applyOptionsDocument,
  applySettings,
  normalizeSiteInput,
  readSettingsFrom,
  renderDismissalList,
  renderOptionsPage,
  renderPackError,
  renderPackList,
  renderSiteList,
  type OptionsSection,
  type PackView,
} from '../../src/ui/options/render-options';
import '../../src/ui/options/options.css';

const lang = uiLangFrom(browser.i18n.getUILanguage());
const s = optionsStrings(lang);
applyOptionsDocument(document, lang);
// options.html and context.html both sit at the extension's root.
const view = renderOptionsPage(document, lang, 'context.html');
(document.getElementById('app') ?? document.body).replaceChildren(view.root);

let settings: Settings | undefined;
let dismissals: Dismissal[] = [];
let packs: ImportedPack[] = [];

function announce(section: OptionsSection, message: string): void {
  const region = view.status[section];
  // Clearing first makes screen readers repeat a message that is the same as the last one.
  region.textContent = '';
  requestAnimationFrame(() => {
    region.textContent = message;
  });
}

/**
 * Swaps a list for its new rendering without losing the keyboard user's place: focus goes back to the same
 * button if it still exists, else to the button now at the same position, else to the section heading.
 */
function replaceList(host: HTMLElement, next: HTMLElement, heading: HTMLElement): void {
  const active = document.activeElement;
  const hadFocus = active instanceof HTMLElement && host.contains(active);
  let selector = '';
  let index = -1;
  if (hadFocus) {
    const action = active.dataset.action;
    const buttons = [...host.querySelectorAll<HTMLElement>('[data-action]')];
    index = buttons.indexOf(active);
    if (action) {
      const keys = ['site', 'key', 'pack']
        .filter((name) => active.dataset[name] !== undefined)
        .map((name) => `[data-${name}="${CSS.escape(active.dataset[name] ?? '')}"]`)
        .join('');
      selector = `[data-action="${action}"]${keys}`;
    }
  }
  host.replaceChildren(next);
  if (!hadFocus) return;
  const same = selector ? host.querySelector<HTMLElement>(selector) : null;
  const buttons = [...host.querySelectorAll<HTMLElement>('[data-action]')];
  const fallback = buttons[Math.min(Math.max(index, 0), buttons.length - 1)];
  (same ?? fallback ?? heading).focus();
}

function showSettings(next: Settings): void {
  settings = next;
  applySettings(view, next);
  replaceList(view.sitesList, renderSiteList(document, next.disabledSites, lang), view.headings.sites);
}

function showDismissals(next: Dismissal[]): void {
  dismissals = next;
  replaceList(view.dismissedList, renderDismissalList(document, next, lang), view.headings.dismissed);
}

function packViews(list: readonly ImportedPack[]): PackView[] {
  return list.map(({ pack, importedAt }) => ({
    id: pack.id,
    name: pack.title,
    origin: pack.origin.publisher,
    incidentCount: pack.incidents.length,
    importedAt,
  }));
}

function showPacks(next: ImportedPack[]): void {
  packs = next;
  replaceList(view.packsList, renderPackList(document, packViews(next), lang), view.headings.packs);
}

async function save(change: (current: Settings) => Settings): Promise<void> {
  try {
    showSettings(await updateSettings(change));
  } catch (error) {
    console.debug('[grok-context] settings not saved', error);
    announce('look', s.saveFailed);
    showSettings(await readSettings());
  }
}

// Settings controls: one listener for every radio and checkbox.
for (const input of [...view.styleInputs, ...view.kindInputs, view.badgeInput, view.pausedInput]) {
  input.addEventListener('change', () => {
    void save((current) => readSettingsFrom(view, current));
  });
}

// Site list: add.
view.siteForm.addEventListener('submit', (event) => {
  event.preventDefault();
  const typed = view.siteInput.value;
  const site = normalizeSiteInput(typed);
  if (!site) {
    view.siteInput.setAttribute('aria-invalid', 'true');
    view.siteError.textContent = s.siteInvalid(typed.trim().slice(0, 80));
    view.siteInput.focus();
    return;
  }
  view.siteInput.removeAttribute('aria-invalid');
  view.siteError.textContent = '';
  if (settings?.disabledSites.includes(site)) {
    announce('sites', s.siteAlready(site));
    return;
  }
  void setSiteEnabled(site, false).then(
    (next) => {
      showSettings(next);
      view.siteInput.value = '';
      announce('sites', s.siteAdded(site));
    },
    () => announce('sites', s.saveFailed),
  );
});
view.siteInput.addEventListener('input', () => {
  if (view.siteInput.hasAttribute('aria-invalid')) {
    view.siteInput.removeAttribute('aria-invalid');
    view.siteError.textContent = '';
  }
});

// Buttons in the lists: one delegated listener.
view.root.addEventListener('click', (event) => {
  const button = (event.target as Element | null)?.closest<HTMLButtonElement>('button[data-action]');
  if (!button) return;
  const { action, site = '', key = '', pack = '' } = button.dataset;
  if (action === 'remove-site') {
    void setSiteEnabled(site, true).then(
      (next) => {
        showSettings(next);
        announce('sites', s.siteRemoved(site));
      },
      () => announce('sites', s.saveFailed),
    );
  } else if (action === 'undo-dismissal') {
    const text = dismissals.find((d) => d.site === site && d.key === key)?.text ?? key;
    void removeDismissal(site, key).then(
      (next) => {
        showDismissals(next);
        announce('dismissed', s.dismissedRestored(text));
      },
      () => announce('dismissed', s.saveFailed),
    );
  } else if (action === 'export-pack') {
    exportPack(pack);
  } else if (action === 'remove-pack') {
    const name = packs.find((p) => p.pack.id === pack)?.pack.title ?? pack;
    void removePack(pack).then(
      (next) => {
        showPacks(next);
        announce('packs', s.packsRemoved(name));
      },
      () => announce('packs', s.saveFailed),
    );
  }
});

function exportPack(id: string): void {
  const entry = packs.find((p) => p.pack.id === id);
  if (!entry) return;
  const url = URL.createObjectURL(new Blob([serializePack(entry.pack)], { type: 'application/json' }));
  const link = document.createElement('a');
  link.href = url;
  link.download = `${entry.pack.id}.json`;
  link.hidden = true;
  document.body.append(link);
  link.click();
  link.remove();
  // The download has started reading the blob by the time this runs; freeing it later keeps memory tidy.
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

// Packs: import from a file (picker or drop). A bad file changes nothing and says what is wrong.
const reservedIds = knowledgeBase.incidents.map((incident) => incident.id);

async function importFile(file: File): Promise<void> {
  view.packAlert.replaceChildren();
  view.status.packs.textContent = '';
  const fail = (errors: string[]): void => {
    view.packAlert.replaceChildren(renderPackError(document, file.name, errors, lang));
  };
  if (file.size > MAX_PACK_BYTES) {
    fail([s.packsTooBig(Math.round(MAX_PACK_BYTES / 1000))]);
    return;
  }
  let text: string;
  try {
    text = await file.text();
  } catch {
    fail([s.packsReadError]);
    return;
  }
  const parsed = parsePack(text, { reservedIds });
  if (!parsed.ok) {
    fail(parsed.errors);
    return;
  }
  const saved = await savePack(parsed.pack, parsed.from).catch(() => ({ ok: false as const, errors: [s.saveFailed] }));
  if (!saved.ok) {
    fail(saved.errors);
    return;
  }
  showPacks(await readPacks());
  const skipped = parsed.warnings.length > 0 ? ` ${s.packsSkipped(parsed.warnings.length)}` : '';
  announce('packs', `${s.packsSaved(parsed.pack.title, parsed.pack.incidents.length)}${skipped}`);
}

view.packInput.addEventListener('change', () => {
  const file = view.packInput.files?.[0];
  if (!file) return;
  void importFile(file).finally(() => {
    // Lets the same file be chosen again after it is fixed.
    view.packInput.value = '';
  });
});

// Dropping a file anywhere on the page imports it (instead of the browser opening the file).
document.addEventListener('dragover', (event) => {
  if (!event.dataTransfer?.types.includes('Files')) return;
  event.preventDefault();
  event.dataTransfer.dropEffect = 'copy';
  view.dropZone.classList.add('gc-drop--active');
});
document.addEventListener('dragleave', (event) => {
  if (event.relatedTarget === null) view.dropZone.classList.remove('gc-drop--active');
});
document.addEventListener('drop', (event) => {
  if (!event.dataTransfer?.types.includes('Files')) return;
  event.preventDefault();
  view.dropZone.classList.remove('gc-drop--active');
  const file = event.dataTransfer.files[0];
  if (file) void importFile(file);
});

// First paint from storage, then follow changes made elsewhere.
void Promise.all([readSettings(), readDismissals(), readPacks()]).then(([first, firstDismissals, firstPacks]) => {
  showSettings(first);
  showDismissals(firstDismissals);
  showPacks(firstPacks);
});
settingsItem.watch((value) => {
  const parsed = SettingsSchema.safeParse(value);
  if (parsed.success) showSettings(parsed.data);
  else void readSettings().then(showSettings);
});
dismissalsItem.watch(() => void readDismissals().then(showDismissals));
packsItem.watch(() => void readPacks().then(showPacks));
