#!/usr/bin/env node
/**
 * The `marginalia` command (package.json `bin`), runnable with plain Node and no build step.
 *
 * The tool is written in TypeScript (`cli/main.ts`, using `shared/`), so this launcher bundles
 * it with esbuild into node_modules/.cache/marginalia/cli.mjs on every run (tens of
 * milliseconds; the sources are always the ones checked out) and imports the bundle. The
 * bundle is written beside its final name and renamed into place, so that runs in parallel
 * never import a half-written file.
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const cacheDir = path.join(root, 'node_modules', '.cache', 'marginalia');
const bundlePath = path.join(cacheDir, 'cli.mjs');

async function loadEsbuild() {
  try {
    return await import('esbuild');
  } catch {
    process.stderr.write('marginalia: esbuild is not installed; run `npm install` in the Marginalia folder first\n');
    process.exit(1);
  }
}

async function bundleCli() {
  const { build } = await loadEsbuild();
  let result;
  try {
    result = await build({
      absWorkingDir: root,
      entryPoints: ['cli/main.ts'],
      bundle: true,
      platform: 'node',
      format: 'esm',
      target: 'node20',
      // Strict type checking is `tsc -b`'s job; esbuild only strips the types.
      tsconfig: path.join(root, 'cli/tsconfig.json'),
      write: false,
      outfile: bundlePath,
      logLevel: 'error',
    });
  } catch {
    // esbuild has printed the errors.
    process.exit(1);
  }
  fs.mkdirSync(cacheDir, { recursive: true });
  const temporary = `${bundlePath}.${process.pid}.tmp`;
  fs.writeFileSync(temporary, result.outputFiles[0].contents);
  fs.renameSync(temporary, bundlePath);
}

await bundleCli();
const cli = await import(pathToFileURL(bundlePath).href);
await cli.runFromShell();
