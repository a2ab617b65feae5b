/**
 * The content script's side of the matcher-snapshot message: asks the background for a compiled matcher
 * snapshot when the page has no usable stored one, so that pages never compile the matcher themselves (the
 * compiler and the knowledge base's matching data stay out of the content script).
 */
import { askBackground } from './ask-background';
import { snapshotAnswerFrom } from './page-messages';
import type { MatcherSnapshotRequest } from './schema';

/** A backstop for a background that never answers (it compiles for well under a second on a cold worker). */
export const SNAPSHOT_TIMEOUT_MS = 5000;

/** What came of asking: a snapshot to restore (not yet checked beyond being an object), or why there is none. */
export type SnapshotAnswer = { ok: true; snapshot: object } | { ok: false; reason: string; error?: unknown };

export interface MatcherSnapshotRequestOptions {
  /** Sends the request to the background and resolves with its raw answer. */
  send(request: MatcherSnapshotRequest): Promise<unknown>;
  timeoutMs?: number;
}

/**
 * Asks the background for a snapshot for the current packs; `rebuild` when the stored one did not restore (the
 * background then replaces it). Never rejects: a failure, a timeout or a malformed answer gives `ok: false`.
 */
export async function requestMatcherSnapshot(rebuild: boolean, options: MatcherSnapshotRequestOptions): Promise<SnapshotAnswer> {
  try {
    const request: MatcherSnapshotRequest = { type: 'matcher-snapshot', rebuild };
    const answer = await askBackground(options.send, request, options.timeoutMs ?? SNAPSHOT_TIMEOUT_MS);
    const parsed = snapshotAnswerFrom(answer);
    if (parsed === null) return { ok: false, reason: 'malformed matcher snapshot answer', error: answer };
    return { ok: true, snapshot: parsed.snapshot };
  } catch (error) {
    return { ok: false, reason: 'no matcher snapshot from the background', error };
  }
}
