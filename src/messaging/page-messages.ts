/**
 * The content script's message checks, without zod (building zod's schemas costs the content script about
 * 20 ms of start-up on every page). Each accepts exactly what its schema in schema.ts accepts:
 * page-messages.test.ts compares them on valid messages and on every kind of damage.
 */
import type { MatcherSnapshotAnswer, ToContent } from './schema';

const isPlainObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** Exactly these keys (zod's strictObject). */
function hasOnly(value: Record<string, unknown>, keys: readonly string[]): boolean {
  const own = Object.keys(value);
  return own.length === keys.length && keys.every((key) => Object.hasOwn(value, key));
}

/** A message for the content script (ToContentSchema), or null. */
export function toContentFrom(message: unknown): ToContent | null {
  if (!isPlainObject(message)) return null;
  if (message.type === 'show-finding') {
    return hasOnly(message, ['type', 'id']) && typeof message.id === 'string' && message.id.length <= 64 ? (message as ToContent) : null;
  }
  if (message.type === 'step-finding') {
    return hasOnly(message, ['type', 'direction']) && (message.direction === 'next' || message.direction === 'previous') ? (message as ToContent) : null;
  }
  return null;
}

/** The background's answer to a matcher-snapshot request (MatcherSnapshotAnswerSchema), or null. */
export function snapshotAnswerFrom(answer: unknown): MatcherSnapshotAnswer | null {
  if (!isPlainObject(answer) || !hasOnly(answer, ['snapshot'])) return null;
  const snapshot = answer.snapshot;
  return isPlainObject(snapshot) && typeof snapshot.format === 'number' && Number.isFinite(snapshot.format) ? (answer as MatcherSnapshotAnswer) : null;
}
