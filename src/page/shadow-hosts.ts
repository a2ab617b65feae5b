/**
 * Finding open shadow roots, where web components keep text of their own: the scanner reads each one found as a
 * root of its own (see ./scanner.ts).
 *
 * Only an element's own `shadowRoot` tells, so a search visits every element below its root, in time slices
 * (the walk resumes where it stopped, or starts the root over when the page removed that place). A custom
 * element the page has not defined yet has no shadow root so far: its code often loads after the page, and the
 * shadow root comes with it. Those are asked again a few times (0.5 to 30 s later), then left alone.
 */
import { HOST_TAG, type ReadRoot } from './text-index';

export interface ShadowHostFinderOptions {
  document: Document;
  signal: AbortSignal;
  /** An open shadow root was found (the same one may be reported again by a later search). */
  onFound(shadow: ShadowRoot): void;
  /** A later look found shadow roots (already reported through `onFound`): the scanner has work again. */
  onLate(): void;
  /** When custom elements not defined yet are asked again (ms; default UPGRADE_CHECKS_MS). */
  upgradeChecksMs?: readonly number[] | undefined;
}

export interface ShadowHostFinder {
  /** Searches `root` and everything below it (the root itself included) when its turn comes. */
  search(root: ReadRoot): void;
  /** A search is queued or under way. */
  readonly busy: boolean;
  /** Searches until there is nothing left or `shouldYield()` says the slice is over. */
  step(shouldYield: () => boolean): void;
  /** Drops the queued searches (the whole page is read again). */
  clear(): void;
}

/** Elements looked at between two looks at the clock. */
const ELEMENTS_PER_CHECK = 512;
/** When custom elements not defined yet are asked again for a shadow root (ms after the last one was found). */
export const UPGRADE_CHECKS_MS: readonly number[] = [500, 2000, 8000, 30000];

export function createShadowHostFinder(options: ShadowHostFinderOptions): ShadowHostFinder {
  const { document, signal, onFound } = options;
  const upgradeChecksMs = options.upgradeChecksMs ?? UPGRADE_CHECKS_MS;
  const queue: ReadRoot[] = [];
  let current: { root: ReadRoot; walker: TreeWalker } | null = null;
  /** Custom elements not defined yet when searched. */
  const undefinedHosts = new Set<Element>();
  let upgradeCheck = 0;
  let upgradeTimer: ReturnType<typeof setTimeout> | undefined;

  const found = (element: Element): void => {
    const shadow = element.shadowRoot;
    if (shadow !== null && element.localName !== HOST_TAG) onFound(shadow);
  };

  function begin(root: ReadRoot): void {
    current = { root, walker: document.createTreeWalker(root, 1 /* NodeFilter.SHOW_ELEMENT */) };
    // The walk visits what is below the root: an added element may be a host itself.
    if (root.nodeType === 1) found(root as Element);
    const waiting = root.querySelectorAll(':not(:defined)');
    if (waiting.length === 0) return;
    for (const element of waiting) undefinedHosts.add(element);
    upgradeCheck = 0;
    planUpgradeCheck();
  }

  function planUpgradeCheck(): void {
    if (upgradeTimer !== undefined || signal.aborted) return;
    const delay = upgradeChecksMs[upgradeCheck];
    if (delay !== undefined) upgradeTimer = setTimeout(checkUpgrades, delay);
  }

  /** Custom elements defined since they were searched: their shadow roots are reported; the rest wait on. */
  function checkUpgrades(): void {
    upgradeTimer = undefined;
    upgradeCheck++;
    let late = false;
    for (const element of undefinedHosts) {
      const shadow = element.isConnected ? element.shadowRoot : null;
      if (shadow !== null) {
        onFound(shadow);
        late = true;
      }
      if (shadow !== null || !element.isConnected || element.matches(':defined')) undefinedHosts.delete(element);
    }
    if (late) options.onLate();
    if (undefinedHosts.size === 0) return;
    // Still not defined after the last look: left alone (and not kept alive by us).
    if (upgradeCheck < upgradeChecksMs.length) planUpgradeCheck();
    else undefinedHosts.clear();
  }

  signal.addEventListener(
    'abort',
    () => {
      clearTimeout(upgradeTimer);
      undefinedHosts.clear();
      queue.length = 0;
      current = null;
    },
    { once: true },
  );

  return {
    search(root): void {
      queue.push(root);
    },
    get busy(): boolean {
      return current !== null || queue.length > 0;
    },
    step(shouldYield): void {
      // Many small roots (a page of web components) are searched in one go, up to the clock's next look.
      let count = 0;
      for (;;) {
        if (current === null) {
          const root = queue.shift();
          if (root === undefined) return;
          if (!root.isConnected) continue;
          begin(root);
        }
        const { root, walker } = current as { root: ReadRoot; walker: TreeWalker };
        // Resuming: the page may have removed the element we stopped at; look through the root again.
        if (!root.contains(walker.currentNode)) walker.currentNode = root;
        for (let element = walker.nextNode() as Element | null; element !== null; element = walker.nextNode() as Element | null) {
          found(element);
          if (++count % ELEMENTS_PER_CHECK === 0 && shouldYield()) return;
        }
        current = null;
        if (shouldYield()) return;
      }
    },
    clear(): void {
      queue.length = 0;
      current = null;
    },
  };
}
