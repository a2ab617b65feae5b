/**
 * What the scanner needs once a page has text to match (./scanner.ts `MatchingParts`): the findings index and
 * the stream reader. The content script has them in the matcher's bundle (entrypoints/matcher-stage.ts); tests
 * and the benchmark pass them at once.
 */
import { createFindingsIndex } from './findings';
import type { MatchingParts } from './scanner';
import { StreamReader } from './stream-reader';

export const matchingParts: MatchingParts = {
  createFindingsIndex,
  createStreamReader: (root, options) => new StreamReader(root, options),
};
