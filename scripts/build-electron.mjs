#!/usr/bin/env node
/**
 * Bundles the Electron main process and preload with esbuild.
 *
 *   electron/main.ts    -> dist/electron/main.cjs     (Node, CommonJS)
 *   electron/preload.ts -> dist/electron/preload.cjs  (sandboxed preload, CommonJS)
 *
 * Both are bundled, not just transpiled: the preload runs sandboxed and cannot `require` local
 * files, and a single main bundle keeps `shared/` out of the packaged app's module resolution.
 * `electron` stays external because Electron provides it at run time. The output is CommonJS
 * with a `.cjs` extension because package.json says `"type": "module"`.
 *
 * Usage: node scripts/build-electron.mjs [--watch]
 */
import { build, context } from 'esbuild';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const watch = process.argv.includes('--watch');

/** @type {import('esbuild').BuildOptions} */
const common = {
  absWorkingDir: root,
  bundle: true,
  platform: 'node',
  format: 'cjs',
  external: ['electron'],
  sourcemap: 'linked',
  logLevel: 'info',
  // Strict TypeScript settings are checked by `tsc -b`; esbuild only strips types.
  tsconfig: path.join(root, 'electron/tsconfig.json'),
};

/** @type {import('esbuild').BuildOptions[]} */
const targets = [
  {
    ...common,
    entryPoints: ['electron/main.ts'],
    outfile: 'dist/electron/main.cjs',
    // Electron 41 ships a newer Node; node20 is a floor that keeps the output plain.
    target: 'node20',
  },
  {
    ...common,
    entryPoints: ['electron/preload.ts'],
    outfile: 'dist/electron/preload.cjs',
    // The preload runs in Electron 41's renderer (Chromium 146), sandboxed, without Node's
    // module system: everything but `electron` must be inside the bundle.
    target: 'chrome146',
  },
];

if (watch) {
  const contexts = await Promise.all(targets.map((options) => context(options)));
  await Promise.all(contexts.map((ctx) => ctx.watch()));
  console.log('Watching electron/ and shared/ for changes…');
} else {
  await Promise.all(targets.map((options) => build(options)));
}
