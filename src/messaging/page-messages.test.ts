import { describe, expect, it } from 'vitest';
import { snapshotAnswerFrom, toContentFrom } from './page-messages';
import { MatcherSnapshotAnswerSchema, ToContentSchema } from './schema';

const ODD: readonly unknown[] = [undefined, null, 0, Number.NaN, Number.POSITIVE_INFINITY, '', 'x'.repeat(64), 'x'.repeat(65), true, [], {}, 'next', 'previous', 'show-finding', 'step-finding', 'page-status', 'matcher-snapshot'];

function variants(base: Record<string, unknown>): unknown[] {
  const out: unknown[] = [base, { ...base, extra: 1 }, [base], null, undefined, 'show-finding'];
  for (const key of Object.keys(base)) {
    const { [key]: _removed, ...rest } = base;
    out.push(rest);
    for (const odd of ODD) out.push({ ...base, [key]: odd });
  }
  return out;
}

const agrees = (values: readonly unknown[], check: (value: unknown) => unknown, schema: { safeParse(value: unknown): { success: boolean } }): string[] =>
  values.filter((value) => (check(value) !== null) !== schema.safeParse(value).success).map((value) => JSON.stringify(value) ?? String(value));

describe("the content script's message checks accept exactly what the schemas accept", () => {
  it('messages to the content script', () => {
    const values = [...variants({ type: 'show-finding', id: 'f12' }), ...variants({ type: 'step-finding', direction: 'next' }), ...variants({ type: 'page-status' })];
    expect(agrees(values, toContentFrom, ToContentSchema)).toEqual([]);
    expect(toContentFrom({ type: 'page-status' })).toEqual({ type: 'page-status' });
    expect(toContentFrom({ type: 'page-status', tabId: 1 })).toBeNull();
    expect(toContentFrom({ type: 'step-finding', direction: 'previous' })).toEqual({ type: 'step-finding', direction: 'previous' });
  });

  it("the background's matcher snapshot answer", () => {
    const snapshot = { format: 3, table: [0, 1], candidates: null };
    const values = [...variants({ snapshot }), ...variants(snapshot).map((inner) => ({ snapshot: inner }))];
    expect(agrees(values, snapshotAnswerFrom, MatcherSnapshotAnswerSchema)).toEqual([]);
    expect(snapshotAnswerFrom({ snapshot })?.snapshot).toBe(snapshot);
  });
});
