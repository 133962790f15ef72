#!/usr/bin/env node
/**
 * `npm test`: type-check, unit tests (vitest), the Electron security scan (electronegativity),
 * a production build, the packaging check (electron-builder against a stand-in Electron),
 * end-to-end tests (Playwright in Chromium; the Electron spec where a binary exists). Prints
 * what ran, names what was skipped and why, and ends with one line of counts. Exits non-zero on
 * any failure.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const results = path.join(root, 'test-results');
fs.mkdirSync(results, { recursive: true });

function step(title, command, args) {
  console.log(`\n=== ${title}: ${command} ${args.join(' ')}`);
  const result = spawnSync(command, args, { cwd: root, stdio: 'inherit', env: process.env });
  return result.status === 0;
}

const summary = { passed: 0, failed: 0, skipped: 0 };
const lines = [];
const skippedNames = [];

if (!step('Type-check', 'npx', ['tsc', '-b'])) {
  console.error('\nType-check failed.');
  console.log('\n0 passed, 1 failed');
  process.exit(1);
}
lines.push('type-check: passed');

const unitReport = path.join(results, 'unit-report.json');
const unitOk = step('Unit tests', 'npx', ['vitest', 'run', '--reporter=default', '--reporter=json', `--outputFile=${unitReport}`]);
const unit = readJson(unitReport);
if (unit) {
  const skipped = unit.numPendingTests + (unit.numTodoTests ?? 0);
  summary.passed += unit.numPassedTests;
  summary.failed += unit.numFailedTests;
  summary.skipped += skipped;
  lines.push(`unit: ${unit.numPassedTests} passed, ${unit.numFailedTests} failed, ${skipped} skipped (${unit.numTotalTestSuites} suites in ${unit.testResults.length} files)`);
  for (const file of unit.testResults) {
    for (const t of file.assertionResults) {
      if (t.status === 'pending' || t.status === 'skipped' || t.status === 'todo') skippedNames.push(`unit › ${t.fullName}`);
    }
  }
} else {
  summary.failed++;
  lines.push('unit: no report (vitest did not run)');
}

// Static security checks of the main process and preload; offline (docs/security.md).
const scanOk = step('Electron security scan (electronegativity)', 'node', ['scripts/electronegativity.mjs']);
if (scanOk) {
  summary.passed++;
  lines.push('electronegativity: passed (no findings)');
} else {
  summary.failed++;
  lines.push('electronegativity: FAILED (findings or parse errors above)');
}

const buildOk = step('Build', 'npm', ['run', 'build', '--silent']);
if (!buildOk) {
  summary.failed++;
  lines.push('build: FAILED');
}

// electron-builder --dir against a stand-in Electron, then app.asar inspected (docs/packaging.md).
let packageOk = false;
if (buildOk) {
  const packageReport = path.join(results, 'package-check.json');
  fs.rmSync(packageReport, { force: true });
  const exitedCleanly = step('Packaging check', 'node', ['scripts/package-check.mjs', `--report=${packageReport}`]);
  const report = readJson(packageReport);
  const outcome = exitedCleanly && report ? report.outcome : 'failed';
  packageOk = outcome !== 'failed';
  if (outcome === 'passed') summary.passed++;
  else if (outcome === 'skipped') {
    summary.skipped++;
    skippedNames.push(`packaging check — ${report.message}`);
  } else summary.failed++;
  lines.push(`packaging: ${outcome}${report ? ` (${report.message})` : ' (no report)'}`);
}

let e2eOk = false;
if (buildOk) {
  e2eOk = step('End-to-end tests', 'npx', ['playwright', 'test']);
  const e2e = readJson(path.join(results, 'e2e-report.json'));
  if (e2e) {
    const counts = { passed: 0, failed: 0, skipped: 0, flaky: 0 };
    walkSuites(e2e.suites, [], (titlePath, spec, test) => {
      const outcome = test.status === 'expected' ? 'passed' : test.status === 'skipped' ? 'skipped' : test.status === 'flaky' ? 'flaky' : 'failed';
      counts[outcome]++;
      if (outcome === 'skipped') {
        const reason = test.annotations?.find((a) => a.type === 'skip')?.description ?? 'no reason given';
        skippedNames.push(`e2e [${test.projectName}] › ${[...titlePath, spec.title].join(' › ')} — ${reason}`);
      }
    });
    summary.passed += counts.passed + counts.flaky;
    summary.failed += counts.failed;
    summary.skipped += counts.skipped;
    lines.push(`e2e: ${counts.passed} passed, ${counts.failed} failed, ${counts.skipped} skipped${counts.flaky ? `, ${counts.flaky} flaky (passed on retry)` : ''}`);
  } else {
    summary.failed++;
    lines.push('e2e: no report (Playwright did not run)');
  }
}

console.log('\n=== Summary');
for (const line of lines) console.log(`  ${line}`);
if (skippedNames.length > 0) {
  console.log('  skipped:');
  for (const name of skippedNames) console.log(`    - ${name}`);
}
const ok = unitOk && scanOk && buildOk && packageOk && e2eOk && summary.failed === 0;
console.log(`\n${summary.passed} passed, ${summary.failed} failed, ${summary.skipped} skipped`);
process.exit(ok ? 0 : 1);

function readJson(file) {
  try {
    return JSON.parse(fs.readFileSync(file, 'utf8'));
  } catch {
    return null;
  }
}

/** Visits every test of a Playwright JSON report with the titles of the suites around it. */
function walkSuites(suites, titlePath, visit) {
  for (const suite of suites ?? []) {
    const path = suite.title && !suite.title.endsWith('.ts') ? [...titlePath, suite.title] : suite.file ? [...titlePath, suite.file] : titlePath;
    for (const spec of suite.specs ?? []) for (const test of spec.tests ?? []) visit(path, spec, test);
    walkSuites(suite.suites, path, visit);
  }
}
