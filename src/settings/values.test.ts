import { describe, expect, it } from 'vitest';
import { DismissalSchema, SettingsSchema, SettingsV1Schema } from './schema';
import { isDismissal, isSettings, isSettingsV1 } from './values';

/** Values of every type, and strings at and past each limit the schemas set. */
const ODD: readonly unknown[] = [
  undefined,
  null,
  0,
  -1,
  1.5,
  Number.NaN,
  Number.POSITIVE_INFINITY,
  '',
  'x',
  'x'.repeat(80),
  'x'.repeat(81),
  'x'.repeat(253),
  'x'.repeat(254),
  'x'.repeat(300),
  'x'.repeat(301),
  true,
  false,
  [],
  ['x'],
  {},
  'underline',
  'off',
  'next',
  'fabricated-headline',
  'grok-summary',
];

/** `base`, and `base` damaged every way: each key removed, set to each odd value, and one key too many. */
function variants(base: Record<string, unknown>): unknown[] {
  const out: unknown[] = [base, { ...base, extra: 1 }, [base], JSON.stringify(base), null, undefined];
  for (const key of Object.keys(base)) {
    const { [key]: _removed, ...rest } = base;
    out.push(rest);
    for (const odd of ODD) out.push({ ...base, [key]: odd });
  }
  return out;
}

/** Every variant: does the check say what the schema says? */
function disagreements(values: readonly unknown[], check: (value: unknown) => boolean, schema: { safeParse(value: unknown): { success: boolean } }): string[] {
  return values.filter((value) => check(value) !== schema.safeParse(value).success).map((value) => JSON.stringify(value)?.slice(0, 120) ?? String(value));
}

const SETTINGS = {
  highlightStyle: 'background',
  kinds: { 'fabricated-headline': true, 'grok-summary': false },
  badge: true,
  paused: false,
  disabledSites: ['example.com', 'x.com'],
};
const DISMISSAL = { site: 'x.com', key: 'iran strikes tel aviv', text: 'Iran Strikes Tel Aviv', kind: 'fabricated-headline', incident: 'iran-tel-aviv-2024', at: 1_712_000_000_000 };

describe("the content script's checks accept exactly what the schemas accept", () => {
  it('settings', () => {
    const values = [
      ...variants(SETTINGS),
      ...variants(SETTINGS.kinds).map((kinds) => ({ ...SETTINGS, kinds })),
      ...[[], ['x'.repeat(253)], ['x'.repeat(254)], [1], new Array(5000).fill('a.b'), new Array(5001).fill('a.b')].map((disabledSites) => ({ ...SETTINGS, disabledSites })),
    ];
    expect(disagreements(values, isSettings, SettingsSchema)).toEqual([]);
    expect(values.filter(isSettings).length).toBeGreaterThan(3);
  });

  it('settings as version 1 stored them', () => {
    const v1 = { highlight: false, badge: true, paused: true, disabledSites: ['a.org'] };
    expect(disagreements(variants(v1), isSettingsV1, SettingsV1Schema)).toEqual([]);
    expect(isSettingsV1(v1)).toBe(true);
  });

  it('dismissals', () => {
    const { incident: _none, ...withoutIncident } = DISMISSAL;
    const values = [...variants(DISMISSAL), ...variants(withoutIncident), { ...DISMISSAL, incident: undefined }];
    expect(disagreements(values, isDismissal, DismissalSchema)).toEqual([]);
    expect(isDismissal(withoutIncident)).toBe(true);
  });
});
