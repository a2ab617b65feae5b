/**
 * Hostile and huge pages in Chromium (fixtures/hostile): a 10 MB text node, 200,000 text nodes, 5,000-deep
 * nesting, a mutation storm, regex-backtracking text, fake extension messages, a page that removes our host,
 * overridden built-ins, iframes, shadow roots. On each: the page's own script keeps running and finishes,
 * our work completes (settled), nothing throws, exactly the planted headlines are found, highlighted and
 * listed in the popup, the page's DOM is not touched, no request leaves. The longest gap of the page's
 * 10 ms timer after the page built its content is reported beside the same page's in a Chromium without the
 * extension (not asserted: it depends on the machine).
 */
import assert from 'node:assert/strict';
import { after, describe, test } from 'node:test';
import { withChromium } from './harness/chromium';
import { findingKey, sorted } from './harness/expectations';
import { startFixtureServer, type FixtureServer } from './harness/fixture-server';
import { inPage } from './harness/in-page';
import { collapse, foreignMutations, highlightHealth, highlightedTexts, readHighlights } from './harness/page-probe';
import { waitFor } from './harness/wait';
import {
  HOSTILE_FIXTURES,
  assertFramesUntouched,
  checkShadowRootHover,
  hostilePath,
  hostileProbeInPage,
  launchScriptless,
  waitHostile,
  type HostileFixture,
  type HostileOutcome,
  type HostileProbe,
  type ScriptlessBrowser,
} from './reliability-helpers';

/** The same Chromium without the extension, for the page's own timer gaps. */
let baseline: ScriptlessBrowser;
/** The same fixtures from another port: a cross-origin frame. */
let otherOrigin: FixtureServer;
const report: string[] = [];

const chromium = withChromium({
  async setup(session) {
    [otherOrigin, baseline] = await Promise.all([startFixtureServer(), launchScriptless(false, undefined, true)]);
    // Registered after the harness's block-everything route, so it is asked first.
    await session.context.route(`${otherOrigin.origin}/**`, (route) => route.continue());
  },
});

after(async () => {
  await baseline?.close();
  await otherOrigin?.close();
  if (report.length > 0) {
    console.log(`# hostile pages in Chromium (max gap of the page's 10 ms timer after build, with / without the extension; load → settled):\n# ${report.join('\n# ')}`);
  }
});

/** The page's own max timer gap in a Chromium without the extension. */
async function baselineGap(path: string): Promise<number> {
  const page = await baseline.context.newPage();
  try {
    await page.goto(chromium.server.url(path), { waitUntil: 'load', timeout: 60_000 });
    let probe: HostileProbe | null = null;
    await waitFor(async () => (probe = (await page.evaluate(inPage(hostileProbeInPage))) as HostileProbe | null)?.done === true, `${path} to finish without the extension`, 60_000);
    return (probe as unknown as HostileProbe).maxGapMs;
  } finally {
    await page.close();
  }
}

function pathOf(fixture: HostileFixture): string {
  return hostilePath(fixture, otherOrigin.origin);
}

describe('hostile pages in Chromium', () => {
  for (const fixture of HOSTILE_FIXTURES) {
    test(fixture.name, fixture.knownBug ? { todo: fixture.knownBug } : {}, async (t) => {
      const opened = await chromium.open(pathOf(fixture));
      const { page, errors } = opened;
      try {
        const outcome: HostileOutcome = await waitHostile(page, fixture.findings.length);
        const without = await baselineGap(pathOf(fixture)).catch(() => -1);
        const line = `${fixture.path}: max gap ${outcome.probe.maxGapMs} ms / ${without} ms; settled after ${outcome.settleMs} ms`;
        report.push(line);
        t.diagnostic(line);

        assert.deepEqual(outcome.probe.problems, [], "the page's own script ran without trouble");
        assert.ok(outcome.probe.done, "the page's own script finished");
        assert.equal(outcome.state.count, 1, 'exactly one <gc-root>');

        const texts = highlightedTexts(await readHighlights(page));
        for (const text of fixture.marked) {
          assert.ok(texts.some((x) => x.includes(collapse(text))), `"${text}" is highlighted; highlighted: ${JSON.stringify(texts.map((x) => x.slice(0, 120)))}`);
        }
        const health = await highlightHealth(page);
        assert.equal(health.detached, 0, 'no highlight points at nodes that left the page');

        const tabId = await chromium.tabIdOf(page);
        const listed = await chromium.popupFindings(tabId, fixture.findings.length);
        assert.deepEqual(sorted(listed.map(findingKey)), sorted(fixture.findings), 'the popup lists exactly the planted headlines');
        assert.equal(await chromium.badgeText(tabId), String(fixture.findings.length), 'badge');

        assert.deepEqual(await foreignMutations(page), [], "the page's DOM is unchanged");
        await assertFramesUntouched(page.frames().slice(1));
        assert.deepEqual(errors, [], 'no page errors');
        assert.deepEqual(
          chromium.foreignRequests.filter((url) => !url.startsWith(otherOrigin.origin + '/')),
          [],
          'no request to any other host',
        );

        if (fixture.path.includes('fake-messages')) {
          const heard = (await page.evaluate('window.__probe.heard')) as string[];
          t.diagnostic(`messages the page heard from others: ${JSON.stringify(heard)}`);
        }
        if (fixture.path.includes('remove-host')) {
          const removed = (await page.evaluate('window.__probe.removed')) as number;
          t.diagnostic(`the page removed our host ${removed} times`);
          assert.ok(removed >= 1, 'the page did remove our host (the test would prove nothing otherwise)');
        }
        if (fixture.path.includes('prototypes')) {
          const calls = (await page.evaluate(inPage(() => JSON.stringify((window as unknown as { __probe: { calls: object } }).__probe.calls)))) as string;
          t.diagnostic(`calls to the page's replaced built-ins: ${calls}`);
        }
      } finally {
        await page.close();
      }
    });
  }
});

test('hovering a headline inside an open shadow root opens its card', async () => {
  const { page, errors } = await chromium.open('hostile/shadow-roots.html');
  try {
    await checkShadowRootHover(page, 'shadow-roots-chromium');
    assert.deepEqual(errors, [], 'no page errors');
  } finally {
    await page.close();
  }
});
