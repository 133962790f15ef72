#!/usr/bin/env node
/**
 * Electronegativity (Doyensec's static checker for Electron misconfigurations) over the code
 * of the main process and the preload, offline. Exits non-zero on any finding or parse error.
 *
 * What is scanned: exactly the source files that esbuild bundles into dist/electron/main.cjs
 * and dist/electron/preload.cjs (electron/*.ts and the shared/ modules they import; no tests),
 * copied with their relative paths into a temporary folder, together with
 *  - package.json, for the checks that read npm scripts (`--inspect`, security warnings off);
 *  - renderer-csp.html, a page whose CSP meta tag carries CONTENT_SECURITY_POLICY. The app
 *    sends its CSP as a header from the app:// protocol handler, which Electronegativity cannot
 *    see (it only recognises a meta tag or a literal `webRequest` header), so the exact header
 *    string is handed to its CSP check this way; without it the check reports "no CSP".
 * Electronegativity parses TypeScript itself (Babel with the typescript plugin), so no build
 * is needed.
 *
 * Offline: two things in Electronegativity use the network, and neither runs here.
 *  - AvailableSecurityFixesGlobalCheck downloads Electron's release list from GitHub. It is
 *    excluded, and so is ElectronVersionJSONCheck, whose only role is to feed it (alone, it
 *    reports the Electron version from package.json as an informational finding).
 *  - At start-up it fetches updated message translations from S3. The `got` module it uses is
 *    replaced by a stub that fails at once, so it falls back to its bundled English messages.
 *
 * Before the real scan, a canary: a deliberately insecure main process is scanned with the same
 * settings, and the findings it must produce are checked, so that a wrong exclusion or a broken
 * parser cannot turn this step silently green.
 *
 * Narrow exclusions live in the code as `// eng-disable CHECK_ID` comments on the line the
 * check points at; each is printed below with its reason. docs/security.md lists them.
 *
 * Usage: node scripts/electronegativity.mjs
 */
import { build } from 'esbuild';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(import.meta.url);

/** Checks that need the network (see above), by class name. */
export const NETWORK_CHECKS = ['AvailableSecurityFixesGlobalCheck', 'ElectronVersionJSONCheck'];

/**
 * Findings of the CSP evaluator (which CSP_GLOBAL_CHECK runs on our policy) that were reviewed
 * and accepted. CSP_GLOBAL_CHECK reports the policy as weak when the evaluator has any finding
 * of severity HIGH, MEDIUM, HIGH_MAYBE or MEDIUM_MAYBE; it is dropped only when every such
 * finding is listed here, so any other weakness (say 'unsafe-inline' in script-src) still fails.
 */
export const REVIEWED_CSP_FINDINGS = [
  {
    directive: 'script-src',
    value: "'self'",
    reason:
      "app:// serves only the files of our build (no JSONP endpoint, no Angular, no uploads); a user's files live in IndexedDB and are shown through blob: URLs, which script-src does not allow",
  },
];

/** What the canary must produce; each is a check a regression in our code could trigger. */
const CANARY_EXPECTED = [
  'CONTEXT_ISOLATION_JS_CHECK',
  'NODE_INTEGRATION_JS_CHECK',
  'SANDBOX_JS_CHECK',
  'WEB_SECURITY_JS_CHECK',
  'INSECURE_CONTENT_JS_CHECK',
  'OPEN_EXTERNAL_JS_CHECK',
  'PERMISSION_REQUEST_HANDLER_GLOBAL_CHECK',
  'LIMIT_NAVIGATION_GLOBAL_CHECK',
  'CSP_GLOBAL_CHECK',
];

const CANARY_SOURCE = `const { app, BrowserWindow, shell } = require('electron');
app.whenReady().then(() => {
  // Two windows: Electronegativity does not report nodeIntegration where it sees sandbox: false.
  const win = new BrowserWindow({ webPreferences: { nodeIntegration: true, contextIsolation: false } });
  const other = new BrowserWindow({ webPreferences: { sandbox: false, webSecurity: false, allowRunningInsecureContent: true } });
  win.webContents.on('new-window', (event, url) => shell.openExternal(url));
  win.loadURL('https://example.org/');
  other.loadURL('https://example.org/');
});
`;

/** Makes `require('got')` inside Electronegativity fail at once instead of going online. */
function stubNetwork() {
  const electronegativityRequire = createRequire(require.resolve('@doyensec/electronegativity/package.json'));
  const gotPath = electronegativityRequire.resolve('got');
  const offline = () => Promise.reject(new Error('network disabled for this scan'));
  const stub = Object.assign(offline, { head: offline, get: offline, __esModule: true });
  stub.default = stub;
  require.cache[gotPath] = { id: gotPath, filename: gotPath, loaded: true, exports: stub, children: [], paths: [] };
}

/** The exact source files of the main and preload bundles, from esbuild's metafile. */
async function bundleInputs() {
  const result = await build({
    absWorkingDir: root,
    entryPoints: ['electron/main.ts', 'electron/preload.ts'],
    bundle: true,
    platform: 'node',
    format: 'cjs',
    external: ['electron'],
    outdir: 'scan-out',
    write: false,
    metafile: true,
    logLevel: 'silent',
    tsconfig: path.join(root, 'electron/tsconfig.json'),
  });
  return Object.keys(result.metafile.inputs).filter((input) => !input.includes('node_modules'));
}

/** CONTENT_SECURITY_POLICY from shared/content-security-policy.ts, compiled on the fly. */
async function contentSecurityPolicy() {
  const result = await build({
    absWorkingDir: root,
    entryPoints: ['shared/content-security-policy.ts'],
    bundle: true,
    format: 'esm',
    write: false,
    logLevel: 'silent',
  });
  const code = result.outputFiles[0].text;
  const module = await import(`data:text/javascript;base64,${Buffer.from(code).toString('base64')}`);
  return module.CONTENT_SECURITY_POLICY;
}

function escapeAttribute(value) {
  return value.replaceAll('&', '&amp;').replaceAll('"', '&quot;').replaceAll("'", '&#39;').replaceAll('<', '&lt;');
}

/** Runs Electronegativity over `dir` with our settings; returns its issues and parse errors. */
async function scan(run, dir, electronVersion) {
  const quietLog = console.log;
  // Electronegativity logs that it could not fetch translations (we stopped it); nothing else.
  console.log = (...args) => {
    if (!String(args[0]).startsWith('Could not retrieve updated translations')) quietLog(...args);
  };
  try {
    return await run({
      input: dir,
      output: undefined,
      isSarif: false,
      customScan: [],
      excludeFromScan: NETWORK_CHECKS.map((name) => name.toLowerCase()),
      severitySet: undefined,
      confidenceSet: undefined,
      isRelative: true,
      isVerbose: true,
      electronUpgrade: undefined,
      electronVersionOverride: electronVersion,
      parserPlugins: [],
    });
  } finally {
    console.log = quietLog;
  }
}

/**
 * Splits CSP_GLOBAL_CHECK's verdict on our policy into reviewed findings (accepted) and any
 * others. Returns null when the issue is not about `policy`.
 */
function reviewCspIssue(issue, policy, cspEvaluator) {
  if (issue.id !== 'CSP_GLOBAL_CHECK' || issue.sample !== policy) return null;
  const { CspParser, CspEvaluator, Version, severities } = cspEvaluator;
  const counted = new Set([severities.HIGH, severities.MEDIUM, severities.HIGH_MAYBE, severities.MEDIUM_MAYBE]);
  const findings = new CspEvaluator(new CspParser(policy).csp, Version.CSP3).evaluate().filter((finding) => counted.has(finding.severity));
  const isReviewed = (finding) => REVIEWED_CSP_FINDINGS.some((reviewed) => reviewed.directive === finding.directive && reviewed.value === finding.value);
  return { reviewed: findings.filter(isReviewed), unreviewed: findings.filter((finding) => !isReviewed(finding)) };
}

function describeIssue(issue) {
  const where = `${issue.file}:${issue.location.line}:${issue.location.column}`;
  const sample = issue.sample && issue.sample !== 'N/A' ? `\n      ${String(issue.sample).trim()}` : '';
  return `  ${issue.id} (${issue.severity.name}, ${issue.confidence.name}${issue.manualReview ? ', review' : ''}) ${where}\n      ${issue.description}${sample}`;
}

async function main() {
  stubNetwork();
  // Its English messages; with another LANG it would look for translations it does not have.
  process.env.LANG = 'en-US';
  const run = require('@doyensec/electronegativity');
  const electronVersion = JSON.parse(fs.readFileSync(require.resolve('electron/package.json'), 'utf8')).version;

  const work = fs.mkdtempSync(path.join(os.tmpdir(), 'marginalia-electronegativity-'));
  try {
    // The canary first.
    const canaryDir = path.join(work, 'canary');
    fs.mkdirSync(canaryDir);
    fs.writeFileSync(path.join(canaryDir, 'main.js'), CANARY_SOURCE);
    const canary = await scan(run, canaryDir, electronVersion);
    const canaryIds = new Set(canary.issues.map((issue) => issue.id));
    const missing = CANARY_EXPECTED.filter((id) => !canaryIds.has(id));
    if (missing.length > 0) {
      console.error(`Canary: Electronegativity missed ${missing.join(', ')} in a deliberately insecure main process; the scan cannot be trusted.`);
      return 1;
    }
    console.log(`Canary: a deliberately insecure main process gives the ${CANARY_EXPECTED.length} expected findings.`);

    // The app.
    const scanDir = path.join(work, 'app');
    const inputs = await bundleInputs();
    for (const input of inputs) {
      fs.mkdirSync(path.join(scanDir, path.dirname(input)), { recursive: true });
      fs.copyFileSync(path.join(root, input), path.join(scanDir, input));
    }
    fs.copyFileSync(path.join(root, 'package.json'), path.join(scanDir, 'package.json'));
    const csp = await contentSecurityPolicy();
    fs.writeFileSync(
      path.join(scanDir, 'renderer-csp.html'),
      `<!doctype html>\n<html><head><meta http-equiv="Content-Security-Policy" content="${escapeAttribute(csp)}"><title>CSP sent by the app:// protocol</title></head><body></body></html>\n`,
    );

    const result = await scan(run, scanDir, electronVersion);
    const cspEvaluator = createRequire(require.resolve('@doyensec/electronegativity/package.json'))('@doyensec/csp-evaluator');
    const reviewedCsp = [];
    const issues = result.issues.filter((issue) => {
      const review = reviewCspIssue(issue, csp, cspEvaluator);
      if (review === null || review.unreviewed.length > 0) return true;
      for (const finding of review.reviewed) {
        const reason = REVIEWED_CSP_FINDINGS.find((reviewed) => reviewed.directive === finding.directive && reviewed.value === finding.value)?.reason;
        reviewedCsp.push(`  ${finding.directive} ${finding.value}: "${finding.description}" Accepted: ${reason}.`);
      }
      return false;
    });
    console.log(
      `Scanned ${inputs.length} source files of the main process and preload, package.json and the CSP header, with ${result.atomicChecks} atomic and ${result.globalChecks} global checks (Electron ${electronVersion}).`,
    );
    console.log(`Excluded because they need the network: ${NETWORK_CHECKS.join(', ')}.`);

    const exclusions = inputs.flatMap((input) =>
      fs
        .readFileSync(path.join(root, input), 'utf8')
        .split('\n')
        .flatMap((line, index) => (/eng-disable\s/.test(line) ? [`  ${input}:${index + 1}: ${line.trim()}`] : [])),
    );
    if (exclusions.length > 0) console.log(`Inline exclusions (each explained in the code and in docs/security.md):\n${exclusions.join('\n')}`);
    if (reviewedCsp.length > 0) console.log(`Reviewed findings of CSP_GLOBAL_CHECK on our policy:\n${reviewedCsp.join('\n')}`);

    const errors = result.errors.filter((error) => !error.tolerable);
    for (const error of result.errors) console.log(`${error.tolerable ? 'Warning' : 'Error'} parsing ${error.file}: ${error.message}`);
    if (issues.length > 0) {
      console.error(`\n${issues.length} finding(s):`);
      for (const issue of issues) {
        console.error(describeIssue(issue));
        const review = reviewCspIssue(issue, csp, cspEvaluator);
        for (const finding of review?.unreviewed ?? []) console.error(`      ${finding.directive} ${finding.value}: ${finding.description}`);
      }
    } else {
      console.log('No findings.');
    }
    return issues.length === 0 && errors.length === 0 ? 0 : 1;
  } finally {
    fs.rmSync(work, { recursive: true, force: true });
  }
}

process.exitCode = await main();
