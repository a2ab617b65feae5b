import { describe, expect, it } from 'vitest';
import { bundledClaims } from './claims';
import { knowledgeBase } from './index';
import { buildMatcherConfig, bundledIncidentIds, bundledMatcherConfig, matcherConfigWith } from './matcher-config';

describe('the matching-only config', () => {
  it('equals the config built from the parsed knowledge base, so it can never drift from it', () => {
    expect(bundledMatcherConfig).toEqual(buildMatcherConfig(knowledgeBase.incidents, knowledgeBase.signals));
  });

  it('has claims for exactly the bundled incidents, in their order', () => {
    expect(Object.keys(bundledClaims)).toEqual(knowledgeBase.incidents.map((incident) => incident.id));
    expect([...bundledIncidentIds]).toEqual(Object.keys(bundledClaims));
  });

  it('adds imported claims; an imported incident cannot replace a bundled one', () => {
    expect(matcherConfigWith([])).toBe(bundledMatcherConfig);
    const clash = { id: 'iran-tel-aviv-2024', claims: { en: ['Iran Did Something Else Entirely'], he: [] } };
    expect(matcherConfigWith([clash])).toBe(bundledMatcherConfig);
    const added = matcherConfigWith([clash, { id: 'moon-texas-2031', claims: { en: ['Moon Lands on Texas'], he: ['הירח נחת בטקסס'] } }]);
    expect(added.claims.length).toBe(bundledMatcherConfig.claims.length + 2);
    expect(added.claims.slice(-2)).toEqual([
      { incident: 'moon-texas-2031', lang: 'en', text: 'Moon Lands on Texas' },
      { incident: 'moon-texas-2031', lang: 'he', text: 'הירח נחת בטקסס' },
    ]);
  });
});
