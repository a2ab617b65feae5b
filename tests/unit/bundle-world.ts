/** A content-script world for the bundle loaders' tests (entrypoints/content/bundle-loader.ts). */

/** What one import of the bundle does: leaves the whole bundle, fails, leaves nothing, or leaves part of it. */
export type ImportOutcome = 'loads' | 'fails' | 'leaves-nothing' | 'leaves-half';

export interface BundleWorld {
  scope: Record<string, unknown>;
  /** Imports so far. */
  imports(): number;
  importBundle(): Promise<unknown>;
}

/**
 * A world whose bundle, each time it is imported, does the next of `outcomes` (then loads): it leaves `whole`
 * (or `half`) under `global` of the world's scope.
 */
export function bundleWorld(global: string, whole: unknown, half: unknown, outcomes: readonly ImportOutcome[]): BundleWorld {
  const scope: Record<string, unknown> = {};
  let count = 0;
  return {
    scope,
    imports: () => count,
    importBundle: async () => {
      const outcome = outcomes[count++] ?? 'loads';
      if (outcome === 'fails') throw new Error('import failed');
      if (outcome === 'loads') scope[global] = whole;
      if (outcome === 'leaves-half') scope[global] = half;
      return {};
    },
  };
}
