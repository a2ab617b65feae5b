/**
 * Loads a bundle of the extension's own into the content script's world, once: the parts of the content
 * script a page may never need (the card: ./card-ui-loader.ts; the matcher: ./page-matcher.ts). The content
 * script imports the bundle's extension URL; evaluated, the bundle leaves what it provides on this
 * content-script world's global object under a name of its own. The page never sees it: the import runs in
 * the extension's world, and the bundle's address is random (see wxt.config.ts, web_accessible_resources).
 */

export interface BundleLoaderOptions<T> {
  /** Evaluates the bundle (a dynamic import of its extension URL). */
  importBundle(): Promise<unknown>;
  /** Where the bundle leaves what it provides: the content script's global object. */
  scope: object;
  /** The property of `scope` it leaves it under. */
  global: string;
  /** Whether what it left is whole. */
  isBundle(value: unknown): value is T;
  /** The error when it left nothing whole. */
  missing: string;
}

/**
 * The loader: the bundle at once once loaded, else a promise for it (one import however many wait for it).
 * A failed load rejects those waiting for it, and the next call tries again.
 */
export function createBundleLoader<T>(options: BundleLoaderOptions<T>): () => T | Promise<T> {
  let loaded: T | null = null;
  let loading: Promise<T> | null = null;

  async function load(): Promise<T> {
    await options.importBundle();
    const bundle = (options.scope as Record<string, unknown>)[options.global];
    if (!options.isBundle(bundle)) throw new Error(options.missing);
    return bundle;
  }

  return () => {
    if (loaded !== null) return loaded;
    loading ??= load().then(
      (bundle) => (loaded = bundle),
      (error: unknown) => {
        loading = null;
        throw error;
      },
    );
    return loading;
  };
}

/** Whether `value` is an object whose `names` are all functions. */
export function hasFunctions(value: unknown, names: readonly string[]): boolean {
  if (typeof value !== 'object' || value === null) return false;
  return names.every((name) => typeof (value as Record<string, unknown>)[name] === 'function');
}
