/**
 * Storage items (WXT storage, versioned). Reads are validated: a malformed stored value is reported with a
 * debug log and replaced by the default *for reading only*; nothing here overwrites stored data on read.
 */
import { storage } from 'wxt/utils/storage';
import type * as z from 'zod/mini';
import {
  DEFAULT_SETTINGS,
  DismissalsSchema,
  SettingsSchema,
  type Dismissal,
  type Settings,
} from './schema';

export const settingsItem = storage.defineItem<Settings>('local:settings', {
  fallback: DEFAULT_SETTINGS,
  version: 1,
});

export const dismissalsItem = storage.defineItem<Dismissal[]>('local:dismissals', {
  fallback: [],
  version: 1,
});

export function parseOr<T>(schema: z.ZodMiniType<T>, value: unknown, fallback: T, what: string): T {
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  console.debug(`[grok-context] ignoring malformed ${what}`, result.error.issues.slice(0, 3));
  return fallback;
}

export async function readSettings(): Promise<Settings> {
  return parseOr(SettingsSchema, await settingsItem.getValue(), DEFAULT_SETTINGS, 'settings');
}

export async function readDismissals(): Promise<Dismissal[]> {
  return parseOr(DismissalsSchema, await dismissalsItem.getValue(), [], 'dismissals');
}
