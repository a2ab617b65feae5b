/**
 * The page bundles (the content script, the matcher's, the card's) start with V8's compile hint
 * (scripts/compile-hints.ts), in both built extensions, as the first line of otherwise unchanged code; the
 * extension's own pages and the background do not. The built checks are skipped (with a message) when the
 * builds are missing.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { OutputBundle, OutputChunk } from 'rolldown';
import { describe, expect, test } from 'vitest';
import { COMPILE_HINT, HINTED_BUNDLES, compileHints } from '../../scripts/compile-hints';
import { builtDir, builtManifest, type Target } from './built-output';

function chunk(fileName: string, code: string): OutputChunk {
  return { type: 'chunk', fileName, code } as OutputChunk;
}

/** Runs the plugin's generateBundle over `bundle`, as the build does after WXT's own plugins. */
function generate(bundle: OutputBundle): void {
  const hook = compileHints().generateBundle as (this: unknown, options: unknown, bundle: OutputBundle) => void;
  hook.call({}, {}, bundle);
}

describe('compileHints', () => {
  test('puts the hint on its own first line of the named bundles only, once', () => {
    const bundle: OutputBundle = {
      'content-scripts/content.js': chunk('content-scripts/content.js', '(function(){})();'),
      'matcher-stage.js': chunk('matcher-stage.js', '(function(){})();'),
      'background.js': chunk('background.js', '(function(){})();'),
    };
    generate(bundle);
    generate(bundle);
    expect((bundle['content-scripts/content.js'] as OutputChunk).code).toBe(`${COMPILE_HINT}\n(function(){})();`);
    expect((bundle['matcher-stage.js'] as OutputChunk).code).toBe(`${COMPILE_HINT}\n(function(){})();`);
    expect((bundle['background.js'] as OutputChunk).code).toBe('(function(){})();');
  });
});

for (const target of ['chrome', 'firefox'] as const satisfies readonly Target[]) {
  describe.skipIf(builtManifest(target) === undefined)(`built ${target} bundles`, () => {
    const read = (file: string): string => readFileSync(join(builtDir(target), file), 'utf8');
    test('the content script, the matcher and the card start with the hint, then the anonymous IIFE WXT makes', () => {
      for (const file of HINTED_BUNDLES) {
        const [first, rest] = [read(file).split('\n', 1)[0], read(file).slice(COMPILE_HINT.length + 1)];
        expect(first, file).toBe(COMPILE_HINT);
        expect(rest.startsWith('(function(){'), file).toBe(true);
      }
    });
    test('the background has no hint (it runs apart from pages)', () => {
      expect(existsSync(join(builtDir(target), 'background.js'))).toBe(true);
      expect(read('background.js').startsWith(COMPILE_HINT)).toBe(false);
    });
  });
}
