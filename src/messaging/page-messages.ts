/**
 * The content script's message checks, without zod (building zod's schemas costs the content script about
 * 20 ms of start-up on every page). Each accepts exactly what its schema in schema.ts accepts:
 * page-messages.test.ts compares them on valid messages and on every kind of damage.
 */
import { isPlainObject, isStrictObject } from '../data/plain-checks';
import { FINDING_ID_MAX } from './limits';
import type { MatcherSnapshotAnswer, ToContent } from './schema';

/** A message for the content script (ToContentSchema), or null. */
export function toContentFrom(message: unknown): ToContent | null {
  if (!isPlainObject(message)) return null;
  if (message.type === 'show-finding') {
    return isStrictObject(message, ['type', 'id']) && typeof message.id === 'string' && message.id.length <= FINDING_ID_MAX ? (message as ToContent) : null;
  }
  if (message.type === 'step-finding') {
    return isStrictObject(message, ['type', 'direction']) && (message.direction === 'next' || message.direction === 'previous') ? (message as ToContent) : null;
  }
  if (message.type === 'page-status') return isStrictObject(message, ['type']) ? (message as ToContent) : null;
  return null;
}

/** The background's answer to a matcher-snapshot request (MatcherSnapshotAnswerSchema), or null. */
export function snapshotAnswerFrom(answer: unknown): MatcherSnapshotAnswer | null {
  if (!isStrictObject(answer, ['snapshot'])) return null;
  const snapshot = answer.snapshot;
  return isPlainObject(snapshot) && typeof snapshot.format === 'number' && Number.isFinite(snapshot.format) ? (answer as MatcherSnapshotAnswer) : null;
}
