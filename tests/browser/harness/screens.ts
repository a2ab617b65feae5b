/** Where the browser tests save screenshots for people to look at (GC_SCREENS_DIR, default test-results/screens). */
import { mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';

export const SCREENS_DIR: string = resolve(process.env.GC_SCREENS_DIR ?? 'test-results/screens');

export function screenPath(name: string): string {
  mkdirSync(SCREENS_DIR, { recursive: true });
  return join(SCREENS_DIR, `${name}.png`);
}
