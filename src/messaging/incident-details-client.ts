/**
 * The content script's side of the card-details message: the card texts of incidents (title, explanations,
 * sources, cautions) and the Grok-summary examples, asked from the background, which holds the knowledge base
 * and the imported packs. Answers are checked against the message schema and kept until cleared (the page's
 * lifetime, or until imported packs change). Only incident ids go out, never page text.
 */
import type { FindingKind } from '../core/types';
import type { Incident } from '../data/schema';
import { askBackground } from './ask-background';
import { IncidentDetailsRequestSchema, IncidentDetailsSchema, MAX_DETAIL_IDS, type IncidentDetailsRequest } from './schema';

/** A backstop for a background that never answers: the card then opens without the incident's details. */
export const DETAILS_TIMEOUT_MS = 3000;

/** What a card shows beyond the finding itself; what could not be had is left out. */
export interface CardDetails {
  incident?: Incident;
  examples: Incident[];
}

/** What the client needs of a finding. */
export interface FindingRef {
  kind: FindingKind;
  incident?: string;
}

export interface IncidentDetailsClient {
  /** Asks for the details of these findings' incidents (and the examples, for Grok summaries) not yet known. */
  prefetch(findings: readonly FindingRef[]): Promise<void>;
  /** At once when known; otherwise once the background has answered, failed or timed out. Never rejects. */
  detailsFor(finding: FindingRef): CardDetails | Promise<CardDetails>;
  /** Forgets everything, e.g. after imported packs changed; answers to earlier requests are ignored. */
  clear(): void;
}

export interface IncidentDetailsClientOptions {
  /** Sends a request to the background and resolves with its raw answer. */
  send(request: IncidentDetailsRequest): Promise<unknown>;
  debug(...args: unknown[]): void;
  timeoutMs?: number;
}

const wantsExamples = (finding: FindingRef): boolean => finding.kind === 'grok-summary';

export function createIncidentDetailsClient(options: IncidentDetailsClientOptions): IncidentDetailsClient {
  /** null: the background answered without this id (an incident it does not know). */
  const known = new Map<string, Incident | null>();
  const pending = new Map<string, Promise<void>>();
  let examples: Incident[] | undefined;
  let pendingExamples: Promise<void> | undefined;
  let generation = 0;

  async function ask(request: IncidentDetailsRequest): Promise<void> {
    const at = generation;
    try {
      const valid = IncidentDetailsRequestSchema.parse(request);
      const answer = await askBackground(options.send, valid, options.timeoutMs ?? DETAILS_TIMEOUT_MS);
      const parsed = IncidentDetailsSchema.safeParse(answer);
      if (!parsed.success) {
        options.debug('ignoring malformed incident details', parsed.error.issues.slice(0, 3));
        return;
      }
      if (at !== generation) return;
      const byId = new Map(parsed.data.incidents.map((incident) => [incident.id, incident]));
      for (const id of request.ids) known.set(id, byId.get(id) ?? null);
      if (request.examples) examples = parsed.data.examples;
    } catch (error) {
      // Nothing is remembered: the next card or settled scan asks again.
      options.debug('incident details not available', error);
    }
  }

  function load(ids: readonly string[], withExamples: boolean): Promise<void> {
    const waits: Promise<void>[] = [];
    const missing: string[] = [];
    for (const id of new Set(ids)) {
      if (known.has(id)) continue;
      const inFlight = pending.get(id);
      if (inFlight !== undefined) waits.push(inFlight);
      else missing.push(id);
    }
    let askExamples = false;
    if (withExamples && examples === undefined) {
      if (pendingExamples !== undefined) waits.push(pendingExamples);
      else askExamples = true;
    }
    const chunks: string[][] = [];
    for (let start = 0; start < missing.length; start += MAX_DETAIL_IDS) chunks.push(missing.slice(start, start + MAX_DETAIL_IDS));
    if (askExamples && chunks.length === 0) chunks.push([]);
    chunks.forEach((chunk, index) => {
      const withTheseExamples = askExamples && index === 0;
      const at = generation;
      const done = ask({ type: 'incident-details', ids: chunk, examples: withTheseExamples }).then(() => {
        if (at !== generation) return;
        for (const id of chunk) pending.delete(id);
        if (withTheseExamples) pendingExamples = undefined;
      });
      for (const id of chunk) pending.set(id, done);
      if (withTheseExamples) pendingExamples = done;
      waits.push(done);
    });
    return Promise.all(waits).then(() => undefined);
  }

  function ready(finding: FindingRef): CardDetails {
    const incident = finding.incident === undefined ? undefined : known.get(finding.incident);
    return { ...(incident ? { incident } : {}), examples: wantsExamples(finding) ? (examples ?? []) : [] };
  }

  return {
    prefetch(findings): Promise<void> {
      const ids = findings.flatMap((finding) => (finding.incident === undefined ? [] : [finding.incident]));
      return load(ids, findings.some(wantsExamples));
    },
    detailsFor(finding): CardDetails | Promise<CardDetails> {
      const incidentKnown = finding.incident === undefined || known.has(finding.incident);
      if (incidentKnown && (!wantsExamples(finding) || examples !== undefined)) return ready(finding);
      return load(finding.incident === undefined ? [] : [finding.incident], wantsExamples(finding)).then(() => ready(finding));
    },
    clear(): void {
      generation += 1;
      known.clear();
      pending.clear();
      examples = undefined;
      pendingExamples = undefined;
    },
  };
}
