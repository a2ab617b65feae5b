import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { bundledIncidents } from './incidents';
import { buildMatcherConfig, bundledMatcherConfig, incidentsById, knowledgeBase, parseKnowledgeBase } from './index';
import { bundledSignals } from './signals';

/** The research record the data is built from; present beside the repository in development and CI. */
const FACTS_PATH = new URL('../../../shared/facts/grok-incidents.md', import.meta.url);
const facts = existsSync(FACTS_PATH) ? readFileSync(FACTS_PATH, 'utf8') : undefined;

/** Every id the research record defines (kept here too, so the test still guards the data without the record). */
const FACT_IDS = [
  'iran-tel-aviv-2024',
  'adams-earthquake-2024',
  'sun-eclipse-2024',
  'klay-thompson-bricks-2024',
  'modi-ejected-2024',
  'lowes-home-depot-2024',
  'harris-shot-2024',
  'carter-death-2024',
  'ballot-deadlines-2024',
  'white-genocide-2025',
  'newsom-guard-photos-2025',
  'ben-gurion-video-2025',
  'charlie-kirk-2025',
  'bondi-crabtree-2025',
  'iran-school-2026',
];

const HEBREW = /[\u05d0-\u05ea]/;

function localizedTexts(): Array<{ where: string; en: string; he: string }> {
  const out: Array<{ where: string; en: string; he: string }> = [];
  for (const incident of knowledgeBase.incidents) {
    const fields = { title: incident.title, appearance: incident.appearance, claim: incident.claim, happened: incident.happened, why: incident.why };
    for (const [name, text] of Object.entries(fields)) out.push({ where: `${incident.id}.${name}`, ...text });
    if (incident.dateText) out.push({ where: `${incident.id}.dateText`, ...incident.dateText });
    incident.cautions.forEach((caution, index) => out.push({ where: `${incident.id}.cautions[${index}]`, ...caution }));
  }
  return out;
}

describe('bundled knowledge base', () => {
  it('passes the schema', () => {
    expect(() => parseKnowledgeBase({ version: 1, incidents: bundledIncidents, signals: bundledSignals })).not.toThrow();
    expect(knowledgeBase.incidents).toHaveLength(bundledIncidents.length);
  });

  it('rejects bad data with a message naming the problem', () => {
    const [first] = bundledIncidents;
    const broken = { ...first, sources: [{ publisher: 'X', title: 'Y', url: 'http://example.com/' }] };
    expect(() => parseKnowledgeBase({ version: 1, incidents: [broken], signals: bundledSignals })).toThrow(/https/);
    expect(() => parseKnowledgeBase({ version: 1, incidents: [first, first], signals: bundledSignals })).toThrow(
      /two incidents with id/,
    );
  });

  it('has unique ids sorted alphabetically', () => {
    const ids = knowledgeBase.incidents.map((incident) => incident.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids).toEqual([...ids].sort());
  });

  it('carries every incident of the research record, and nothing else', () => {
    expect([...incidentsById.keys()].sort()).toEqual([...FACT_IDS].sort());
  });

  it.skipIf(facts === undefined)('matches the ids the research record defines', () => {
    const ids = [...(facts ?? '').matchAll(/\bid ([a-z0-9]+(?:-[a-z0-9]+)+)/g)].map((match) => match[1]);
    expect(new Set(ids)).toEqual(new Set(FACT_IDS));
  });

  it('links only over https', () => {
    const urls = knowledgeBase.incidents.flatMap((incident) => incident.sources.flatMap((source) => source.url ?? []));
    expect(urls.length).toBeGreaterThan(15);
    for (const url of urls) expect(new URL(url).protocol).toBe('https:');
  });

  it.skipIf(facts === undefined)('links only URLs the research record lists', () => {
    for (const incident of knowledgeBase.incidents) {
      for (const source of incident.sources) {
        if (source.url) expect(facts, `${incident.id}: ${source.url}`).toContain(source.url);
      }
    }
  });

  it('has English claim texts only where the record gives a verbatim text, each with Hebrew renderings', () => {
    const withClaims = knowledgeBase.incidents.filter((incident) => incident.claims.en.length > 0).map((i) => i.id);
    expect(withClaims.sort()).toEqual([
      'adams-earthquake-2024',
      'ballot-deadlines-2024',
      'iran-tel-aviv-2024',
      'klay-thompson-bricks-2024',
      'lowes-home-depot-2024',
      'modi-ejected-2024',
      'sun-eclipse-2024',
    ]);
    for (const incident of knowledgeBase.incidents) {
      if (incident.claims.en.length === 0) {
        expect(incident.claims.he, incident.id).toEqual([]);
      } else {
        expect(incident.claims.he.length, incident.id).toBeGreaterThanOrEqual(2);
        for (const text of incident.claims.he) expect(text, incident.id).toMatch(HEBREW);
        // The record wraps lines and notes the "Behaviour" spelling in prose rather than as its own headline.
        const flat = facts?.replace(/\s+/g, ' ');
        if (flat) for (const text of incident.claims.en) expect(flat, incident.id).toContain(text.replace('Behaviour', 'Behavior'));
      }
    }
    expect(incidentsById.get('sun-eclipse-2024')?.claims.en).toContain("Sun's Odd Behaviour: Experts Baffled");
  });

  it('says everything in English and in Hebrew', () => {
    for (const { where, en, he } of localizedTexts()) {
      expect(en, where).not.toMatch(HEBREW);
      expect(he, where).toMatch(HEBREW);
    }
  });

  it('warns that the real Iranian attacks are genuine news', () => {
    const cautions = incidentsById.get('iran-tel-aviv-2024')?.cautions.map((caution) => caution.en).join(' ') ?? '';
    expect(cautions).toMatch(/13–14 April 2024/);
    expect(cautions).toMatch(/1 October 2024/);
  });
});

describe('buildMatcherConfig', () => {
  it('turns every claim text into a pattern of its incident and skips context-only incidents', () => {
    const expected = knowledgeBase.incidents.reduce((sum, i) => sum + i.claims.en.length + i.claims.he.length, 0);
    expect(bundledMatcherConfig.claims).toHaveLength(expected);
    expect(bundledMatcherConfig.claims).toContainEqual({
      incident: 'iran-tel-aviv-2024',
      lang: 'en',
      text: 'Iran Strikes Tel Aviv with Heavy Missiles',
    });
    expect(bundledMatcherConfig.claims.some((claim) => claim.incident === 'harris-shot-2024')).toBe(false);
    expect(bundledMatcherConfig.labels).toHaveLength(knowledgeBase.signals.labels.length);
    expect(bundledMatcherConfig.mentions.map((mention) => mention.lang).sort()).toEqual(['en', 'he']);
  });

  it('adds the claims of imported incidents next to the bundled ones', () => {
    const [first] = knowledgeBase.incidents;
    if (!first) throw new Error('no incidents');
    const imported = { ...first, id: 'imported-2025', claims: { en: ['A Brand New Fake Headline'], he: [] } };
    const config = buildMatcherConfig([...knowledgeBase.incidents, imported], knowledgeBase.signals);
    expect(config.claims).toContainEqual({ incident: 'imported-2025', lang: 'en', text: 'A Brand New Fake Headline' });
    expect(config.claims.length).toBe(bundledMatcherConfig.claims.length + 1);
  });

  it('keeps every lexicon word in one group only', () => {
    const seen = new Map<string, number>();
    knowledgeBase.signals.lexicon.forEach((group, index) => {
      for (const word of group) {
        expect(seen.get(word), `"${word}" is in groups ${seen.get(word)} and ${index}`).toBeUndefined();
        seen.set(word, index);
      }
    });
  });
});
