import { describe, expect, it } from 'vitest';
import { createReporter, toMessage } from '../../entrypoints/content/reporter';
import { FindingsReportSchema, type FindingsReport, type PageStatus } from '../../src/messaging/schema';
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
    // The answer to the popup's page-status carries the site, unless the schema would refuse it.
    expect(toMessage('paused', [], 'example.org')).toEqual({ type: 'findings', status: 'paused', site: 'example.org', findings: [] });
    const longSite = toMessage('checked', [], `${'a'.repeat(250)}.org`);
    expect(longSite.site).toBeUndefined();
    expect(FindingsReportSchema.safeParse(longSite).success).toBe(true);
  });
});

describe('the content script’s reports to the background', () => {
  /** A reporter whose sent messages are collected; each report is flushed (a microtask) before the next. */
  function reporterSending(fail = false): { sent: FindingsReport[]; report: (status: PageStatus, findings: PageFinding[]) => Promise<void>; reset: () => void } {
    const sent: FindingsReport[] = [];
    const reporter = createReporter({
      signal: new AbortController().signal,
      send: (message) => {
        sent.push(message);
        return fail ? Promise.reject(new Error('no receiver')) : Promise.resolve();
      },
      onSendError: () => undefined,
    });
    return {
      sent,
      async report(status, findings) {
        reporter.report(status, findings);
        await Promise.resolve();
        await Promise.resolve();
      },
      reset: () => reporter.reset(),
    };
  }
  const iran = finding('f1', 'Iran Strikes Tel Aviv with Heavy Missiles', 'iran-tel-aviv-2024');

  it('sends nothing for a page with nothing found, paused or switched off: no service worker is woken for it', async () => {
    const page = reporterSending();
    await page.report('checked', []);
    await page.report('paused', []);
    await page.report('site-disabled', []);
    page.reset();
    await page.report('checked', []);
    expect(page.sent).toEqual([]);
  });

  it('sends the findings when there are some, each change, and one empty report when they are gone', async () => {
    const page = reporterSending();
    await page.report('checked', []);
    await page.report('checked', [iran]);
    await page.report('checked', [iran]);
    await page.report('checked', [iran, finding('f2', 'Klay Thompson Accused in Bizarre Brick-Vandalism Spree', 'klay-thompson-bricks-2024')]);
    await page.report('paused', []);
    await page.report('checked', []);
    expect(page.sent.map((message) => `${message.status}:${message.findings.map((f) => f.id).join(',')}`)).toEqual(['checked:f1', 'checked:f1,f2', 'paused:']);
  });

  it('clears the findings after a soft navigation to a page without any, and again after a failed send', async () => {
    const page = reporterSending();
    await page.report('checked', [iran]);
    page.reset();
    await page.report('checked', []);
    expect(page.sent.map((message) => message.findings.length)).toEqual([1, 0]);
    const failing = reporterSending(true);
    await failing.report('checked', [iran]);
    await failing.report('checked', []);
    await failing.report('checked', []);
    expect(failing.sent.map((message) => message.findings.length)).toEqual([1, 0, 0]);
  });
});
