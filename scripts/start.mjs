#!/usr/bin/env node
/**
 * `npm start`: build the app, then open it in Electron on the bundled sample — or, where no
 * Electron binary is installed, say so plainly and serve the same workstation on localhost for
 * a browser.
 */
import { spawn, spawnSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { preview } from 'vite';
import { findElectronBinary } from './electron-binary.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

function run(command, args) {
  const result = spawnSync(command, args, { cwd: root, stdio: 'inherit', shell: process.platform === 'win32' });
  if (result.status !== 0) process.exit(result.status ?? 1);
}

console.log('Building Marginalia…');
run('npx', ['vite', 'build', '--logLevel', 'warn']);
run('node', ['scripts/build-electron.mjs']);

const binary = findElectronBinary();
if ('executable' in binary) {
  const child = spawn(binary.executable, [path.join(root, 'dist/electron/main.cjs')], { cwd: root, stdio: 'inherit' });
  child.on('exit', (code) => process.exit(code ?? 0));
} else {
  const server = await preview({
    root: path.join(root, 'renderer'),
    configFile: path.join(root, 'vite.config.ts'),
    preview: { host: '127.0.0.1', port: Number(process.env.PORT || 5173), strictPort: false, open: false },
    logLevel: 'warn',
  });
  const url = server.resolvedUrls?.local[0] ?? 'http://127.0.0.1:5173/';
  console.log(
    [
      '',
      'The desktop window cannot open: Electron’s binary is not installed on this machine',
      '(its download is disabled here). Serving the same workstation for your browser instead:',
      '',
      `    ${url}`,
      '',
      'Your library is kept in that browser’s storage for this address. Press Ctrl+C to stop.',
    ].join('\n'),
  );
}
