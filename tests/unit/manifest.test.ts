/**
 * The built manifests are what the stores review: Chrome's carries nothing Firefox-only, Firefox's has a
 * fixed add-on id and declares that no data is collected, both ask for `storage` alone, and both take their
 * version from package.json. Skipped (with a message) when the builds are missing.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { builtManifest } from './built-output';

const pkg = JSON.parse(readFileSync('package.json', 'utf8')) as { version: string };
const chrome = builtManifest('chrome');
const firefox = builtManifest('firefox');

interface Gecko {
  id?: string;
  data_collection_permissions?: { required?: string[]; optional?: string[] };
}

describe.skipIf(chrome === undefined)('built Chrome manifest', () => {
  const manifest = chrome as Record<string, unknown>;
  test('is MV3 with no browser_specific_settings', () => {
    expect(manifest.manifest_version).toBe(3);
    expect(manifest).not.toHaveProperty('browser_specific_settings');
  });
  test('asks for storage and nothing else', () => {
    expect(manifest.permissions).toEqual(['storage']);
    expect(manifest).not.toHaveProperty('host_permissions');
    expect(manifest).not.toHaveProperty('optional_permissions');
  });
  test('has the version of package.json', () => {
    expect(manifest.version).toBe(pkg.version);
  });
});

describe.skipIf(firefox === undefined)('built Firefox manifest', () => {
  const manifest = firefox as Record<string, unknown>;
  const gecko = (manifest.browser_specific_settings as { gecko?: Gecko } | undefined)?.gecko;
  test('has a gecko id and declares no data collection', () => {
    expect(gecko?.id).toMatch(/^[\w.-]+@[\w.-]+$/);
    expect(gecko?.data_collection_permissions).toEqual({ required: ['none'] });
  });
  test('asks for storage and nothing else', () => {
    expect(manifest.permissions).toEqual(['storage']);
    expect(manifest).not.toHaveProperty('optional_permissions');
  });
  test('has the version of package.json', () => {
    expect(manifest.version).toBe(pkg.version);
  });
});
