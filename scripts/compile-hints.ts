/**
 * V8's compile hint for the extension's page bundles: `//# allFunctionsCalledOnLoad` as a script's first
 * line has V8 compile all of its functions with the script, instead of pre-parsing them and parsing each again,
 * on the page's main thread, the first time it is called. A page's first scan calls about half of the content
 * script's functions (177 of some 370 on a page with a finding) and most of the matcher bundle's (110 of some
 * 130), so compiling each once costs less than the pre-parse and the second parse of those called; the
 * matcher's bundle, imported as a module, is compiled mostly off the main thread as it streams in. A renderer
 * process keeps compiled code, so this is a process's first page's cost: main-thread compile on a 1 MB page
 * with a finding went from about 17–19 ms to 12–15 ms (trace, Chromium 156); on pages without a candidate (the
 * matcher's bundle not loaded) it is about even. The card's bundle, imported when a card is first asked for,
 * streams in the same way: the first card opened 1.6 ms sooner (median of 12 first hovers, 55.4 → 53.8 ms from
 * the pointer's move to the card drawn, its slowest 65 → 56). Other engines read the line as a comment.
 */
import type { Plugin } from 'vite';

export const COMPILE_HINT = '//# allFunctionsCalledOnLoad';

/** The bundles that get the hint, by their path in the built extension. */
export const HINTED_BUNDLES: readonly string[] = ['content-scripts/content.js', 'matcher-stage.js', 'card-ui.js'];

/**
 * Puts the hint at the start of each of `files` (output paths) of a build, after minification and after WXT's
 * own output plugins (its `wxt:iife-anonymous` removes a `var name=` it expects at the very start).
 */
export function compileHints(files: readonly string[] = HINTED_BUNDLES): Plugin {
  return {
    name: 'grok-context:compile-hints',
    apply: 'build',
    enforce: 'post',
    generateBundle(_options, bundle) {
      for (const output of Object.values(bundle)) {
        if (output.type === 'chunk' && files.includes(output.fileName) && !output.code.startsWith(COMPILE_HINT)) {
          output.code = `${COMPILE_HINT}\n${output.code}`;
        }
      }
    },
  };
}
