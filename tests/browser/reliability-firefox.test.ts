/**
 * The hostile and huge pages in Firefox ESR (MV2 build), the same fixtures as in Chromium: a 10 MB text
 * node, 200,000 text nodes, 5,000-deep nesting, a mutation storm, regex-backtracking text, fake extension
 * messages, a page that removes our host, overridden built-ins, iframes, open shadow roots. The page's own
 * script keeps running and finishes, our work completes, nothing throws, exactly the planted headlines are
 * found, highlighted and listed in the popup, no frame and nothing of the page's DOM is touched, no request
 * leaves. Max timer gaps are reported.
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { findingKey, sorted } from './harness/expectations';
import { startFixtureServer, type FixtureServer } from './harness/fixture-server';
import { withFirefox } from './harness/firefox';
import { collapse, foreignMutations, highlightedTexts, readHighlights } from './harness/page-probe';
import { HOSTILE_FIXTURES, assertFramesUntouched, hostilePath, checkShadowRootHover, waitHostile } from './reliability-helpers';

const firefox = withFirefox();
const report: string[] = [];
/** The same fixtures from another port: a cross-origin frame. */
let otherOrigin: FixtureServer;

before(async () => {
  otherOrigin = await startFixtureServer();
});

after(async () => {
  await otherOrigin?.close();
  if (report.length > 0) console.log(`# hostile pages in Firefox (max gap of the page's 10 ms timer after build; load → settled):\n# ${report.join('\n# ')}`);
});

describe('hostile pages in Firefox', () => {
  for (const fixture of HOSTILE_FIXTURES) {
    test(fixture.name, fixture.knownBug ? { todo: fixture.knownBug } : {}, async (t) => {
      const { page, errors } = await firefox.open(hostilePath(fixture, otherOrigin.origin));
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
        await assertFramesUntouched(page.frames().slice(1));
        assert.deepEqual(errors, [], 'no page errors');
        assert.deepEqual(firefox.foreignRequests(), [], 'no request to any other host');

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
    await checkShadowRootHover(page, 'shadow-roots-firefox');
    assert.deepEqual(errors, [], 'no page errors');
  } finally {
    await page.close();
  }
});
