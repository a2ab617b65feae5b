/**
 * Shape checks for values that are checked without zod (the content script's stored values and messages:
 * src/settings/values.ts, src/messaging/page-messages.ts), each written to accept what its zod schema accepts.
 */

/** An object that is not an array (what zod's object schemas take). */
export function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** A plain object with every `required` key, and of other keys only `optional` ones (zod's strictObject). */
export function isStrictObject(value: unknown, required: readonly string[], optional: readonly string[] = []): value is Record<string, unknown> {
  if (!isPlainObject(value)) return false;
  for (const key of required) if (!Object.hasOwn(value, key)) return false;
  for (const key of Object.keys(value)) if (!required.includes(key) && !optional.includes(key)) return false;
  return true;
}
