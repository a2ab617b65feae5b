/**
 * The hostile pages that matter most, in Firefox ESR (MV2 build): a 10 MB text node, 5,000-deep nesting,
 * fake extension messages, a page that removes our host, overridden built-ins, open shadow roots. The page's own script keeps
 * running and finishes, our work completes, nothing throws, exactly the planted headlines are found,
 * highlighted and listed in the popup, and the page's DOM is not touched. Max timer gaps are reported.
 */
import assert from 'node:assert/strict';
import { after, describe, test } from 'node:test';
import { cardAbout, closeCard } from './harness/card-checks';
import { screenPath } from './harness/screens';
import { findingKey, sorted } from './harness/expectations';
import { withFirefox } from './harness/firefox';
import { collapse, foreignMutations, highlightedTexts, readHighlights } from './harness/page-probe';
import { HOSTILE_FIXTURES, waitHostile } from './reliability-helpers';

const firefox = withFirefox();
const report: string[] = [];

after(() => {
  if (report.length > 0) console.log(`# hostile pages in Firefox (max gap of the page's 10 ms timer after build; load → settled):\n# ${report.join('\n# ')}`);
});

describe('hostile pages in Firefox', () => {
  for (const fixture of HOSTILE_FIXTURES.filter((f) => f.firefox)) {
    test(fixture.name, fixture.knownBug ? { todo: fixture.knownBug } : {}, async (t) => {
      const { page, errors } = await firefox.open(fixture.path);
      try {
        const outcome = await waitHostile(page, fixture.findings.length);
        const line = `${fixture.path}: max gap ${outcome.probe.maxGapMs} ms; settled after ${outcome.settleMs} ms`;
        report.push(line);
        t.diagnostic(line);

        assert.deepEqual(outcome.probe.problems, [], "the page's own script ran without trouble");
        assert.equal(outcome.state.count, 1, 'exactly one <gc-root>');
        const texts = highlightedTexts(await readHighlights(page));
        for (const text of fixture.marked) {
          assert.ok(texts.some((x) => x.includes(collapse(text))), `"${text}" is highlighted; highlighted: ${JSON.stringify(texts.map((x) => x.slice(0, 120)))}`);
        }
        assert.deepEqual(await foreignMutations(page), [], "the page's DOM is unchanged");
        assert.deepEqual(errors, [], 'no page errors');

        const tabId = await firefox.tabIdOf(page);
        const listed = await firefox.popupFindings(tabId, fixture.findings.length);
        assert.deepEqual(sorted(listed.map(findingKey)), sorted(fixture.findings), 'the popup lists exactly the planted headlines');
        if (fixture.path.includes('remove-host')) {
          const removed = (await page.evaluate('window.__probe.removed')) as number;
          t.diagnostic(`the page removed our host ${removed} times`);
          assert.ok(removed >= 1, 'the page did remove our host (the test would prove nothing otherwise)');
        }
      } finally {
        await page.close();
      }
    });
  }
});

test('hovering a headline inside an open shadow root opens its card', async () => {
  const { page, errors } = await firefox.open('hostile/shadow-roots.html');
  try {
    await waitHostile(page, 5, 10_000);
    await cardAbout(page, 'Iran Strikes Tel Aviv', 'iran-tel-aviv-2024');
    await closeCard(page);
    await cardAbout(page, 'PM Modi Ejected', 'modi-ejected-2024');
    await page.screenshot({ path: screenPath('shadow-roots-firefox') });
    assert.deepEqual(errors, [], 'no page errors');
  } finally {
    await page.close();
  }
});
