/**
 * popup.html: wiring only. Shows the active tab's findings (or `?tab=<id>`'s: the popup opened as a page, as
 * browser tests do), asked of the page itself, and re-renders when the tab's report, the settings or the
 * dismissals change.
 */
import { browser } from 'wxt/browser';
import { incidentsById } from '../../src/data/index';
import type { ImportedIncident } from '../../src/data/pack';
import { FindingsReportSchema, TabFindingsSchema, type TabFindings, type ToContent } from '../../src/messaging/schema';
import type { Dismissal } from '../../src/settings/schema';
import {
  readDismissals,
  readImportedIncidents,
  readSettings,
  removeDismissal,
  setPaused,
  setSiteEnabled,
} from '../../src/settings/storage';
import { dirOf, uiLangFrom } from '../../src/ui/lang';
import { popupStrings } from '../../src/ui/popup/popup-strings';
import { createAskAgain } from '../../src/ui/popup/ask-again';
import { buildPopupModel, renderPopup, type PopupActions } from '../../src/ui/popup/render-popup';
import './popup.css';

const lang = uiLangFrom(browser.i18n.getUILanguage());
const strings = popupStrings(lang);
document.documentElement.lang = lang;
document.documentElement.dir = dirOf(lang);
const app = document.getElementById('app') ?? document.body;

const tabParam = new URLSearchParams(location.search).get('tab');
const explicitTab = tabParam !== null && /^\d+$/u.test(tabParam) ? Number(tabParam) : undefined;
// Opened as a real popup: close after actions that move the user to the page or another tab.
const isToolbarPopup = explicitTab === undefined;
const contextUrl = browser.runtime.getURL('/context.html');

let notice: string | undefined;

async function activeTabId(): Promise<number | undefined> {
  if (explicitTab !== undefined) return explicitTab;
  // Works without the `tabs` permission: we need the id, not the URL.
  const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
  return tab?.id;
}

/**
 * The page's own answer (its content script: status, site, findings); null when there is none: not checked yet,
 * or no content script there (a browser page, one still loading).
 */
async function pageStatus(tabId: number): Promise<TabFindings | null> {
  try {
    const message: ToContent = { type: 'page-status' };
    const parsed = FindingsReportSchema.safeParse(await browser.tabs.sendMessage(tabId, message, { frameId: 0 }));
    if (!parsed.success) return null;
    const { status, findings, site } = parsed.data;
    return { tabId, status, findings, ...(site !== undefined ? { site } : {}) };
  } catch {
    return null;
  }
}

/** What the tab shows: the page's answer, else the background's record of its last report. */
async function tabFindings(tabId: number | undefined): Promise<TabFindings> {
  const none: TabFindings = { tabId: tabId ?? -1, status: 'unavailable', findings: [] };
  if (tabId === undefined) return none;
  // A page reports to the background only when it has findings: the page itself knows its status.
  const own = await pageStatus(tabId);
  if (own !== null) return own;
  try {
    const parsed = TabFindingsSchema.safeParse(await browser.runtime.sendMessage({ type: 'get-tab-findings', tabId }));
    return parsed.success ? parsed.data : none;
  } catch {
    return none;
  }
}

async function sendToTab(tabId: number, message: ToContent): Promise<boolean> {
  try {
    await browser.tabs.sendMessage(tabId, message, { frameId: 0 });
    return true;
  } catch {
    return false;
  }
}

const tabIdPromise = activeTabId();

async function render(): Promise<void> {
  const tabId = await tabIdPromise;
  const [tab, settings, dismissals, imported] = await Promise.all([
    tabFindings(tabId),
    readSettings(),
    readDismissals(),
    readImportedIncidents().catch((): ImportedIncident[] => []),
  ]);
  const importedById = new Map(imported.map((incident) => [incident.id, incident]));
  const model = buildPopupModel({
    lang,
    tab,
    settings,
    dismissals,
    lookup: (id) => incidentsById.get(id) ?? importedById.get(id),
    contextUrl,
    ...(notice !== undefined ? { notice } : {}),
  });

  const actions: PopupActions = {
    show: (findingId) => {
      if (tabId === undefined) return;
      void sendToTab(tabId, { type: 'show-finding', id: findingId }).then((delivered) => {
        if (delivered && isToolbarPopup) window.close();
        else if (!delivered) {
          notice = strings.showFailed;
          schedule();
        }
      });
    },
    setSiteEnabled: (enabled) => {
      if (model.site !== undefined) void setSiteEnabled(model.site, enabled).then(schedule);
    },
    setPaused: (paused) => void setPaused(paused).then(schedule),
    undo: (dismissal: Dismissal) => void removeDismissal(dismissal.site, dismissal.key).then(schedule),
    openOptions: () => {
      void browser.runtime.openOptionsPage().then(() => {
        if (isToolbarPopup) window.close();
      });
    },
  };

  // Re-rendering replaces the tree: put the keyboard focus back on the same control.
  const focusKey = document.activeElement?.getAttribute('data-focus') ?? undefined;
  app.replaceChildren(renderPopup(document, model, actions));
  if (focusKey !== undefined) {
    const again = app.querySelector<HTMLElement>(`[data-focus="${CSS.escape(focusKey)}"]`);
    (again ?? app.querySelector<HTMLElement>('h1'))?.focus();
  }
  document.body.dataset.ready = 'true';
  askAgain.shown(tab);
}

const askAgain = createAskAgain({
  ask: () => tabIdPromise.then(tabFindings),
  changed: () => schedule(),
  later: (callback, ms) => setTimeout(callback, ms),
});

let pending = false;
function schedule(): void {
  if (pending) return;
  pending = true;
  queueMicrotask(() => {
    pending = false;
    void render();
  });
}

browser.storage.onChanged.addListener((changes, area) => {
  void tabIdPromise.then((tabId) => {
    const ownTab = tabId !== undefined && `tab:${tabId}` in changes;
    if ((area === 'session' && ownTab) || (area === 'local' && ('settings' in changes || 'dismissals' in changes || 'packs' in changes))) {
      if (area === 'local' && 'settings' in changes) askAgain.reset();
      schedule();
    }
  });
});

void render();
