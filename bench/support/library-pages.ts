/**
 * The library benchmark's own pages (bench/pages/), built at bench time with esbuild from the
 * app's modules, and served under /bench/ on the app's origin by Playwright's request routing,
 * so that they share the app's IndexedDB without being part of the app's build:
 *
 * - /bench/harness.html — the loader and harness (library-harness.ts): seeds the library, and
 *   runs the pack and re-anchoring measurements;
 * - /bench/bare.html — a bare ProseMirror view of a transcription (bare-prosemirror.ts), with the
 *   app's own stylesheet, the baseline of opening a document.
 *
 * Both are minified, as the app's production build is (BENCH_PAGES_MINIFY=0 keeps the names, for
 * reading a CPU profile of them).
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { BrowserContext, Page } from '@playwright/test';
import { build } from 'esbuild';

const pagesDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', 'pages');

interface Bundles {
  harness: string;
  bare: string;
}

let bundles: Promise<Bundles> | null = null;

async function bundle(entry: string): Promise<string> {
  const result = await build({
    entryPoints: [path.join(pagesDir, entry)],
    bundle: true,
    format: 'iife',
    platform: 'browser',
    target: 'es2022',
    minify: process.env.BENCH_PAGES_MINIFY !== '0',
    write: false,
    logLevel: 'warning',
    define: { __APP_VERSION__: '"bench"', 'process.env.NODE_ENV': '"production"' },
  });
  return result.outputFiles[0]!.text;
}

/** The two pages' scripts, built once per worker. */
export function pageBundles(): Promise<Bundles> {
  bundles ??= (async () => {
    const started = Date.now();
    const [harness, bare] = await Promise.all([bundle('library-harness.ts'), bundle('bare-prosemirror.ts')]);
    console.log(`  bench pages built in ${Date.now() - started} ms (${Math.round(harness.length / 1024)} KiB and ${Math.round(bare.length / 1024)} KiB)`);
    return { harness, bare };
  })();
  return bundles;
}

/** The stylesheet the app's built index.html links, as a path on the server. */
async function appStylesheet(baseURL: string): Promise<string> {
  const html = await (await fetch(`${baseURL}/`)).text();
  const href = /<link[^>]+rel="stylesheet"[^>]+href="([^"]+)"/.exec(html)?.[1] ?? /<link[^>]+href="([^"]+\.css)"/.exec(html)?.[1];
  if (!href) throw new Error('The app build links no stylesheet');
  return new URL(href, `${baseURL}/`).pathname;
}

/** Serves /bench/harness.html and /bench/bare.html (and their scripts) in this context. */
export async function serveBenchPages(context: BrowserContext, baseURL: string): Promise<void> {
  const { harness, bare } = await pageBundles();
  const css = await appStylesheet(baseURL);
  const pages: Record<string, { body: string; contentType: string }> = {
    '/bench/harness.html': {
      contentType: 'text/html; charset=utf-8',
      body: '<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Library bench harness</title></head><body><p>Library benchmark harness</p><script src="/bench/harness.js"></script></body></html>',
    },
    '/bench/harness.js': { contentType: 'text/javascript; charset=utf-8', body: harness },
    '/bench/bare.html': {
      contentType: 'text/html; charset=utf-8',
      body:
        `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Bare ProseMirror view</title><link rel="stylesheet" href="${css}"></head>` +
        '<body><button id="open" type="button" style="position:fixed;left:16px;top:16px">Open</button>' +
        '<section id="pane" class="transcription-pane" aria-label="Transcription pane" style="position:fixed;overflow:auto;left:0;top:0;width:0;height:0">' +
        '<div id="mount" class="transcription"></div></section><script src="/bench/bare.js"></script></body></html>',
    },
    '/bench/bare.js': { contentType: 'text/javascript; charset=utf-8', body: bare },
  };
  await context.route(
    (url) => url.pathname.startsWith('/bench/'),
    (route) => {
      const page = pages[new URL(route.request().url()).pathname];
      return page ? route.fulfill({ status: 200, contentType: page.contentType, body: page.body }) : route.fulfill({ status: 404, body: 'not found' });
    },
  );
}

/** Opens the harness page and waits for `window.benchLibrary`. */
export async function openHarness(page: Page): Promise<void> {
  await page.goto('/bench/harness.html');
  await page.waitForFunction(() => 'benchLibrary' in window);
}
