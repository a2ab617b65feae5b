/**
 * Renders the annotation card in real browsers, as a content script of a throwaway extension, on pages whose
 * CSP forbids inline styles and whose own CSS is hostile, and saves PNG screenshots.
 *   node --import tsx src/ui/card/preview/screenshots.ts [outDir]   (default /work/screens)
 * Prints what the page can observe of our styling (computed styles inside the open shadow root).
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium } from 'playwright-core';
import puppeteer from 'puppeteer-core';

const outDir = resolve(process.argv[2] ?? '/work/screens');
const only = process.argv[3]; // 'chromium' | 'firefox'
mkdirSync(outDir, { recursive: true });
const work = mkdtempSync(join(tmpdir(), 'gc-card-preview-'));

function buildExtension(browser: 'chromium' | 'firefox'): string {
  const dir = join(work, `ext-${browser}`);
  mkdirSync(dir, { recursive: true });
  execFileSync('node_modules/.bin/esbuild', [
    'src/ui/card/preview/preview-content.ts', '--bundle', '--format=iife', '--target=es2022', `--outfile=${join(dir, 'content.js')}`,
  ]);
  const contentScripts = [{ matches: ['http://127.0.0.1/*'], js: ['content.js'], run_at: 'document_idle' }];
  const manifest =
    browser === 'chromium'
      ? { manifest_version: 3, name: 'gc card preview', version: '1.0', content_scripts: contentScripts }
      : {
          manifest_version: 2, name: 'gc card preview', version: '1.0', content_scripts: contentScripts,
          browser_specific_settings: { gecko: { id: 'gc-card-preview@example.org' } },
        };
  writeFileSync(join(dir, 'manifest.json'), JSON.stringify(manifest));
  return dir;
}

const PAGE_CSS = `
* { font-family: Georgia, serif !important; color: #c00 !important; box-sizing: content-box; letter-spacing: 1px; }
gc-root, div { display: none !important; }
html > * { position: static !important; transform: scale(0.5) !important; }
body { margin: 0; padding: 24px 40px; font-size: 18px; line-height: 1.5; }
body.dark { background: #15202b; } body.dark * { color: #e7e9ea !important; }
body.light * { color: #222 !important; }
h1 { font-size: 26px; } .mark { background: #fff2a8; } body.dark .mark { background: #5a4a00; }
.trend { border: 1px solid #ccc; border-radius: 12px; padding: 12px 16px; max-width: 560px; }
.label { font-size: 13px; opacity: .7; }
`;

const pages: Record<string, { dir?: string; lang?: string; theme: string; body: string }> = {
  light: {
    theme: 'light',
    body: `<h1>Tech news roundup</h1><p>On 4 April 2024 X promoted a trending headline:
      <span class="mark" data-gc-preview>Iran Strikes Tel Aviv with Heavy Missiles</span>. It spread quickly.</p>
      <p>${'Lorem ipsum dolor sit amet, consectetur adipiscing elit. '.repeat(12)}</p>`,
  },
  dark: {
    theme: 'dark',
    body: `<h1>Timeline</h1><p>Trending in Israel · <span class="mark" data-gc-preview>Iran Strikes Tel Aviv with Heavy Missiles</span></p>
      <p>${'Posts about the story keep coming in. '.repeat(14)}</p>`,
  },
  he: {
    dir: 'rtl', lang: 'he', theme: 'light',
    body: `<h1>חדשות טכנולוגיה</h1><p>ב-4 באפריל 2024 X קידמה כותרת:
      <span class="mark" data-gc-preview>איראן תוקפת את תל אביב בטילים כבדים</span>. היא התפשטה במהירות.</p>
      <p>${'זהו טקסט לדוגמה של כתבה ארוכה. '.repeat(16)}</p>`,
  },
  summary: {
    theme: 'light',
    body: `<h1>Explore</h1><section class="trend"><div class="label">Trending now</div>
      <p data-gc-preview><b>Chip stocks rally</b> Tech stocks rallied on Tuesday as investors weighed new chip export rules, according to posts on X.</p>
      <p class="label">This story is a summary of posts on X and may evolve over time. Grok can make mistakes, verify its outputs.</p></section>
      <p>${'More trends below. '.repeat(20)}</p>`,
  },
  bottom: {
    theme: 'light',
    body: `<p>${'Filler text to push the mark down. '.repeat(60)}</p><p>Near the bottom:
      <span class="mark" data-gc-preview>Klay Thompson Accused in Bizarre Brick-Vandalism Spree</span></p>`,
  },
};

const server = createServer((req, res) => {
  const url = new URL(req.url ?? '/', 'http://127.0.0.1');
  if (url.pathname === '/page.css') {
    res.writeHead(200, { 'content-type': 'text/css' }).end(PAGE_CSS);
    return;
  }
  const page = pages[url.pathname.slice(1)];
  if (!page) {
    res.writeHead(404).end();
    return;
  }
  res.writeHead(200, {
    'content-type': 'text/html; charset=utf-8',
    // No 'unsafe-inline': the card must be styled anyway.
    'content-security-policy': "default-src 'self'; style-src 'self'; script-src 'self'",
  });
  res.end(`<!doctype html><html${page.dir ? ` dir="${page.dir}"` : ''}${page.lang ? ` lang="${page.lang}"` : ''}><head><meta charset="utf-8">
    <link rel="stylesheet" href="/page.css"><title>${url.pathname}</title></head><body class="${page.theme}">${page.body}</body></html>`);
});
await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
const port = (server.address() as { port: number }).port;

const shots: Array<{ name: string; path: string }> = [
  { name: 'en-light', path: 'light?lang=en' },
  { name: 'en-dark', path: 'dark?lang=en' },
  { name: 'he-rtl', path: 'he?lang=he' },
  { name: 'en-card-he-text', path: 'he?lang=en' },
  { name: 'grok-summary', path: 'summary?lang=en&card=summary' },
  { name: 'he-summary', path: 'summary?lang=he&card=summary' },
  { name: 'flip-above-keyboard', path: 'bottom?lang=en&card=chatbot&via=keyboard' },
];

/** What the page can read of our rendering (runs in the page). */
const probe = (): unknown => {
  const host = document.querySelector('gc-root');
  const root = host?.shadowRoot;
  const card = root?.querySelector('.card');
  const wrap = root?.querySelector('.wrap');
  if (!host || !root || !card || !wrap) return { error: 'no card', hosts: document.querySelectorAll('gc-root').length };
  const cs = getComputedStyle(card);
  const ws = getComputedStyle(wrap);
  return {
    hosts: document.querySelectorAll('gc-root').length,
    styles: (host as HTMLElement).dataset.styles,
    hostDisplay: getComputedStyle(host).display,
    wrapPosition: ws.position,
    cardBg: cs.backgroundColor,
    cardFont: cs.fontFamily.slice(0, 30),
    cardColor: cs.color,
    box: wrap.getBoundingClientRect().toJSON(),
    focused: root.activeElement?.className ?? null,
  };
};

async function runChromium(): Promise<void> {
  const ext = buildExtension('chromium');
  const context = await chromium.launchPersistentContext(join(work, 'chromium-profile'), {
    executablePath: '/usr/bin/chromium',
    headless: true,
    viewport: { width: 900, height: 640 },
    args: [`--disable-extensions-except=${ext}`, `--load-extension=${ext}`, '--no-sandbox', '--disable-gpu', '--no-first-run',
      '--disable-background-networking', '--disable-component-update', '--disable-sync', '--disable-quic'],
  });
  const page = context.pages()[0] ?? (await context.newPage());
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  page.on('console', (m) => { if (m.type() === 'error') errors.push(m.text()); });
  for (const shot of shots) {
    await page.goto(`http://127.0.0.1:${port}/${shot.path}`);
    await page.waitForFunction(() => document.querySelector('gc-root')?.shadowRoot?.querySelector('.card'));
    const file = join(outDir, `card-${shot.name}.png`);
    await page.screenshot({ path: file });
    console.log('chromium', shot.name, JSON.stringify(await page.evaluate(probe)));
  }
  console.log('chromium errors:', errors);
  await context.close();
}

async function runFirefox(): Promise<void> {
  const ext = buildExtension('firefox');
  const browser = await puppeteer.launch({
    browser: 'firefox',
    executablePath: '/usr/bin/firefox-esr',
    headless: true,
    args: ['-remote-allow-system-access'],
    defaultViewport: { width: 900, height: 640 },
  });
  await browser.installExtension(ext);
  const page = await browser.newPage();
  for (const shot of shots.filter((s) => ['en-light', 'en-dark', 'he-rtl', 'grok-summary'].includes(s.name))) {
    await page.goto(`http://127.0.0.1:${port}/${shot.path}`);
    await page.waitForFunction(() => document.querySelector('gc-root')?.shadowRoot?.querySelector('.card'), { timeout: 10000 });
    await page.screenshot({ path: join(outDir, `card-firefox-${shot.name}.png`) });
    console.log('firefox', shot.name, JSON.stringify(await page.evaluate(probe)));
  }
  await browser.close();
}

try {
  if (only !== 'firefox') await runChromium();
  if (only !== 'chromium') await runFirefox();
} finally {
  server.close();
}
