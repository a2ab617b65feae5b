/**
 * The background's listeners: content-script reports → registry → badge; card details → from the knowledge
 * base and imported packs; popup questions → answers;
 * keyboard commands → the active tab. Every message is validated; anything else is dropped with a debug log.
 * Listeners are added synchronously, as MV3 requires for a service worker woken by an event.
 */
import type { WxtBrowser } from 'wxt/browser';
import {
  ContentToBackgroundSchema,
  MatcherSnapshotAnswerSchema,
  PopupToBackgroundSchema,
  type ToContent,
} from '../messaging/schema';
import { readImportedIncidents, readSettings, settingsItem } from '../settings/storage';
import { answerIncidentDetails } from './incident-details';
import type { MatcherSnapshotKeeper } from './matcher-snapshot';
import { BADGE_COLOR, createTabRegistry, memorySession, type BadgeApi, type SessionArea, type TabRegistry } from './tab-registry';

type MessageSender = { tab?: { id?: number }; frameId?: number; url?: string; id?: string };

/** The parts of the browser API the background uses (Chrome MV3 has `action`, Firefox MV2 `browserAction`). */
export type BackgroundApi = Pick<WxtBrowser, 'runtime' | 'tabs' | 'storage'> & {
  action?: unknown;
  browserAction?: unknown;
  commands?: { onCommand?: { addListener(callback: (command: string) => void): void } };
};

export const COMMANDS: Record<string, ToContent | undefined> = {
  'next-finding': { type: 'step-finding', direction: 'next' },
  'previous-finding': { type: 'step-finding', direction: 'previous' },
};

const debug = (...args: unknown[]): void => console.debug('[grok-context]', ...args);

export interface BackgroundOptions {
  /** Answers the pages' matcher-snapshot requests (without it, such requests are answered with nothing). */
  matcherSnapshot?: Pick<MatcherSnapshotKeeper, 'snapshot'>;
}

export function startBackground(api: BackgroundApi, options: BackgroundOptions = {}): TabRegistry {
  const badge = (api.action ?? api.browserAction) as BadgeApi | undefined;
  const session = (api.storage.session as SessionArea | undefined) ?? memorySession();
  const registry = createTabRegistry({
    session,
    badge,
    badgeEnabled: async () => (await readSettings()).badge,
    debug,
  });
  void Promise.resolve()
    .then(() => badge?.setBadgeBackgroundColor?.({ color: BADGE_COLOR }))
    .then(() => badge?.setBadgeTextColor?.({ color: '#FFFFFF' }))
    .catch((error: unknown) => debug('badge colour not set', error));

  const extensionOrigin = api.runtime.getURL('/').replace(/\/$/u, '');

  api.runtime.onMessage.addListener((message: unknown, rawSender: unknown, sendResponse: (response?: unknown) => void) => {
    const sender = (rawSender ?? {}) as MessageSender;
    if (sender.id !== undefined && sender.id !== api.runtime.id) return false;

    const fromContent = ContentToBackgroundSchema.safeParse(message);
    if (fromContent.success && fromContent.data.type === 'open-extension-page') {
      const url = fromContent.data.url;
      // Only our own pages, never an address a page could slip in.
      if (!url.startsWith(`${extensionOrigin}/`)) {
        debug('dropping a request to open', url);
        return false;
      }
      const openerTabId = rawSender === undefined ? undefined : (rawSender as MessageSender).tab?.id;
      api.tabs
        .create({ url, ...(openerTabId !== undefined && openerTabId >= 0 ? { openerTabId } : {}) })
        .catch((error: unknown) => debug('could not open', url, error));
      return false;
    }
    if (fromContent.success && fromContent.data.type === 'incident-details') {
      // Any frame may ask: the answer is the extension's own public data, and nothing of the page is stored.
      answerIncidentDetails(fromContent.data, readImportedIncidents)
        .then(sendResponse)
        .catch((error: unknown) => {
          debug('incident details not answered', error);
          sendResponse(undefined);
        });
      return true;
    }
    if (fromContent.success && fromContent.data.type === 'matcher-snapshot') {
      // Any frame may ask: the snapshot is the extension's own public data, and nothing of the page is stored.
      const keeper = options.matcherSnapshot;
      if (keeper === undefined) {
        debug('no matcher snapshot to answer with');
        sendResponse(undefined);
        return false;
      }
      keeper
        .snapshot(fromContent.data.rebuild)
        .then((snapshot) => sendResponse(MatcherSnapshotAnswerSchema.parse({ snapshot })))
        .catch((error: unknown) => {
          debug('matcher snapshot not answered', error);
          sendResponse(undefined);
        });
      return true;
    }
    if (fromContent.success && fromContent.data.type === 'findings') {
      const tabId = sender.tab?.id;
      // Only the top frame speaks for the tab: a frame's findings are not what the popup lists.
      if (tabId === undefined || tabId < 0 || (sender.frameId !== undefined && sender.frameId !== 0)) {
        debug('dropping findings not from a tab\'s top frame', sender.frameId);
        return false;
      }
      registry
        .report(tabId, fromContent.data, sender.url)
        .then(() => sendResponse({ ok: true }))
        .catch((error: unknown) => {
          debug('report not stored', error);
          sendResponse({ ok: false });
        });
      return true;
    }

    const fromPopup = PopupToBackgroundSchema.safeParse(message);
    if (fromPopup.success) {
      // Only our own pages may ask (a content script has a web page's URL).
      if (sender.url !== undefined && !sender.url.startsWith(extensionOrigin)) {
        debug('dropping a popup request from', sender.url);
        return false;
      }
      registry
        .get(fromPopup.data.tabId)
        .then(sendResponse)
        .catch((error: unknown) => {
          debug('tab findings not read', error);
          sendResponse(undefined);
        });
      return true;
    }

    debug('dropping malformed message');
    return false;
  });

  api.tabs.onUpdated.addListener((tabId: number, changeInfo: { status?: string; url?: string }) => {
    if (changeInfo.status !== 'loading') return;
    return registry.navigated(tabId, changeInfo.url).catch((error: unknown) => debug('navigation not handled', error));
  });
  api.tabs.onRemoved.addListener((tabId: number) => registry.removed(tabId).catch((error: unknown) => debug(error)));
  try {
    // Prerendering swaps a tab for another: the old id is gone for good.
    api.tabs.onReplaced.addListener((_added: number, removedId: number) => {
      void registry.removed(removedId).catch((error: unknown) => debug(error));
    });
  } catch (error) {
    debug('tabs.onReplaced unavailable', error);
  }

  settingsItem.watch((next, previous) => {
    if (next?.badge !== previous?.badge) void registry.refreshBadges().catch((error: unknown) => debug(error));
  });

  try {
    api.commands?.onCommand?.addListener((command) => {
      const message = COMMANDS[command];
      if (!message) return;
      void sendToActiveTab(api, message);
    });
  } catch (error) {
    debug('keyboard commands unavailable', error);
  }

  return registry;
}

async function sendToActiveTab(api: BackgroundApi, message: ToContent): Promise<void> {
  try {
    const [tab] = await api.tabs.query({ active: true, currentWindow: true });
    if (tab?.id === undefined) return;
    await api.tabs.sendMessage(tab.id, message, { frameId: 0 });
  } catch (error) {
    // No content script on this page (a browser page, or checking never started).
    debug('command not delivered', error);
  }
}
