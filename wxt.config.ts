import { defineConfig } from 'wxt';
import { compileHints } from './scripts/compile-hints';

// Firefox builds as MV2: host access for content scripts is granted at install (MV3 Firefox lets users
// withhold it per site, which would silently turn detection off), and the event page survives restarts the
// same way Chrome's service worker does. See README "Browsers".
const GECKO_ID = 'grok-context@grok-context.github.io';

export default defineConfig({
  srcDir: '.',
  // Separate output folders let several builds run side by side (tests, benchmark).
  outDir: process.env.GC_OUT_DIR ?? '.output',
  entrypointsDir: 'entrypoints',
  publicDir: 'public',
  modules: ['@wxt-dev/webextension-polyfill'],
  // V8 compiles the first scan's bundles whole (see scripts/compile-hints.ts).
  vite: () => ({ plugins: [compileHints()] }),
  // Our modules live in src/ and are imported explicitly; WXT's auto-import scanner stays off.
  imports: false,
  manifest: ({ browser }) => ({
    name: '__MSG_extName__',
    description: '__MSG_extDescription__',
    default_locale: 'en',
    permissions: ['storage'],
    // The card's bundle and the matcher's, imported by the content script the first time a page needs a card
    // (entrypoints/content/card-ui-loader.ts) or has a candidate to match (page-matcher.ts). `use_dynamic_url`: Chrome serves it only at a per-session random
    // address, so a page cannot probe for the extension at its fixed id; Firefox's addresses are random per
    // install already (MV2 has a plain list: WXT converts this entry).
    web_accessible_resources: [{ resources: ['card-ui.js', 'matcher-stage.js'], matches: ['<all_urls>'], use_dynamic_url: true }],
    action: { default_title: '__MSG_extName__' },
    commands: {
      'next-finding': {
        suggested_key: { default: 'Alt+Shift+N' },
        description: '__MSG_commandNext__',
      },
      'previous-finding': {
        suggested_key: { default: 'Alt+Shift+P' },
        description: '__MSG_commandPrevious__',
      },
    },
    ...(browser === 'firefox'
      ? {
          browser_specific_settings: {
            gecko: {
              id: GECKO_ID,
              strict_min_version: '140.0',
              data_collection_permissions: { required: ['none'] },
            },
            // Firefox for Android reads data_collection_permissions from 142 on (addons-linter warns otherwise).
            gecko_android: { strict_min_version: '142.0' },
          },
        }
      : {}),
  }),
  zip: {
    artifactTemplate: '{{name}}-{{version}}-{{browser}}.zip',
    sourcesTemplate: '{{name}}-{{version}}-sources.zip',
    // The sources zip AMO asks for: exactly what rebuilds the extension (`npm ci && npm run build:firefox`),
    // nothing else. Tests, fixtures, benchmarks, CI output and build folders stay out.
    includeSources: [
      'entrypoints/**',
      'src/**',
      'public/**',
      'scripts/**',
      'package.json',
      'package-lock.json',
      'wxt.config.ts',
      'tsconfig.json',
      'README.md',
      'PRIVACY.md',
      'LICENSE*',
    ],
    // WXT also leaves out node_modules, *.test.ts and the output folder; dot folders (.wxt, .ci-out) never match.
    excludeSources: ['**/*.log'],
  },
});
