import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { defineConfig } from '@playwright/test';

/**
 * Benchmarks (`npm run bench`): headless Debian Chromium against the production build served by
 * `vite preview`, like the end-to-end tests, but one test at a time (two tests measuring at once
 * would measure each other), with long timeouts, and with the bench reporter, which prints the
 * figures as a table and writes bench/results.json. scripts/bench.mjs builds the renderer into
 * dist/bench-renderer first (its own folder, so a build for the benchmarks never empties the
 * folder an end-to-end run is serving).
 */
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const chromium = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
const port = Number(process.env.BENCH_PORT || 4390);
const outDir = process.env.BENCH_OUT_DIR || '../dist/bench-renderer'; // relative to vite's root, renderer/

export default defineConfig({
  testDir: '.',
  testMatch: /\.bench\.ts$/,
  outputDir: path.join(root, 'test-results', 'bench'),
  timeout: 10 * 60_000,
  expect: { timeout: 60_000 },
  workers: 1,
  fullyParallel: false,
  retries: 0,
  reporter: [['list'], ['./support/reporter.ts']],
  use: {
    baseURL: `http://127.0.0.1:${port}`,
    viewport: { width: 1440, height: 900 },
    launchOptions: {
      executablePath: chromium,
      args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
    },
    trace: 'off',
    video: 'off',
    screenshot: 'off',
  },
  webServer: {
    command: `npx vite preview --outDir ${outDir} --port ${port} --strictPort --host 127.0.0.1`,
    cwd: root,
    url: `http://127.0.0.1:${port}`,
    reuseExistingServer: false,
    timeout: 60_000,
  },
});
