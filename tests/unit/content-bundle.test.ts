import { build } from 'esbuild';
import { describe, expect, it } from 'vitest';

/** Every module the content script's bundle reaches (esbuild; `wxt/*` resolves to the installed package as in the build). */
async function contentInputs(): Promise<string[]> {
  const result = await build({
    entryPoints: ['entrypoints/content/index.ts'],
    bundle: true,
    write: false,
    metafile: true,
    format: 'iife',
    loader: { '.css': 'text' },
    logLevel: 'silent',
  });
  return Object.keys(result.metafile.inputs);
}

describe("the content script's bundle never holds the matcher's compiler (issue 5: it runs on every page)", () => {
  it('restores the matcher from a snapshot: the runtime is in, the compiler and the matching data are not', async () => {
    const inputs = await contentInputs();
    expect(inputs).toContain('entrypoints/content/page-matcher.ts');
    const compilerParts = [
      'src/core/compile.ts',
      'src/core/index.ts',
      'src/core/stopwords.ts',
      'src/data/signals.ts',
      'src/data/claims.ts',
      'src/data/matcher-config.ts',
    ];
    expect(inputs.filter((input) => compilerParts.includes(input))).toEqual([]);
  });
});

describe("the content script's bundle holds no more than a page needs", () => {
  it("carries the snapshot's candidate filter, not the matcher: that bundle is imported when a page first has a candidate", async () => {
    const inputs = await contentInputs();
    expect(inputs).toContain('src/core/snapshot-filter.ts');
    expect(inputs).toContain('src/core/prefilter.ts');
    expect(inputs.filter((input) => ['src/core/matcher.ts', 'src/core/normalize.ts', 'src/core/anchors.ts'].includes(input))).toEqual([]);
  });

  it('leaves out what follows a match (the findings index, story cards, highlights, hover) and the stream reader: they come with the matcher', async () => {
    const inputs = await contentInputs();
    expect(inputs).toContain('src/page/scanner.ts');
    expect(inputs).toContain('src/page/text-index.ts');
    const matchParts = ['src/page/findings.ts', 'src/page/story-cards.ts', 'src/page/highlighter.ts', 'src/page/hit-test.ts', 'src/page/stream-reader.ts', 'src/page/matching-parts.ts'];
    expect(inputs.filter((input) => matchParts.includes(input))).toEqual([]);
  });

  it("leaves out the cards' texts and the knowledge-base parse (the background answers card details)", async () => {
    const inputs = await contentInputs();
    expect(inputs).not.toContain('src/data/incidents.ts');
    expect(inputs).not.toContain('src/data/index.ts');
  });

  it('leaves out the card itself and its incident texts: their bundle is imported when a page first needs a card', async () => {
    const inputs = await contentInputs();
    expect(inputs).toContain('src/ui/card/card-host.ts');
    const cardParts = [
      'src/ui/card/card-ui.ts',
      'src/ui/card/render-card.ts',
      'src/ui/card/strings.ts',
      'src/ui/card/card-styles.ts',
      'src/ui/card/place-card.ts',
      'src/messaging/incident-details-client.ts',
    ];
    expect(inputs.filter((input) => cardParts.includes(input))).toEqual([]);
  });

  it('builds no zod schema (about 20 ms of start-up on every page): stored values and messages are checked by hand', async () => {
    const inputs = await contentInputs();
    expect(inputs.filter((input) => input.includes('node_modules/zod/'))).toEqual([]);
    expect(inputs).toContain('src/settings/values.ts');
    expect(inputs).toContain('src/messaging/page-messages.ts');
  });

  it("reads storage directly, without WXT's storage items", async () => {
    const inputs = await contentInputs();
    expect(inputs).toContain('src/settings/page-storage.ts');
    expect(inputs.filter((input) => input.includes('@wxt-dev/storage') || input === 'src/settings/storage.ts')).toEqual([]);
  });
});
