import { build } from 'esbuild';
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

describe("the content script's bundle (it runs on every page: issue 5 keeps it small)", () => {
  async function contentInputs(): Promise<string[]> {
    const result = await build({
      entryPoints: ['entrypoints/content/index.ts'],
      bundle: true,
      write: false,
      metafile: true,
      format: 'iife',
      loader: { '.css': 'text' },
      logLevel: 'silent',
    });
    return Object.keys(result.metafile.inputs);
  }

  it("leaves out the cards' texts and the knowledge-base parse (the background answers card details)", async () => {
    const inputs = await contentInputs();
    expect(inputs).not.toContain('src/data/matcher-config.ts');
    expect(inputs).not.toContain('src/data/incidents.ts');
    expect(inputs).not.toContain('src/data/index.ts');
  });

  it("reads storage directly, without WXT's storage items", async () => {
    const inputs = await contentInputs();
    expect(inputs).toContain('src/settings/page-storage.ts');
    expect(inputs.filter((input) => input.includes('@wxt-dev/storage') || input === 'src/settings/storage.ts')).toEqual([]);
  });
});
