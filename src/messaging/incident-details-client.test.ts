import { describe, expect, it } from 'vitest';
import { incidentsById, summaryExamples } from '../data/index';
import type { Incident } from '../data/schema';
import { createIncidentDetailsClient, type CardDetails } from './incident-details-client';
import { MAX_DETAIL_IDS, type IncidentDetails, type IncidentDetailsRequest } from './schema';

const IRAN = 'iran-tel-aviv-2024';
const ADAMS = 'adams-earthquake-2024';

function incident(id: string): Incident {
  const found = incidentsById.get(id);
  if (!found) throw new Error(`no incident ${id}`);
  return found;
}

/** A background that answers from the bundled knowledge base, recording every request. */
function background(answer: (request: IncidentDetailsRequest) => unknown = honest): {
  requests: IncidentDetailsRequest[];
  send: (request: IncidentDetailsRequest) => Promise<unknown>;
} {
  const requests: IncidentDetailsRequest[] = [];
  return {
    requests,
    send: async (request) => {
      requests.push(request);
      return answer(request);
    },
  };
}

function honest(request: IncidentDetailsRequest): IncidentDetails {
  return {
    incidents: request.ids.flatMap((id) => (incidentsById.has(id) ? [incident(id)] : [])),
    examples: request.examples ? [...summaryExamples] : [],
  };
}

const quiet = (): void => undefined;
const headline = (id: string): { kind: 'fabricated-headline'; incident: string } => ({ kind: 'fabricated-headline', incident: id });
const summary = { kind: 'grok-summary' } as const;

describe('incident details client', () => {
  it('prefetches the incidents of findings once, then gives them at once', async () => {
    const bg = background();
    const client = createIncidentDetailsClient({ send: bg.send, debug: quiet });
    await client.prefetch([headline(IRAN), headline(IRAN), headline(ADAMS), summary]);
    expect(bg.requests).toEqual([{ type: 'incident-details', ids: [IRAN, ADAMS], examples: true }]);

    const details = client.detailsFor(headline(IRAN));
    expect(details).not.toBeInstanceOf(Promise);
    expect((details as CardDetails).incident?.title.en).toBe(incident(IRAN).title.en);
    expect((client.detailsFor(summary) as CardDetails).examples.map((e) => e.id)).toEqual(summaryExamples.map((e) => e.id));

    await client.prefetch([headline(IRAN), summary]);
    expect(bg.requests).toHaveLength(1);
  });

  it('asks when a card opens before any prefetch, and shares a request already on its way', async () => {
    const bg = background();
    const client = createIncidentDetailsClient({ send: bg.send, debug: quiet });
    const prefetch = client.prefetch([headline(IRAN)]);
    const details = client.detailsFor(headline(IRAN));
    expect(details).toBeInstanceOf(Promise);
    expect((await details).incident?.id).toBe(IRAN);
    await prefetch;
    expect(bg.requests).toHaveLength(1);
  });

  it('gives a card without details when the background fails, and asks again next time', async () => {
    let fail = true;
    const bg = background((request) => {
      if (fail) throw new Error('Could not establish connection. Receiving end does not exist.');
      return honest(request);
    });
    const client = createIncidentDetailsClient({ send: bg.send, debug: quiet });
    expect(await client.detailsFor(headline(IRAN))).toEqual({ examples: [] });
    fail = false;
    expect((await client.detailsFor(headline(IRAN))).incident?.id).toBe(IRAN);
    expect(bg.requests).toHaveLength(2);
  });

  it('ignores a malformed answer and a send that throws at once (extension reloaded)', async () => {
    const tampered = background((request) => ({ ...honest(request), extra: true }));
    const client = createIncidentDetailsClient({ send: tampered.send, debug: quiet });
    expect(await client.detailsFor(headline(IRAN))).toEqual({ examples: [] });

    const gone = createIncidentDetailsClient({
      send: () => {
        throw new Error('Extension context invalidated.');
      },
      debug: quiet,
    });
    expect(await gone.detailsFor(summary)).toEqual({ examples: [] });
  });

  it('opens the card without details when the background never answers', async () => {
    const client = createIncidentDetailsClient({ send: () => new Promise(() => undefined), debug: quiet, timeoutMs: 1 });
    expect(await client.detailsFor(headline(IRAN))).toEqual({ examples: [] });
  });

  it('remembers an id the background does not know instead of asking on every hover', async () => {
    const bg = background();
    const client = createIncidentDetailsClient({ send: bg.send, debug: quiet });
    expect(await client.detailsFor(headline('unknown-incident-2030'))).toEqual({ examples: [] });
    expect(client.detailsFor(headline('unknown-incident-2030'))).toEqual({ examples: [] });
    expect(bg.requests).toHaveLength(1);
  });

  it(`splits a page with more than ${MAX_DETAIL_IDS} incidents into several requests`, async () => {
    const bg = background();
    const client = createIncidentDetailsClient({ send: bg.send, debug: quiet });
    const ids = Array.from({ length: MAX_DETAIL_IDS + 5 }, (_, index) => `imported-${index}`);
    await client.prefetch(ids.map(headline));
    expect(bg.requests.map((request) => request.ids.length)).toEqual([MAX_DETAIL_IDS, 5]);
  });

  it('forgets everything when cleared (imported packs changed) and drops answers that come after', async () => {
    let release: () => void = () => undefined;
    const gate = new Promise<void>((resolve) => {
      release = resolve;
    });
    const bg = background(async (request) => {
      await gate;
      return honest(request);
    });
    const client = createIncidentDetailsClient({ send: bg.send, debug: quiet });
    const early = client.prefetch([headline(IRAN)]);
    client.clear();
    release();
    await early;
    const again = client.detailsFor(headline(IRAN));
    expect(again).toBeInstanceOf(Promise);
    expect((await again).incident?.id).toBe(IRAN);
    expect(bg.requests).toHaveLength(2);
  });
});
