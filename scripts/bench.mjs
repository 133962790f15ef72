#!/usr/bin/env node
/**
 * `npm run bench`: builds the renderer into dist/bench-renderer (a folder of its own, so that an
 * end-to-end run serving dist/renderer meanwhile is not disturbed), then runs the benchmarks in
 * bench/ with Playwright and Debian's Chromium (CHROMIUM_PATH, default /usr/bin/chromium). The
 * bench reporter prints the table of figures and writes bench/results.json.
 *
 * Exits non-zero only when something broke (the build, a benchmark that could not run to its
 * end); a figure that misses its goal is reported in the table, not failed.
 *
 * Extra arguments go to Playwright: `npm run bench -- -g memory` runs the memory benchmark only.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const env = { ...process.env, CHROMIUM_PATH: process.env.CHROMIUM_PATH || '/usr/bin/chromium' };
// Relative to vite's root (renderer/); bench/playwright.config.ts serves the same. BENCH_OUT_DIR (with
// BENCH_PORT) lets two benchmark runs on one machine keep out of each other's way.
const outDir = process.env.BENCH_OUT_DIR || '../dist/bench-renderer';
env.BENCH_OUT_DIR = outDir;

if (!fs.existsSync(env.CHROMIUM_PATH)) {
  console.error(`No Chromium at ${env.CHROMIUM_PATH}; set CHROMIUM_PATH to a Chromium or Chrome executable.`);
  process.exit(2);
}

function run(title, command, args) {
  console.log(`\n=== ${title}: ${command} ${args.join(' ')}`);
  const result = spawnSync(command, args, { cwd: root, stdio: 'inherit', env });
  if (result.error) console.error(result.error.message);
  return result.status ?? 1;
}

if (run('Build', 'npx', ['vite', 'build', '--outDir', outDir, '--emptyOutDir', '--logLevel', 'warn']) !== 0) {
  console.error('\nThe renderer did not build; no benchmarks were run.');
  process.exit(1);
}

const status = run('Benchmarks', 'npx', ['playwright', 'test', '-c', 'bench/playwright.config.ts', ...process.argv.slice(2)]);
if (status !== 0) console.error('\nA benchmark could not run to its end (see above); its figures are missing or partial.');
process.exit(status);
