#!/usr/bin/env node
/**
 * Packaging check: runs electron-builder with the project's configuration
 * (build/electron-builder.yml) for an unpacked Linux app (`--dir`), then opens the resulting
 * app.asar and checks what went in. Needs a build first (`npm run build`); `npm test` runs it
 * right after its build step.
 *
 * The Electron it packages is a STAND-IN. The real Electron distribution cannot be downloaded
 * on the development machines, so a fake unpacked distribution is made in a temporary folder
 * (a shell script named `electron`, a resources/ folder, license files) and handed to
 * electron-builder as `electronDist`. That is enough to exercise what this project controls:
 * the configuration is read and validated by electron-builder, `files` selects what is
 * packed, the app is packed into app.asar (and its integrity hash computed), the executable is
 * renamed. What it cannot exercise: the fuses (`electronFuses`) are flipped by rewriting the
 * real Electron binary, which the stand-in is not, so they are switched off for this run; the
 * configured fuse values are checked as configuration instead. Installers (AppImage, deb, dmg,
 * NSIS) are not built either.
 *
 * Offline: with `electronDist` set, electron-builder downloads no Electron; no icon, signing or
 * native-module step applies to an unpacked Linux build. Its download caches are pointed at an
 * empty temporary folder and checked to be still empty afterwards. If electron-builder cannot
 * be loaded at all, the check reports itself skipped with the reason (exit code 0), rather
 * than failing for a reason that is not the project's.
 *
 * The last line of output is `RESULT: passed|failed|skipped — …`; with `--report=FILE` the same
 * is written to FILE as JSON ({ outcome, message }), which is how scripts/test.mjs counts it.
 *
 * Usage: node scripts/package-check.mjs [--keep] [--report=FILE]
 *   --keep leaves the temporary folder (stand-in Electron, unpacked app) in place.
 */
import fs from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(import.meta.url);
const keep = process.argv.includes('--keep');
const reportFile = process.argv.find((arg) => arg.startsWith('--report='))?.slice('--report='.length);

/** The fuse values the configuration must carry (Electron security checklist; docs/packaging.md). */
export const EXPECTED_FUSES = {
  runAsNode: false,
  enableCookieEncryption: true,
  enableNodeOptionsEnvironmentVariable: false,
  enableNodeCliInspectArguments: false,
  enableEmbeddedAsarIntegrityValidation: true,
  onlyLoadAppFromAsar: true,
  loadBrowserProcessSpecificV8Snapshot: false,
  grantFileProtocolExtraPrivileges: false,
};

/**
 * Packages that must never be inside app.asar: bundled libraries (they are in the bundles
 * already) and build tools. With no runtime dependencies, app.asar has no node_modules at all;
 * these names make a failure message specific.
 */
const DEV_ONLY_PACKAGES = ['react', 'react-dom', 'prosemirror-model', 'prosemirror-view', 'dexie', 'pdfjs-dist', 'openseadragon', 'vite', 'vitest', 'electron', 'electron-builder', 'esbuild', 'typescript'];

const failures = [];
function check(condition, message) {
  if (!condition) failures.push(message);
  return condition;
}

function finish(outcome, message) {
  console.log(`RESULT: ${outcome} — ${message}`);
  if (reportFile) fs.writeFileSync(reportFile, `${JSON.stringify({ outcome, message }, null, 2)}\n`);
  process.exitCode = outcome === 'failed' ? 1 : 0;
}

function formatBytes(bytes) {
  if (bytes >= 1024 * 1024) return `${(bytes / 1024 / 1024).toFixed(1)} MiB`;
  if (bytes >= 1024) return `${(bytes / 1024).toFixed(1)} KiB`;
  return `${bytes} B`;
}

function listFiles(dir, base = dir) {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    return entry.isDirectory() ? listFiles(full, base) : [path.relative(base, full).split(path.sep).join('/')];
  });
}

/**
 * A fake unpacked Electron for Linux: just the files electron-builder copies, renames or moves.
 * (No resources/default_app.asar: electron-builder keeps a custom distribution as it is.)
 */
function makeStandInElectron(dir, version) {
  fs.mkdirSync(path.join(dir, 'resources'), { recursive: true });
  fs.mkdirSync(path.join(dir, 'locales'), { recursive: true });
  fs.writeFileSync(path.join(dir, 'electron'), '#!/bin/sh\necho "stand-in for Electron: packaging check only" >&2\nexit 1\n', { mode: 0o755 });
  fs.writeFileSync(path.join(dir, 'locales', 'en-US.pak'), '');
  fs.writeFileSync(path.join(dir, 'LICENSE'), 'stand-in for Electron\'s LICENSE\n');
  fs.writeFileSync(path.join(dir, 'LICENSES.chromium.html'), '<!-- stand-in -->\n');
  fs.writeFileSync(path.join(dir, 'version'), `${version}\n`);
}

async function main() {
  // The build this packs.
  const packageJson = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8'));
  const mainEntry = packageJson.main;
  const needed = [mainEntry, 'dist/electron/preload.cjs', 'dist/renderer/index.html'];
  const missing = needed.filter((file) => !fs.existsSync(path.join(root, file)));
  if (missing.length > 0) {
    finish('failed', `no build to package (${missing.join(', ')} missing); run \`npm run build\` first`);
    return;
  }

  let builder;
  let yaml;
  try {
    builder = require('electron-builder');
    yaml = createRequire(require.resolve('app-builder-lib/package.json'))('js-yaml');
  } catch (error) {
    finish('skipped', `electron-builder could not be loaded (${error instanceof Error ? error.message : String(error)})`);
    return;
  }
  const asar = require('@electron/asar');

  const configFile = path.join(root, 'build/electron-builder.yml');
  const config = yaml.load(fs.readFileSync(configFile, 'utf8'));

  // The fuses, as configuration (the stand-in binary cannot have them flipped).
  for (const [fuse, value] of Object.entries(EXPECTED_FUSES)) {
    check(config.electronFuses?.[fuse] === value, `electronFuses.${fuse} should be ${value} in build/electron-builder.yml, is ${config.electronFuses?.[fuse]}`);
  }
  check(config.asar === true, 'asar should be true in build/electron-builder.yml');

  const electronVersion = JSON.parse(fs.readFileSync(require.resolve('electron/package.json'), 'utf8')).version;
  const work = fs.mkdtempSync(path.join(os.tmpdir(), 'marginalia-package-check-'));
  const standIn = path.join(work, 'electron-dist');
  const output = path.join(work, 'release');
  const cache = path.join(work, 'download-cache');
  fs.mkdirSync(cache);
  makeStandInElectron(standIn, electronVersion);
  // Anything electron-builder or @electron/get would download lands here, and is noticed below.
  process.env.ELECTRON_BUILDER_CACHE = cache;
  process.env.electron_config_cache = cache;

  const started = Date.now();
  const arch = process.arch === 'arm64' ? builder.Arch.arm64 : builder.Arch.x64;
  const archName = builder.Arch[arch];
  try {
    console.log(`Packaging with electron-builder (--dir, linux-${archName}) against a stand-in Electron ${electronVersion} in ${standIn}; fuses are off for this run (a stand-in binary has none to flip).`);
    await builder.build({
      projectDir: root,
      targets: builder.Platform.LINUX.createTarget('dir', arch),
      publish: 'never',
      config: {
        ...config,
        // Not a CRA or electron-webpack preset; the file above is the whole configuration.
        extends: null,
        electronDist: standIn,
        electronVersion,
        electronFuses: null,
        directories: { ...config.directories, output },
      },
    });
  } catch (error) {
    finish('failed', `electron-builder failed: ${error instanceof Error ? error.stack : String(error)}`);
    if (!keep) fs.rmSync(work, { recursive: true, force: true });
    return;
  }
  const seconds = ((Date.now() - started) / 1000).toFixed(1);

  const appDir = path.join(output, arch === builder.Arch.x64 ? 'linux-unpacked' : `linux-${archName}-unpacked`);
  const asarPath = path.join(appDir, 'resources', 'app.asar');
  if (!check(fs.existsSync(asarPath), `no app.asar at ${asarPath}`)) {
    finish('failed', failures.join('; '));
    return;
  }
  const executableName = config.linux?.executableName ?? packageJson.name;
  check(fs.existsSync(path.join(appDir, executableName)), `the executable should be renamed to ${executableName}`);
  check(!fs.existsSync(path.join(appDir, 'resources', 'app')), 'resources/app should not exist beside app.asar');

  // What is inside app.asar.
  const entries = asar
    .listPackage(asarPath, { isPack: false })
    .map((entry) => entry.replace(/\\/g, '/').replace(/^\//, ''));
  const fileEntries = entries.filter((entry) => {
    const stat = asar.statFile(asarPath, entry);
    return !('files' in stat);
  });
  const inAsar = new Set(fileEntries);
  const read = (file) => asar.extractFile(asarPath, file);

  check(inAsar.has('package.json'), 'package.json is missing');
  const packedPackage = JSON.parse(read('package.json').toString('utf8'));
  check(packedPackage.main === mainEntry, `the packed package.json says main is ${packedPackage.main}, expected ${mainEntry}`);
  check(inAsar.has(mainEntry), `the main entry ${mainEntry} is missing`);
  check(inAsar.has('dist/electron/preload.cjs'), 'the preload dist/electron/preload.cjs is missing');
  check(inAsar.has('dist/renderer/index.html'), 'the renderer dist/renderer/index.html is missing');

  // Every file of the renderer build, so every asset index.html and the bundles refer to.
  const rendererFiles = listFiles(path.join(root, 'dist/renderer')).map((file) => `dist/renderer/${file}`);
  const missingRenderer = rendererFiles.filter((file) => !inAsar.has(file));
  check(missingRenderer.length === 0, `renderer files missing from app.asar: ${missingRenderer.slice(0, 5).join(', ')}${missingRenderer.length > 5 ? '…' : ''}`);
  const indexHtml = read('dist/renderer/index.html').toString('utf8');
  const referenced = [...indexHtml.matchAll(/(?:src|href)="\.\/([^"]+)"/g)].map((match) => `dist/renderer/${match[1]}`);
  check(referenced.length > 0, 'index.html refers to no script or stylesheet');
  for (const file of referenced) check(inAsar.has(file), `index.html refers to ${file}, which is not in app.asar`);

  // The sample: its facsimiles (bundled by Vite as assets) and its text (inlined in a bundle).
  const manifest = JSON.parse(fs.readFileSync(path.join(root, 'assets/sample/facsimiles/manifest.json'), 'utf8'));
  for (const sheet of manifest.sheets) {
    const stem = path.basename(sheet.file, path.extname(sheet.file));
    const pattern = new RegExp(`^dist/renderer/assets/${stem}-[\\w-]+\\${path.extname(sheet.file)}$`);
    check(fileEntries.some((entry) => pattern.test(entry)), `the sample facsimile ${sheet.file} is not in app.asar`);
  }
  const sampleText = fs.readFileSync(path.join(root, 'assets/sample/mao-to-filippov-1951-07-20.txt'), 'utf8');
  const sampleLine = sampleText.split('\n').find((line) => line.includes('Ciphered Telegram from Mao Zedong')) ?? '';
  const scripts = fileEntries.filter((entry) => entry.startsWith('dist/renderer/') && entry.endsWith('.js'));
  check(
    sampleLine !== '' && scripts.some((file) => read(file).toString('utf8').includes(sampleLine.trim())),
    'the sample text is not in any renderer bundle',
  );

  // Nothing that is not needed at run time.
  const nodeModules = fileEntries.filter((entry) => entry.split('/').includes('node_modules'));
  check(nodeModules.length === 0, `app.asar contains node_modules (${nodeModules.slice(0, 5).join(', ')}…)`);
  for (const name of DEV_ONLY_PACKAGES) {
    check(!entries.some((entry) => entry.includes(`node_modules/${name}/`)), `the dev-only package ${name} is in app.asar`);
  }
  const allowedTop = ['package.json', 'dist/electron/', 'dist/renderer/'];
  const stray = fileEntries.filter((entry) => !allowedTop.some((prefix) => entry === prefix || entry.startsWith(prefix)));
  check(stray.length === 0, `unexpected files in app.asar: ${stray.slice(0, 10).join(', ')}`);
  const sourceLike = fileEntries.filter((entry) => /\.(ts|tsx|map)$/.test(entry));
  check(sourceLike.length === 0, `sources or source maps in app.asar: ${sourceLike.slice(0, 5).join(', ')}`);

  // Downloads: none.
  const downloaded = listFiles(cache);
  check(downloaded.length === 0, `electron-builder downloaded ${downloaded.join(', ')}`);

  // Report.
  const sizes = new Map();
  let unpacked = 0;
  for (const entry of fileEntries) {
    const size = asar.statFile(asarPath, entry).size ?? 0;
    unpacked += size;
    const group = entry.startsWith('dist/renderer/assets/')
      ? `dist/renderer/assets/*${path.extname(entry)}`
      : entry.startsWith('dist/electron/')
        ? entry
        : entry.startsWith('dist/renderer/')
          ? 'dist/renderer/ (other)'
          : entry;
    const current = sizes.get(group) ?? { count: 0, bytes: 0 };
    sizes.set(group, { count: current.count + 1, bytes: current.bytes + size });
  }
  const asarSize = fs.statSync(asarPath).size;
  console.log(`\nelectron-builder took ${seconds} s. ${asarPath}`);
  console.log(`app.asar: ${formatBytes(asarSize)} on disk, ${fileEntries.length} files, ${formatBytes(unpacked)} of file contents:`);
  for (const [group, { count, bytes }] of [...sizes].sort((a, b) => b[1].bytes - a[1].bytes)) {
    console.log(`  ${formatBytes(bytes).padStart(10)}  ${String(count).padStart(4)} × ${group}`);
  }
  const sampleSheets = fileEntries.filter((entry) => /^dist\/renderer\/assets\/sheet-\d+-/.test(entry));
  console.log(`  sample: ${sampleSheets.length} facsimiles (${sampleSheets.map((entry) => path.basename(entry)).join(', ')}), text inlined in the bundle`);
  console.log(`  node_modules: none; unpacked app folder: ${listFiles(appDir).join(', ')}`);

  if (!keep) fs.rmSync(work, { recursive: true, force: true });
  else console.log(`Kept ${work}`);

  if (failures.length > 0) {
    for (const failure of failures) console.error(`  ✗ ${failure}`);
    finish('failed', `${failures.length} problem(s) in the package`);
  } else {
    finish('passed', `app.asar ${formatBytes(asarSize)}, ${fileEntries.length} files: main, preload, renderer and sample present; no node_modules, sources or maps; fuses configured (not flipped: stand-in Electron)`);
  }
}

await main();
