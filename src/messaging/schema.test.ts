import { describe, expect, it } from 'vitest';
import { incidentsById } from '../data/index';
import { ContentToBackgroundSchema, IncidentDetailsSchema, MAX_DETAIL_IDS } from './schema';

const iran = incidentsById.get('iran-tel-aviv-2024');

describe('incident details messages', () => {
  it('accepts a request for incident ids and the examples', () => {
    const request = { type: 'incident-details', ids: ['iran-tel-aviv-2024'], examples: true };
    expect(ContentToBackgroundSchema.safeParse(request).success).toBe(true);
  });

  it('rejects requests with extra fields, ids that are not incident ids, or too many ids', () => {
    const bad = [
      { type: 'incident-details', ids: [], examples: false, text: 'page text' },
      { type: 'incident-details', ids: ['Not An Id'], examples: false },
      { type: 'incident-details', ids: Array.from({ length: MAX_DETAIL_IDS + 1 }, (_, i) => `id-${i}`), examples: false },
      { type: 'incident-details', ids: ['iran-tel-aviv-2024'] },
    ];
    for (const request of bad) expect(ContentToBackgroundSchema.safeParse(request).success, JSON.stringify(request).slice(0, 80)).toBe(false);
  });

  it('accepts whole incidents in an answer and rejects anything more or less', () => {
    expect(IncidentDetailsSchema.safeParse({ incidents: [iran], examples: [] }).success).toBe(true);
    expect(IncidentDetailsSchema.safeParse({ incidents: [{ ...iran, packId: 'x' }], examples: [] }).success).toBe(false);
    expect(IncidentDetailsSchema.safeParse({ incidents: [{ ...iran, sources: [{ publisher: 'p', title: 't', url: 'javascript:alert(1)' }] }], examples: [] }).success).toBe(false);
    expect(IncidentDetailsSchema.safeParse({ incidents: [iran] }).success).toBe(false);
  });
});
