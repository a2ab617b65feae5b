/**
 * Per-tab findings, kept in `storage.session` so the badge and the popup survive MV3 service-worker restarts
 * (Firefox MV2 has storage.session too). One key per tab, so reports from different tabs never overwrite
 * each other. The browser API is passed in (entrypoints own `browser`), which also lets tests run two
 * registries over one storage to play a restart.
 */
import * as z from 'zod/mini';
import { PageStatusSchema, ReportedFindingSchema, type TabFindings } from '../messaging/schema';
import type { FindingsReport } from '../messaging/schema';

export const TabRecordSchema = z.strictObject({
  status: PageStatusSchema,
  findings: z.array(ReportedFindingSchema),
  site: z.optional(z.string()),
  /** URL of the document that reported (sender.url), to tell a navigation from a late event. */
  url: z.optional(z.string()),
  /** When the report arrived (ms since epoch). */
  at: z.optional(z.number()),
});
export type TabRecord = z.infer<typeof TabRecordSchema>;

/** The slice of a storage area the registry uses (browser.storage.session, or a memory stand-in). */
export interface SessionArea {
  get(keys: string | string[] | null): Promise<Record<string, unknown>>;
  set(items: Record<string, unknown>): Promise<void>;
  remove(keys: string | string[]): Promise<void>;
}

/** The slice of browser.action / browserAction the badge uses. */
export interface BadgeApi {
  setBadgeText(details: { tabId?: number; text: string }): Promise<void> | void;
  setBadgeBackgroundColor?(details: { color: string }): Promise<void> | void;
  setBadgeTextColor?(details: { color: string }): Promise<void> | void;
}

const KEY_PREFIX = 'tab:';
/** Amber with white text: 5:1 contrast, and not the red of an error. */
export const BADGE_COLOR = '#B45309';

export function keyOf(tabId: number): string {
  return `${KEY_PREFIX}${tabId}`;
}

export function tabIdOfKey(key: string): number | undefined {
  if (!key.startsWith(KEY_PREFIX)) return undefined;
  const id = Number(key.slice(KEY_PREFIX.length));
  return Number.isInteger(id) ? id : undefined;
}

/** Badge text for a number of findings: '' for none (no badge), "999+" past three digits. */
export function badgeText(count: number, enabled: boolean): string {
  if (!enabled || count <= 0) return '';
  return count > 999 ? '999+' : String(count);
}

/** Two URLs are the same document when they differ at most in the fragment. */
export function sameDocument(a: string, b: string): boolean {
  return a.split('#')[0] === b.split('#')[0];
}

export interface TabRegistry {
  /** Stores a tab's report (replacing the previous one) and updates its badge. */
  report(tabId: number, message: FindingsReport, senderUrl: string | undefined): Promise<void>;
  get(tabId: number): Promise<TabFindings>;
  /** The tab started loading `url` (undefined when the browser does not tell us): forget its old findings. */
  navigated(tabId: number, url: string | undefined): Promise<void>;
  removed(tabId: number): Promise<void>;
  /** Re-applies every tab's badge (after the user turns the badge on or off). */
  refreshBadges(): Promise<void>;
}

export interface TabRegistryOptions {
  session: SessionArea;
  badge: BadgeApi | undefined;
  /** Whether the user wants the badge (settings.badge). */
  badgeEnabled: () => Promise<boolean>;
  debug?: (...args: unknown[]) => void;
  now?: () => number;
}

/**
 * Without the `tabs` permission, Chromium's onUpdated({status: 'loading'}) carries no URL, and for a
 * same-document navigation (history.pushState) it can arrive after the page has already reported its new
 * content. A report this recent belongs to the document that is loading, so it is kept.
 */
export const FRESH_REPORT_MS = 1500;

export function createTabRegistry({ session, badge, badgeEnabled, debug = () => undefined, now = () => Date.now() }: TabRegistryOptions): TabRegistry {
  async function read(tabId: number): Promise<TabRecord | undefined> {
    const key = keyOf(tabId);
    const value = (await session.get(key))[key];
    if (value === undefined) return undefined;
    const parsed = TabRecordSchema.safeParse(value);
    if (!parsed.success) debug('ignoring malformed tab record', tabId);
    return parsed.success ? parsed.data : undefined;
  }

  async function setBadge(tabId: number, count: number): Promise<void> {
    if (!badge) return;
    try {
      await badge.setBadgeText({ tabId, text: badgeText(count, await badgeEnabled()) });
    } catch (error) {
      // The tab can close between the report and the badge update.
      debug('badge not set', tabId, error);
    }
  }

  return {
    async report(tabId, message, senderUrl) {
      const record: TabRecord = {
        status: message.status,
        findings: message.findings,
        ...(message.site !== undefined ? { site: message.site } : siteFromUrl(senderUrl)),
        ...(senderUrl !== undefined ? { url: senderUrl } : {}),
        at: now(),
      };
      await session.set({ [keyOf(tabId)]: record });
      await setBadge(tabId, record.findings.length);
    },

    async get(tabId) {
      const record = await read(tabId);
      if (!record) return { tabId, status: 'unavailable', findings: [] };
      return {
        tabId,
        status: record.status,
        findings: record.findings,
        ...(record.site !== undefined ? { site: record.site } : {}),
      };
    },

    async navigated(tabId, url) {
      const record = await read(tabId);
      if (!record) return;
      // The new document may already have reported (its URL is then the one loading): keep that report.
      if (url !== undefined && record.url !== undefined && sameDocument(url, record.url)) return;
      if (url === undefined && record.at !== undefined && now() - record.at < FRESH_REPORT_MS) return;
      await session.remove(keyOf(tabId));
      await setBadge(tabId, 0);
    },

    async removed(tabId) {
      await session.remove(keyOf(tabId));
    },

    async refreshBadges() {
      const all = await session.get(null);
      for (const [key, value] of Object.entries(all)) {
        const tabId = tabIdOfKey(key);
        const parsed = TabRecordSchema.safeParse(value);
        if (tabId !== undefined && parsed.success) await setBadge(tabId, parsed.data.findings.length);
      }
    },
  };
}

function siteFromUrl(url: string | undefined): { site?: string } {
  if (url === undefined) return {};
  try {
    const host = new URL(url).hostname;
    return host ? { site: host } : {};
  } catch {
    return {};
  }
}

/** A stand-in for storage.session where the browser has none (kept in memory; lost on restart). */
export function memorySession(): SessionArea {
  const data = new Map<string, unknown>();
  return {
    async get(keys) {
      const wanted = keys === null ? [...data.keys()] : Array.isArray(keys) ? keys : [keys];
      return Object.fromEntries(wanted.filter((k) => data.has(k)).map((k) => [k, data.get(k)]));
    },
    async set(items) {
      for (const [k, v] of Object.entries(items)) data.set(k, v);
    },
    async remove(keys) {
      for (const k of Array.isArray(keys) ? keys : [keys]) data.delete(k);
    },
  };
}
