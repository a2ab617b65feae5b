import { describe, expect, it } from 'vitest';
import { MAX_PACK_BYTES, parsePack, serializePack } from './pack';
import type { Incident } from './schema';
import { testIncident } from './test-fixtures';

const incident = testIncident;

function pack(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    format: 'grok-context-pack',
    version: 1,
    id: 'example-pack',
    title: 'Example fact-checks',
    origin: { publisher: 'Example News', url: 'https://example.org/' },
    incidents: [incident()],
    ...overrides,
  };
}

function errorsOf(value: unknown, reservedIds: string[] = []): string[] {
  const result = parsePack(typeof value === 'string' ? value : JSON.stringify(value), { reservedIds });
  expect(result.ok).toBe(false);
  return result.ok ? [] : result.errors;
}

const claimReview = {
  '@context': 'https://schema.org',
  '@type': 'ClaimReview',
  url: 'https://factcheck.example/checks/moon',
  datePublished: '2025-02-03',
  claimReviewed: 'The moon landed on Texas last night',
  author: { '@type': 'Organization', name: 'Fact Example', url: 'https://factcheck.example/' },
  itemReviewed: {
    '@type': 'Claim',
    author: { '@type': 'Person', name: 'Some Account' },
    datePublished: '2025-02-01',
    appearance: [{ '@type': 'CreativeWork', url: 'https://x.com/someone/status/1' }],
  },
  reviewRating: { '@type': 'Rating', ratingValue: 1, bestRating: 5, worstRating: 1, alternateName: 'False' },
};

describe('parsePack: our format', () => {
  it('accepts a good pack and returns it typed, and export imports back unchanged', () => {
    const result = parsePack(JSON.stringify(pack()));
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.pack.incidents[0]?.id).toBe('moon-landing-fake-2025');
    expect(result.from).toBe('pack');
    const again = parsePack(serializePack(result.pack));
    expect(again.ok && again.pack).toEqual(result.pack);
  });

  it('names the field and the entry of every error', () => {
    const bad = pack({
      incidents: [
        incident(),
        incident({ id: 'second-one' }),
        incident({ id: 'third-one', sources: [{ publisher: 'P', title: 'T', url: 'http://example.org/' }] }),
        incident({ id: 'Bad Id', date: 'April 2024' }),
      ],
    });
    const errors = errorsOf(bad);
    expect(errors).toContain('incidents[2].sources[0].url: must be an https:// URL');
    expect(errors).toContain('incidents[3].id: must be lowercase words joined by hyphens');
    expect(errors).toContain('incidents[3].date: must be a date like 2024-04-04');
  });

  it('refuses unknown fields, naming them', () => {
    expect(errorsOf(pack({ extra: 1 }))).toEqual(['extra: unknown field']);
    const withField = { ...incident(), score: 3 };
    expect(errorsOf(pack({ incidents: [withField] }))).toEqual(['incidents[0].score: unknown field']);
  });

  it('reports missing fields, wrong formats and versions', () => {
    const { title: _title, ...noTitle } = incident();
    expect(errorsOf(pack({ incidents: [noTitle] }))).toEqual(['incidents[0].title: required']);
    expect(errorsOf(pack({ version: 2 }))).toEqual([
      'version: unsupported pack version 2 (this version reads 1)',
    ]);
    expect(errorsOf(pack({ format: 'other' }))).toEqual(['format: must be "grok-context-pack"']);
    expect(errorsOf(pack({ incidents: [] }))).toEqual(['incidents: needs at least 1 entry']);
    expect(errorsOf('{ not json')[0]).toMatch(/^file: not valid JSON/);
    expect(errorsOf({ hello: 'world' })[0]).toMatch(/^file: not a Grok Context pack/);
  });

  it('refuses ids that shadow bundled incidents or repeat within the pack', () => {
    const errors = errorsOf(pack({ incidents: [incident(), incident({ id: 'iran-tel-aviv-2024' }), incident()] }), [
      'iran-tel-aviv-2024',
    ]);
    expect(errors).toContain('incidents[1].id: "iran-tel-aviv-2024" is already a bundled incident; choose another id');
    expect(errors).toContain('incidents[2].id: "moon-landing-fake-2025" is used twice (also incidents[0])');
  });

  it('refuses claims too short to match safely', () => {
    const errors = errorsOf(pack({ incidents: [incident({ claims: { en: ['Breaking news'], he: [] } })] }));
    expect(errors).toEqual(['incidents[0].claims.en[0]: too short to match safely (at least 3 words)']);
  });
});

describe('parsePack: huge and hostile files', () => {
  it('refuses a file over the size limit without parsing it', () => {
    const huge = JSON.stringify(pack({ title: 'x'.repeat(MAX_PACK_BYTES) }));
    expect(errorsOf(huge)).toEqual(['file: too large (the limit is 1 MB)']);
  });

  it('refuses more than 500 incidents', () => {
    const many = Array.from({ length: 501 }, (_, i) => incident({ id: `incident-${i}` }));
    expect(errorsOf(pack({ incidents: many }))).toEqual(['incidents: too many entries (501; the limit is 500)']);
  });

  it('refuses overlong texts', () => {
    const errors = errorsOf(pack({ incidents: [incident({ why: { en: 'y'.repeat(2001), he: 'ok' } })] }));
    expect(errors).toEqual(['incidents[0].why.en: too long (at most 2000 characters)']);
  });

  it('refuses prototype-pollution keys anywhere, and pollutes nothing', () => {
    const text = `{"format":"grok-context-pack","version":1,"id":"p","title":"t","origin":{"publisher":"x"},"incidents":[{"__proto__":{"polluted":true}}]}`;
    expect(errorsOf(text)).toEqual(['incidents[0].__proto__: field name not allowed']);
    expect(errorsOf('{"constructor":{"prototype":{"x":1}}}')).toEqual(['constructor: field name not allowed']);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('refuses markup and javascript: links', () => {
    const errors = errorsOf(
      pack({
        incidents: [
          incident({
            title: { en: 'Hi <script>alert(1)</script>', he: 'שלום' },
            sources: [{ publisher: 'P', title: 'T', url: 'javascript:alert(1)' }],
          }),
        ],
      }),
    );
    expect(errors).toEqual(['incidents[0].title.en: must not contain markup (HTML tags)']);
    expect(errorsOf(pack({ incidents: [incident({ sources: [{ publisher: 'P', title: 'T', url: 'javascript:alert(1)' }] })] }))).toEqual([
      'incidents[0].sources[0].url: must be an https:// URL',
    ]);
    expect(errorsOf(pack({ title: '<img src=x onerror=alert(1)>' }))).toEqual(['title: must not contain markup (HTML tags)']);
  });

  it('refuses deep nesting and bidi overrides', () => {
    const deep = `${'['.repeat(5000)}${']'.repeat(5000)}`;
    expect(errorsOf(deep)[0]).toMatch(/nested too deeply/);
    expect(errorsOf(pack({ title: 'abc\u202Eevil' }))).toEqual([
      'title: must not contain control or direction-override characters',
    ]);
  });

  it('caps the number of messages', () => {
    const many = Array.from({ length: 40 }, (_, i) => incident({ id: `incident-${i}`, date: 'x' }));
    const errors = errorsOf(pack({ incidents: many }));
    expect(errors).toHaveLength(21);
    expect(errors.at(-1)).toBe('…and 20 more problems');
  });
});

describe('parsePack: ClaimReview JSON-LD', () => {
  it('converts one ClaimReview to an incident with its origin', () => {
    const result = parsePack(JSON.stringify(claimReview));
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.from).toBe('claim-review');
    expect(result.pack.origin).toEqual({ publisher: 'Fact Example', url: 'https://factcheck.example/' });
    const [converted] = result.pack.incidents;
    expect(converted?.claims).toEqual({ en: ['The moon landed on Texas last night'], he: [] });
    expect(converted?.title).toEqual({ en: 'The moon landed on Texas last night', he: 'The moon landed on Texas last night' });
    expect(converted?.rating).toBe('False');
    expect(converted?.date).toBe('2025-02-01');
    expect(converted?.appearance.en).toBe('Said by Some Account, seen on x.com');
    expect(converted?.sources[0]?.url).toBe('https://factcheck.example/checks/moon');
    expect(converted?.id).toMatch(/^claimreview-fact-example-the-moon-landed/);
  });

  it('reads arrays and @graph, skips claims rated true, and gives stable distinct ids', () => {
    const second = { ...claimReview, claimReviewed: 'הירח נחת בטקסס אתמול בלילה', reviewRating: { alternateName: 'Misleading' } };
    const truthful = { ...claimReview, claimReviewed: 'The moon orbits the Earth every month', reviewRating: { alternateName: 'True' } };
    const graph = { '@context': 'https://schema.org', '@graph': [{ '@type': 'WebPage', name: 'x' }, claimReview, second, truthful] };
    const result = parsePack(JSON.stringify(graph));
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.pack.incidents.map((i) => i.rating)).toEqual(['False', 'Misleading']);
    expect(result.pack.incidents[1]?.claims).toEqual({ en: [], he: ['הירח נחת בטקסס אתמול בלילה'] });
    expect(result.warnings).toEqual(['@graph[3]: skipped, rated "True" (only false, fabricated or misleading claims are marked)']);
    const ids = result.pack.incidents.map((i) => i.id);
    expect(new Set(ids).size).toBe(2);
    const array = parsePack(JSON.stringify([claimReview, second]));
    expect(array.ok && array.pack.incidents.map((i) => i.id)).toEqual(ids);
  });

  it('names the entry and the field of ClaimReview errors', () => {
    const bad = [
      claimReview,
      { ...claimReview, url: 'javascript:alert(1)' },
      { ...claimReview, claimReviewed: '', reviewRating: { alternateName: 'Four Pinocchios' } },
      { ...claimReview, datePublished: undefined, itemReviewed: {} },
    ];
    const errors = errorsOf(bad);
    expect(errors).toEqual([
      '[1].url: must be an https:// URL',
      '[2].claimReviewed: required (the claim that was checked)',
      '[2].reviewRating.alternateName: "Four Pinocchios" is not a rating this pack reader understands (use False, Fabricated or Misleading)',
      '[3].datePublished: required, a date like 2024-04-04',
    ]);
  });

  it('refuses a feed where nothing is rated false', () => {
    const errors = errorsOf({ ...claimReview, reviewRating: { alternateName: 'Mostly true' } });
    expect(errors[0]).toBe('file: no ClaimReview entry rates its claim false, fabricated or misleading');
  });
});
