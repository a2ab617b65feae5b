/**
 * Chromium: on every fixture page the extension finds exactly the expected findings (content script state,
 * registered highlights, popup contract, badge), leaves the page's own DOM alone, causes no page error and
 * makes no network request. Dynamic pages: appended posts, soft navigation, React-style re-renders.
 */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { withBundleLoads } from './harness/bundle-loads';
import { withChromium, type OpenedPage } from './harness/chromium';
import { STATIC_FIXTURES, findingKey, sorted, type FixtureExpectation } from './harness/expectations';
import {
  collapse,
  foreignMutations,
  highlightHealth,
  highlightedTexts,
  nextFrames,
  onSettledPage,
  readHighlights,
  rootState,
  waitSettled,
} from './harness/page-probe';
import { TEST_TIMEOUT, waitFor } from './harness/wait';

const chromium = withChromium();

/** Asserts the popup lists exactly `expected` for the page's tab, and the badge shows their number. */
async function assertReported(
  opened: OpenedPage,
  expected: readonly string[],
  texts: readonly string[] = [],
): Promise<void> {
  const tabId = await chromium.tabIdOf(opened.page);
  const badge = expected.length === 0 ? '' : String(expected.length);
  await waitFor(async () => (await chromium.badgeText(tabId)) === badge, `badge "${badge}"`).catch(
    async () => assert.equal(await chromium.badgeText(tabId), badge, 'badge = number of findings'),
  );
  const listed = await chromium.popupFindings(tabId, expected.length);
  assert.deepEqual(sorted(listed.map(findingKey)), sorted(expected), 'popup lists the expected findings');
  const fabricated = new Set(expected.filter((k) => k.startsWith('fabricated-headline:')).map((k) => k.split(':')[1]));
  const grokSummaries = listed.filter((f) => f.kind === 'grok-summary').map((f) => collapse(f.text));
  for (const text of texts) {
    assert.ok(
      listed.some((f) => collapse(f.text).includes(text)),
      `the popup shows "${text}"; it lists: ${JSON.stringify(listed.map((f) => collapse(f.text)))}`,
    );
  }
  assert.equal(new Set(grokSummaries).size, grokSummaries.length, 'each story is listed with its own text');
  for (const finding of listed) {
    if (finding.kind === 'grok-summary' && finding.incident !== null) {
      assert.ok(fabricated.has(finding.incident), `grok-summary names a known incident of this page: ${finding.incident}`);
    }
  }
}

async function assertMarked(
  opened: OpenedPage,
  fixture: Pick<FixtureExpectation, 'marked' | 'findings' | 'notMarked'>,
): Promise<void> {
  const highlights = await readHighlights(opened.page);
  for (const name of Object.keys(highlights)) assert.match(name, /^gc-/);
  const texts = highlightedTexts(highlights);
  for (const text of fixture.marked) {
    assert.ok(
      texts.some((t) => t.includes(collapse(text))),
      `"${text}" is highlighted; highlighted: ${JSON.stringify(texts)}`,
    );
  }
  for (const text of fixture.notMarked ?? []) {
    const wrong = texts.filter((t) => t.includes(text));
    assert.deepEqual(wrong, [], `"${text}" is not part of any finding`);
  }
  if (fixture.findings.length === 0) {
    assert.deepEqual(texts, [], 'nothing is highlighted');
    // Painting starts with a page's first finding: a page without one has no highlight of ours at all.
    assert.deepEqual(Object.keys(highlights), [], 'no highlight is registered');
  }
  else assert.ok(texts.length >= fixture.findings.length, 'one highlighted range per finding at least');
}

async function assertHarmless(opened: OpenedPage): Promise<void> {
  assert.deepEqual(await foreignMutations(opened.page), [], "the page's own DOM is unchanged");
  assert.equal((await rootState(opened.page)).count, 1, 'exactly one <gc-root>');
  assert.deepEqual(opened.errors, [], 'no page errors');
  assert.deepEqual(chromium.foreignRequests, [], 'no request to any host but the fixture server');
}

describe('fixtures in Chromium', () => {
  for (const fixture of STATIC_FIXTURES) {
    test(fixture.path, TEST_TIMEOUT, () =>
      onSettledPage(chromium, fixture.path, undefined, async (opened, state) => {
        assert.equal(state.findings, fixture.findings.length, 'data-findings');
        await assertMarked(opened, fixture);
        await assertReported(opened, fixture.findings, fixture.listed);
        await assertHarmless(opened);
      }),
    );
  }
});

describe('dynamic pages in Chromium', () => {
  test('posts appended after load are found; the matcher is loaded only once the page has a candidate', TEST_TIMEOUT, () =>
    withBundleLoads(chromium, '/matcher-stage.js', (loads) =>
      onSettledPage(chromium, 'feed-append.html', 0, async (opened) => {
        // Settled on the first posts, which hold no candidate (requests are reported in order: a load while
        // scanning them would be reported by now).
        assert.deepEqual(loads, [], 'no matcher loaded for the first posts');
        await opened.page.click('#show-posts');
        await waitSettled(opened.page, 1);
        await waitFor(async () => loads.length > 0, 'the matcher bundle load to be reported');
        assert.deepEqual([...new Set(loads)], [opened.page.url()], 'loaded by this page, after the appended post');
        await assertMarked(opened, {
          findings: ['fabricated-headline:adams-earthquake-2024'],
          marked: ['Adams vs. Earthquake: 50,000 Cops in Subway Showdown'],
        });
        await assertReported(opened, ['fabricated-headline:adams-earthquake-2024']);
        await assertHarmless(opened);
      }),
    ),
  );

  test('a soft navigation replaces the findings', TEST_TIMEOUT, () =>
    onSettledPage(chromium, 'spa-soft-nav.html', 1, async (opened) => {
      await opened.page.click('#next');
      await waitFor(async () => opened.page.url().endsWith('?story=2'), 'pushState');
      await waitFor(
        async () => {
          const texts = highlightedTexts(await readHighlights(opened.page));
          return texts.some((t) => t.includes("Lowe's CEO urges conservatives to shop at Home Depot"));
        },
        'the new story to be highlighted',
      );
      await waitSettled(opened.page, 1);
      const texts = highlightedTexts(await readHighlights(opened.page));
      assert.ok(!texts.some((t) => t.includes('Modi')), `the old finding is gone: ${JSON.stringify(texts)}`);
      assert.equal((await highlightHealth(opened.page)).detached, 0, 'no highlight left on removed nodes');
      await assertReported(opened, ['fabricated-headline:lowes-home-depot-2024']);

      await opened.page.goBack();
      await waitFor(
        async () => highlightedTexts(await readHighlights(opened.page)).some((t) => t.includes('PM Modi Ejected')),
        'the first story to be highlighted again after Back',
      );
      await waitSettled(opened.page, 1);
      await assertReported(opened, ['fabricated-headline:modi-ejected-2024']);
      await assertHarmless(opened);
    }),
  );

  test('a re-rendered headline stays highlighted on the new nodes', TEST_TIMEOUT, () =>
    onSettledPage(chromium, 'react-rerender.html', 1, async (opened) => {
      const headline = 'Klay Thompson Accused in Bizarre Brick-Vandalism Spree';
      for (const button of ['#rerender', '#update-text', '#rerender']) {
        await opened.page.click(button);
        await nextFrames(opened.page);
        await waitFor(async () => (await highlightHealth(opened.page)).detached === 0, `highlight to follow ${button}`);
        await waitSettled(opened.page, 1);
        const health = await highlightHealth(opened.page);
        assert.deepEqual(health, { total: health.total, detached: 0 });
        assert.ok(highlightedTexts(await readHighlights(opened.page)).some((t) => t.includes(headline)));
      }
      await assertReported(opened, ['fabricated-headline:klay-thompson-bricks-2024']);
      await assertHarmless(opened);
    }),
  );
});

test('the harness sees DOM changes the page did not make (so "unchanged" above can fail)', TEST_TIMEOUT, () =>
  onSettledPage(chromium, 'genuine-news.html', 0, async ({ page }) => {
    await page.evaluate('window.__gcPageWrite(() => document.body.append("announced"))');
    assert.deepEqual(await foreignMutations(page), []);
    await page.evaluate('document.querySelector("h2").setAttribute("data-x", "1")');
    assert.deepEqual(await foreignMutations(page), ['attribute data-x on html>body>article>h2']);
  }),
);

test('the extension made no network request', TEST_TIMEOUT, () => {
  assert.deepEqual(chromium.foreignRequests, []);
});
