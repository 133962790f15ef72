/**
 * The bench reporter: gathers the figures every bench test recorded (results.ts), prints them
 * as one table at the end of the run, and writes them to `bench/results.json`. A missed goal is
 * reported, not failed; a test that broke is named below the table (and fails the run through
 * Playwright's own exit code).
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { FullConfig, FullResult, Reporter, TestCase, TestResult } from '@playwright/test/reporter';
import { cpuSnapshot, othersShare, type CpuSnapshot } from './machine-load';
import { FIGURE_ATTACHMENT, formatGoal, formatNumber, type Figure } from './results';

/** Above this share of the machine's CPU taken by other work, the run is said to be disturbed. */
const BUSY_SHARE = 0.15;

interface Options {
  /** Where to write the JSON (default: $BENCH_RESULTS, else results.json in the bench folder). */
  outputFile?: string;
}

interface TestOutcome {
  title: string;
  status: TestResult['status'];
  durationMs: number;
  /** The share of the machine's CPU other work took while the test ran (machine-load.ts). */
  othersCpuShare: number | null;
  error?: string;
}

export default class BenchReporter implements Reporter {
  private readonly figures: Figure[] = [];
  private readonly tests: TestOutcome[] = [];
  private outputFile = '';
  private started = Date.now();
  private readonly cpuAtTestStart = new Map<string, CpuSnapshot | null>();

  constructor(private readonly options: Options = {}) {}

  onBegin(config: FullConfig): void {
    this.started = Date.now();
    const benchDir = config.configFile ? path.dirname(config.configFile) : config.rootDir;
    this.outputFile = path.resolve(benchDir, this.options.outputFile ?? (process.env.BENCH_RESULTS || 'results.json'));
  }

  onTestBegin(test: TestCase): void {
    this.cpuAtTestStart.set(test.id, cpuSnapshot());
  }

  onTestEnd(test: TestCase, result: TestResult): void {
    for (const attachment of result.attachments) {
      if (attachment.name !== FIGURE_ATTACHMENT || !attachment.body) continue;
      this.figures.push(JSON.parse(attachment.body.toString('utf8')) as Figure);
    }
    const from = this.cpuAtTestStart.get(test.id);
    const to = cpuSnapshot();
    const others = from && to ? Math.round(othersShare(from, to) * 100) / 100 : null;
    const outcome: TestOutcome = { title: test.titlePath().slice(1).join(' › '), status: result.status, durationMs: result.duration, othersCpuShare: others };
    const error = result.errors[0]?.message;
    if (error) outcome.error = stripAnsi(error).split('\n').slice(0, 6).join('\n');
    this.tests.push(outcome);
  }

  onEnd(result: FullResult): void {
    if (this.tests.length === 0) {
      // Nothing ran (`--list`, a grep matching nothing): keep the last run's results.json.
      console.log('\nNo benchmark ran; results.json is left as it was.');
      return;
    }
    const rows = this.figures.map((f) => [
      `${f.area}: ${f.name}`,
      `${formatNumber(f.value)} ${f.unit}`,
      f.baseline === null ? '—' : `${formatNumber(f.baseline)} ${f.unit}`,
      f.ratio === null ? (f.baseline === 0 ? '∞' : '—') : `${formatRatio(f.ratio)}×`,
      formatGoal(f.goal, f.unit),
      f.met === null ? '—' : f.met ? 'met' : 'MISSED',
    ]);
    const header = ['figure', 'value', 'baseline', 'ratio', 'goal', 'met/missed'];
    console.log(`\nBenchmarks (${new Date().toISOString()}, ${os.cpus().length} cores, ${chromiumVersion()}):\n`);
    console.log(markdownTable(header, rows));
    const compared = this.figures.filter((f) => f.compares);
    if (compared.length > 0) {
      console.log('\nBaselines:');
      const seen = new Set<string>();
      for (const f of compared) {
        const line = `  ${f.area}: ${f.name} — ${f.compares}`;
        if (!seen.has(line)) console.log(line);
        seen.add(line);
      }
    }
    const broken = this.tests.filter((t) => t.status !== 'passed' && t.status !== 'skipped');
    for (const t of broken) console.log(`\nNot measured completely: ${t.title} (${t.status})${t.error ? `\n  ${t.error.replace(/\n/g, '\n  ')}` : ''}`);
    const missed = this.figures.filter((f) => f.met === false).length;
    const met = this.figures.filter((f) => f.met === true).length;
    console.log(`\n${this.figures.length} figures: ${met} met, ${missed} missed, ${this.figures.length - met - missed} without a goal.`);
    // Ratios cancel a steadily slower machine, not other work coming and going during the run.
    // Measured per test: the browsers' processes are not all accounted for once they have closed.
    const others = weightedShare(this.tests);
    if (others !== null) {
      console.log(`Other processes used ${Math.round(others * 100)} % of the machine's CPU while the benchmarks ran.`);
      if (others > BUSY_SHARE) console.log('Warning: that is enough to disturb the timing figures; run again on a quiet machine.');
    }

    const json = {
      generated: new Date().toISOString(),
      durationMs: Date.now() - this.started,
      status: result.status,
      machine: {
        cores: os.cpus().length,
        memoryMB: Math.round(os.totalmem() / 2 ** 20),
        node: process.version,
        chromium: chromiumVersion(),
        othersCpuShare: others === null ? null : Math.round(others * 100) / 100,
        loadAverageAtEnd: os.loadavg().map((l) => Math.round(l * 100) / 100),
      },
      figures: this.figures,
      tests: this.tests,
    };
    fs.mkdirSync(path.dirname(this.outputFile), { recursive: true });
    fs.writeFileSync(this.outputFile, `${JSON.stringify(json, null, 2)}\n`);
    console.log(`Written to ${path.relative(process.cwd(), this.outputFile) || this.outputFile}`);
  }

  printsToStdio(): boolean {
    return true;
  }
}

/** The tests' shares of other work, weighted by how long each test ran; null if none is known. */
function weightedShare(tests: readonly TestOutcome[]): number | null {
  const known = tests.filter((t) => t.othersCpuShare !== null && t.durationMs > 0);
  const time = known.reduce((sum, t) => sum + t.durationMs, 0);
  return time > 0 ? known.reduce((sum, t) => sum + t.othersCpuShare! * t.durationMs, 0) / time : null;
}

/** A ratio with two decimals, or two significant digits when it is that small (a rate far below its baseline). */
function formatRatio(ratio: number): string {
  return ratio !== 0 && Math.abs(ratio) < 0.1 ? ratio.toPrecision(2) : ratio.toFixed(2);
}

function markdownTable(header: string[], rows: string[][]): string {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  const line = (cells: string[]) => `| ${cells.map((c, i) => c.padEnd(widths[i]!)).join(' | ')} |`;
  return [line(header), `|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`, ...rows.map(line)].join('\n');
}

function chromiumVersion(): string {
  const executable = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
  const run = spawnSync(executable, ['--version'], { encoding: 'utf8', timeout: 10_000 });
  return run.stdout?.trim().split('\n').pop() || 'Chromium (version unknown)';
}

function stripAnsi(text: string): string {
  // eslint-disable-next-line no-control-regex
  return text.replace(/\u001b\[[0-9;]*m/g, '');
}
