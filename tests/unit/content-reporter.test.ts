import { describe, expect, it } from 'vitest';
import { toMessage } from '../../entrypoints/content/reporter';
import { FindingsReportSchema } from '../../src/messaging/schema';
import type { PageFinding } from '../../src/page/findings';

/** A finding as the reporter reads it (the fields it reports). */
function finding(id: string, text: string, incident?: string): PageFinding {
  return { id, kind: 'fabricated-headline', rule: 'claim', text, ...(incident !== undefined ? { incident } : {}) } as unknown as PageFinding;
}

describe("the content script's findings report", () => {
  it('fits the schema the background checks it with: long texts cut, findings it cannot take left out, the count capped', () => {
    const findings = [
      finding('1', 'Iran Strikes Tel Aviv with Heavy Missiles', 'iran-tel-aviv-2024'),
      finding('2', 'x'.repeat(5000)),
      finding('', 'an empty id'),
      finding('i'.repeat(65), 'an id past the limit'),
      finding('3', 'an incident id past the limit', 'n'.repeat(81)),
      ...Array.from({ length: 2500 }, (_, i) => finding(`f${i}`, `finding ${i}`)),
    ];
    const message = toMessage('checked', findings);
    expect(FindingsReportSchema.safeParse(message).success).toBe(true);
    expect(message.findings[0]).toEqual({ id: '1', kind: 'fabricated-headline', incident: 'iran-tel-aviv-2024', text: 'Iran Strikes Tel Aviv with Heavy Missiles', rule: 'claim' });
    expect(message.findings[1]?.text).toHaveLength(300);
    expect(message.findings.map((f) => f.id)).not.toContain('');
    expect(message.findings.map((f) => f.id)).not.toContain('3');
    expect(message.findings).toHaveLength(2000);
  });
});
