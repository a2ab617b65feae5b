/**
 * The content script: wiring only. Reads settings, dismissals and imported packs; checks the page unless
 * paused or switched off for this site; applies every later change of those without a reload; reports the
 * findings to the background; answers the popup's "show" and the keyboard commands.
 */
import './highlights.css';
import { browser } from 'wxt/browser';
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { defineContentScript } from 'wxt/utils/define-content-script';
import type { FindingKind, Matcher } from '../../src/core/types';
import type { IncidentDetailsClient } from '../../src/messaging/incident-details-client';
import { requestMatcherSnapshot } from '../../src/messaging/matcher-snapshot-client';
import { toContentFrom } from '../../src/messaging/page-messages';
import type { ContentToBackground, PageStatus } from '../../src/messaging/schema';
import { dismissalFilter, dismissalKey } from '../../src/page/dismissals';
import type { PageFinding } from '../../src/page/findings';
import { addPageDismissal, readPageDismissals, readPageState, watchPageState } from '../../src/settings/page-storage';
import type { Dismissal, Settings } from '../../src/settings/schema';
import { DISMISSAL_TEXT_MAX, siteOf } from '../../src/settings/values';
import type { CreateCardUi } from '../../src/ui/card/card-host';
import type { CardModel } from '../../src/ui/card/card-model';
import { uiLangFrom } from '../../src/ui/lang';
import { createCardBundleLoader, type CardBundle } from './card-ui-loader';
import { createDismissalsGate } from './dismissals-gate';
import { cardModelFor } from './knowledge';
import { createMatcherStageLoader } from './matcher-stage-loader';
import { followPageMatcher } from './page-matcher';
import { startPageSession, type PageSession } from './page-session';
import { createReporter, toMessage } from './reporter';

export default defineContentScript({
  matches: ['<all_urls>'],
  runAt: 'document_idle',
  allFrames: false,
  // highlights.css goes into the manifest: applied by the browser, never a <style> in the page.
  cssInjectionMode: 'manifest',
  // WXT would otherwise post the extension's id to the page with window.postMessage on every start.
  noScriptStartedPostMessage: true,
  main(ctx) {
    start(ctx);
  },
});

/** Restarts allowed after page-forged invalidations, so a hostile page cannot keep us rescanning forever. */
const MAX_RESTARTS = 20;
let restarts = 0;

function start(ctx: ContentScriptContext): void {
  ctx.onInvalidated(() => {
    // WXT stops a content script when a "newer copy started" DOM event arrives, and any page can dispatch
    // that event. The extension is really gone (reloaded, updated, removed) only when runtime.id is; otherwise
    // the event was forged, and we start again on a fresh context (the old one has removed its UI).
    if (failed || browser.runtime?.id == null || restarts >= MAX_RESTARTS) return;
    restarts += 1;
    // The class is taken from the instance: importing it as a value would run WXT's page-only statics at build time.
    const Context = ctx.constructor as new (name: string, options: { noScriptStartedPostMessage: boolean }) => ContentScriptContext;
    start(new Context('content', { noScriptStartedPostMessage: true }));
  });
  let failed = false;
  void run(ctx).catch((error: unknown) => {
    // Never throw into the page; if the extension went away, stop everything (removes our host).
    if (ctx.isInvalid) return;
    console.debug('[grok-context] content script failed', error);
    failed = true;
    ctx.abort();
  });
}

async function run(ctx: ContentScriptContext): Promise<void> {
  const site = siteOf(location.href);
  const lang = uiLangFrom(browser.i18n.getUILanguage());
  const contextPage = browser.runtime.getURL('/context.html');

  const stored = await readPageState();
  let { settings } = stored;
  /** Read when the page first has a candidate (./dismissals-gate.ts): until then no finding can be committed. */
  let dismissals: readonly Dismissal[] = [];
  /**
   * Null until a matcher snapshot could be had (page-matcher.ts): the page is not checked until then. Its
   * matching part is loaded when the page first has a candidate.
   */
  let matcher: Matcher | null = null;
  if (ctx.isInvalid) return;

  // The card and its incident texts come with the card's bundle, loaded the first time a card is asked for; the
  // matcher with its bundle, the first time the page has a candidate. The content script's two import() calls
  // (scripts/lint-firefox.ts accepts the linter's warning for these only).
  const cardBundle = createCardBundleLoader({ importBundle: () => import(/* @vite-ignore */ browser.runtime.getURL('/card-ui.js')), scope: globalThis });
  const loadStage = createMatcherStageLoader({
    importBundle: () => import(/* @vite-ignore */ browser.runtime.getURL('/matcher-stage.js')),
    scope: globalThis,
  });
  let details: IncidentDetailsClient | null = null;
  /** The page's findings as last reported: the first card asks for all their incidents at once. */
  let reported: readonly PageFinding[] = [];
  /** Whether the current session's scan has settled once (the page has been checked: `page-status` answers). */
  let checked = false;
  const detailsFrom = (bundle: CardBundle): IncidentDetailsClient => {
    if (details !== null) return details;
    details = bundle.createIncidentDetailsClient({
      send: (request) => browser.runtime.sendMessage(request),
      debug: (...args) => {
        if (!ctx.isInvalid) console.debug('[grok-context]', ...args);
      },
    });
    // One request for every finding's incident (the card being opened waits for it), so the next cards open at once.
    void details.prefetch(reported);
    return details;
  };
  /** `use` of the card's bundle: at once once it is loaded, else when it has loaded. */
  const withCard = <T>(use: (bundle: CardBundle) => T | Promise<T>): T | Promise<T> => {
    const bundle = cardBundle();
    return bundle instanceof Promise ? bundle.then(use) : use(bundle);
  };
  const cardUi = (): CreateCardUi | Promise<CreateCardUi> => withCard((bundle) => bundle.createCardUi);

  const reporter = createReporter({
    signal: ctx.signal,
    send: (message) => browser.runtime.sendMessage(message),
    onSendError: (error) => {
      if (!ctx.isInvalid) console.debug('[grok-context] could not report findings', error);
    },
  });

  let session: PageSession | null = null;
  let sessionController: AbortController | null = null;
  const dismissalsGate = createDismissalsGate({
    read: readPageDismissals,
    onKnown(next) {
      dismissals = next;
      session?.setFilter(dismissalFilter(dismissals, site));
    },
    debug: (...args) => {
      if (!ctx.isInvalid) console.debug('[grok-context]', ...args);
    },
  });

  const kindsOf = (current: Settings): FindingKind[] =>
    (['fabricated-headline', 'grok-summary'] as const).filter((kind) => current.kinds[kind]);
  const statusOf = (current: Settings): PageStatus =>
    current.paused ? 'paused' : current.disabledSites.includes(site) ? 'site-disabled' : 'checked';

  function onDismiss(model: CardModel): void {
    const dismissal: Dismissal = {
      site,
      key: dismissalKey(model.text) || model.findingId,
      text: model.text.slice(0, DISMISSAL_TEXT_MAX),
      kind: model.kind,
      ...(model.incident !== undefined ? { incident: model.incident.id } : {}),
      at: Date.now(),
    };
    // The storage watch below applies it (here and in other tabs of the site).
    addPageDismissal(dismissal).catch((error: unknown) => console.debug('[grok-context] could not save the dismissal', error));
  }

  function start(current: Matcher): void {
    sessionController = new AbortController();
    const signal = AbortSignal.any([ctx.signal, sessionController.signal]);
    session = startPageSession({
      document,
      signal,
      matcher: current,
      loadStage,
      kinds: kindsOf(settings),
      style: settings.highlightStyle,
      filter: dismissalFilter(dismissals, site),
      cardModel: (finding) => withCard((bundle) => cardModelFor(finding, { details: detailsFrom(bundle), lang, contextPage })),
      cardUi,
      // The card's bundle is not loaded ahead of a card: most pages with findings never show one, and loading it
      // (about 40 KB, zod's schemas built) would cost every such page some 25 ms; the first card opens that much later.
      onFindings: (findings) => {
        reported = findings;
        checked = true;
        reporter.report('checked', findings);
      },
      onDismiss,
      extensionBase: browser.runtime.getURL('/'),
      onOpenExtensionPage: (url) => {
        const message: ContentToBackground = { type: 'open-extension-page', url };
        browser.runtime.sendMessage(message).catch((error: unknown) => console.debug('[grok-context] could not open', url, error));
      },
    });
  }

  function stop(): void {
    sessionController?.abort();
    sessionController = null;
    session = null;
    reported = [];
    checked = false;
  }

  /** Brings the page in line with the current settings, dismissals and packs. */
  function apply(previous: Settings | null, matcherChanged: boolean): void {
    const status = statusOf(settings);
    if (status !== 'checked') {
      stop();
      reporter.report(status, []);
      return;
    }
    if (matcher === null) return;
    if (session === null) {
      start(matcher);
      return;
    }
    if (previous !== null && previous.highlightStyle !== settings.highlightStyle) session.setStyle(settings.highlightStyle);
    const kindsChanged = previous !== null && kindsOf(previous).join() !== kindsOf(settings).join();
    if (matcherChanged || kindsChanged) session.setMatcher(matcher, kindsOf(settings));
  }

  const matchers = followPageMatcher({
    ask: (rebuild) => requestMatcherSnapshot(rebuild, { send: (request) => browser.runtime.sendMessage(request) }),
    loadStage,
    onMatcher(next) {
      if (ctx.isInvalid) return;
      const replaced = matcher !== null;
      matcher = dismissalsGate.gate(next);
      // A paused or switched-off page has reported its status already: the matcher waits for it to be checked.
      if (statusOf(settings) === 'checked') apply(settings, replaced);
    },
    debug: (...args) => {
      if (!ctx.isInvalid) console.debug('[grok-context]', ...args);
    },
    schedule: (callback, ms) => ctx.setTimeout(callback, ms),
  });

  apply(null, false);

  // Later changes, applied without a reload (each part parsed as on the first read).
  const unwatch = watchPageState((change) => {
    if (change.settings !== undefined) {
      const previous = settings;
      settings = change.settings;
      apply(previous, false);
    }
    if (change.dismissals !== undefined) dismissalsGate.changed(change.dismissals);
    if (change.packs !== undefined) {
      // The matcher stays until the background has stored the snapshot for the new packs (reported below).
      matchers.packsChanged();
      // An imported incident's texts may have changed with its pack.
      details?.clear();
    }
    if (change.matcherSnapshot !== undefined) matchers.snapshotStored(change.matcherSnapshot);
  });
  ctx.onInvalidated(() => {
    stop();
    // Once the extension is reloaded or removed, its APIs are gone and unwatching throws: nothing to undo then.
    quietly(unwatch);
  });

  // Soft navigations (history.pushState, popstate, X's router): read the new page content again, and report its
  // findings again even if unchanged (the background drops a tab's report when its URL changes).
  let lastHref = location.href;
  const followNavigation = (): void => {
    if (location.href === lastHref) return;
    lastHref = location.href;
    reporter.reset();
    if (session !== null) session.rescan();
    // A page without a matcher is not checked: it reports nothing rather than "checked, nothing found".
    else if (matcher !== null || statusOf(settings) !== 'checked') reporter.report(statusOf(settings), []);
  };
  ctx.addEventListener(window, 'wxt:locationchange', followNavigation);
  ctx.addEventListener(window, 'popstate', followNavigation);

  // The stored snapshot, else the background's answer (after the watch is set, so a snapshot the background
  // stores meanwhile is not missed).
  void matchers.start(stored.matcherSnapshot);

  // The popup's "Show" and the next/previous finding commands.
  const onMessage = (message: unknown, _sender: unknown, sendResponse: (response: unknown) => void): false => {
    const parsed = toContentFrom(message);
    if (parsed === null) return false;
    if (parsed.type === 'page-status') {
      // What the popup shows for the page; nothing until it has been checked (the popup then says so).
      const status = statusOf(settings);
      if (status === 'checked' && !checked) return false;
      sendResponse(toMessage(status, status === 'checked' ? reported : [], site));
      return false;
    }
    let shown = false;
    try {
      shown = parsed.type === 'show-finding' ? session?.show(parsed.id) ?? false : session?.step(parsed.direction) ?? false;
    } catch (error) {
      console.debug('[grok-context] could not show the finding', error);
    }
    sendResponse({ shown });
    return false;
  };
  browser.runtime.onMessage.addListener(onMessage);
  ctx.onInvalidated(() => quietly(() => browser.runtime.onMessage.removeListener(onMessage)));
}

/** Runs a teardown step that throws when the extension's APIs are already gone (after a reload). */
function quietly(step: () => void): void {
  try {
    step();
  } catch (error) {
    console.debug('[grok-context] teardown step skipped', error);
  }
}
