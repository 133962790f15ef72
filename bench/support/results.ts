/**
 * The figures a benchmark reports. Every figure is measured beside a baseline taken in the same
 * run, on the same machine, and judged by its ratio to that baseline (or, where a goal says so,
 * by its value); nothing here fails a test. A spec records a figure with `record`; the bench
 * reporter (reporter.ts) collects them from every spec, prints one table and writes
 * `bench/results.json`.
 */
import type { TestInfo } from '@playwright/test';

/** What a figure should stay within. A figure without a goal is reported for information. */
export interface Goal {
  /** The largest acceptable value ÷ baseline. */
  maxRatio?: number;
  /** The largest acceptable value, in the figure's unit. */
  maxValue?: number;
}

/** One measured figure, as the table and results.json show it. */
export interface Figure {
  /** The area it belongs to (the spec file's name without `.bench.ts`): "viewer", "library", … */
  area: string;
  name: string;
  value: number;
  unit: string;
  /** The same measurement of the baseline case, or null if the figure has none. */
  baseline: number | null;
  /** value ÷ baseline; null without a baseline (and, in results.json, for a zero baseline under a non-zero value). */
  ratio: number | null;
  goal: Goal;
  /** Whether every part of the goal is met; null when there is no goal. */
  met: boolean | null;
  /** What the value and the baseline are, in a few words ("6000 × 8000 px vs 1500 × 2000 px"). */
  compares?: string;
  /** Anything else worth keeping: raw samples, counts, a series. Written to results.json only. */
  detail?: Record<string, unknown>;
}

/** The name of the test attachment that carries a figure to the reporter. */
export const FIGURE_ATTACHMENT = 'bench-figure';

/** What a spec gives to make a figure; the ratio and the verdict are computed. */
export interface FigureInput {
  name: string;
  value: number;
  unit: string;
  baseline?: number | null;
  goal?: Goal;
  compares?: string;
  detail?: Record<string, unknown>;
}

/** Makes a figure: ratio to the baseline, and whether the goal is met. */
export function makeFigure(area: string, input: FigureInput): Figure {
  const baseline = input.baseline ?? null;
  // A baseline of nothing (no long task at all, say): equal if the value is nothing too, else
  // infinitely worse. results.json cannot hold Infinity and writes null; the table shows "∞".
  const ratio = baseline === null ? null : baseline > 0 ? input.value / baseline : input.value === 0 ? 1 : Number.POSITIVE_INFINITY;
  const goal = input.goal ?? {};
  let met: boolean | null = null;
  if (goal.maxRatio !== undefined || goal.maxValue !== undefined) {
    met = true;
    if (goal.maxRatio !== undefined) met &&= ratio !== null && ratio <= goal.maxRatio;
    if (goal.maxValue !== undefined) met &&= input.value <= goal.maxValue;
  }
  const figure: Figure = { area, name: input.name, value: input.value, unit: input.unit, baseline, ratio, goal, met };
  if (input.compares !== undefined) figure.compares = input.compares;
  if (input.detail !== undefined) figure.detail = input.detail;
  return figure;
}

/** The area of the spec a test is in: "viewer" for bench/viewer.bench.ts. */
export function areaOf(testInfo: TestInfo): string {
  const base = testInfo.file.split(/[/\\]/).pop() ?? testInfo.file;
  return base.replace(/\.bench\.[cm]?[jt]s$/, '');
}

/**
 * Records a figure: attaches it to the test for the reporter, and prints it at once so that a
 * long run shows its progress.
 */
export async function record(testInfo: TestInfo, input: FigureInput): Promise<Figure> {
  const figure = makeFigure(areaOf(testInfo), input);
  await testInfo.attach(FIGURE_ATTACHMENT, { body: JSON.stringify(figure), contentType: 'application/json' });
  const ratio = figure.ratio === null ? '' : ` (×${Number.isFinite(figure.ratio) ? figure.ratio.toFixed(2) : '∞'} of ${formatNumber(figure.baseline!)})`;
  console.log(`  ${figure.name}: ${formatNumber(figure.value)} ${figure.unit}${ratio}`);
  return figure;
}

/** The median of some numbers (NaN for none). */
export function median(values: readonly number[]): number {
  return percentile(values, 50);
}

/** The p-th percentile (0–100) of some numbers by the nearest-rank method (NaN for none). */
export function percentile(values: readonly number[], p: number): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const rank = Math.ceil((p / 100) * sorted.length);
  return sorted[Math.min(sorted.length - 1, Math.max(0, rank - 1))]!;
}

/** A number as the table shows it: three significant digits, no exponent. */
export function formatNumber(value: number): string {
  if (!Number.isFinite(value)) return String(value);
  const abs = Math.abs(value);
  if (abs >= 100) return Math.round(value).toLocaleString('en-US');
  if (abs >= 10) return value.toFixed(1);
  return value.toFixed(2);
}

/** A goal in words: "≤ 1.5×", "≤ 200 ms", "≤ 1.5× and ≤ 200 ms", or "—". */
export function formatGoal(goal: Goal, unit: string): string {
  const parts: string[] = [];
  if (goal.maxRatio !== undefined) parts.push(`≤ ${goal.maxRatio}×`);
  if (goal.maxValue !== undefined) parts.push(`≤ ${formatNumber(goal.maxValue)} ${unit}`);
  return parts.length > 0 ? parts.join(' and ') : '—';
}
