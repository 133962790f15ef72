/**
 * Recording how smoothly a page draws: the page asks for every animation frame and keeps its
 * timestamp, so the intervals between frames are what a user sees (16.7 ms at 60 Hz; a frame
 * the main thread could not make in time shows as a longer interval). Long tasks (over 50 ms on
 * the main thread) are kept beside them, as the reason for a long interval.
 */
import type { Page } from '@playwright/test';
import { median, percentile } from './results';

/** What a recording found. */
export interface FrameRecording {
  /** Milliseconds between consecutive animation frames. */
  intervals: number[];
  /** Durations of the main thread's long tasks meanwhile, in milliseconds. */
  longTasks: number[];
  /** How long the recording ran, in milliseconds. */
  durationMs: number;
}

interface FrameRecorder {
  frames: number[];
  longTasks: number[];
  running: boolean;
  observer: PerformanceObserver | null;
}

type WithRecorder = Window & { __benchFrames?: FrameRecorder };

/** Starts recording animation frames in the page. */
export async function startFrames(page: Page): Promise<void> {
  await page.evaluate(() => {
    const w = window as WithRecorder;
    const recorder: FrameRecorder = { frames: [], longTasks: [], running: true, observer: null };
    w.__benchFrames = recorder;
    const tick = (time: number) => {
      recorder.frames.push(time);
      if (recorder.running) requestAnimationFrame(tick);
    };
    requestAnimationFrame(tick);
    try {
      recorder.observer = new PerformanceObserver((list) => {
        for (const entry of list.getEntries()) recorder.longTasks.push(entry.duration);
      });
      recorder.observer.observe({ type: 'longtask' });
    } catch {
      // Long tasks are extra information; a browser without them still gives the frames.
    }
  });
}

/** Stops recording and answers what was recorded. */
export async function stopFrames(page: Page): Promise<FrameRecording> {
  return page.evaluate(() => {
    const recorder = (window as WithRecorder).__benchFrames;
    if (!recorder) throw new Error('stopFrames: no recording was started');
    recorder.running = false;
    if (recorder.observer) {
      for (const entry of recorder.observer.takeRecords()) recorder.longTasks.push(entry.duration);
      recorder.observer.disconnect();
    }
    delete (window as WithRecorder).__benchFrames;
    const intervals = recorder.frames.slice(1).map((t, i) => t - recorder.frames[i]!);
    const durationMs = recorder.frames.length > 1 ? recorder.frames[recorder.frames.length - 1]! - recorder.frames[0]! : 0;
    return { intervals, longTasks: recorder.longTasks, durationMs };
  });
}

/** Several recordings as one. */
export function mergeRecordings(recordings: readonly FrameRecording[]): FrameRecording {
  return {
    intervals: recordings.flatMap((r) => r.intervals),
    longTasks: recordings.flatMap((r) => r.longTasks),
    durationMs: recordings.reduce((sum, r) => sum + r.durationMs, 0),
  };
}

/**
 * The share of display refreshes (vsyncs) that brought no new frame, in percent: an interval
 * of two vsyncs is one dropped frame. The vsync is taken as the recording's median interval.
 * Unlike a percentile of the intervals, which can only move in whole vsyncs, this moves
 * smoothly with how many frames are missed.
 */
export function droppedFramePercent(intervals: readonly number[]): number {
  const vsync = median(intervals);
  if (!(vsync > 0)) return Number.NaN;
  let slots = 0;
  let dropped = 0;
  for (const interval of intervals) {
    const n = Math.max(1, Math.round(interval / vsync));
    slots += n;
    dropped += n - 1;
  }
  return (100 * dropped) / slots;
}

/** A recording in a few numbers, for a figure's detail. */
export function summarise(recording: FrameRecording): Record<string, number> {
  const { intervals, longTasks } = recording;
  const round = (n: number) => Math.round(n * 10) / 10;
  return {
    frames: intervals.length,
    durationMs: Math.round(recording.durationMs),
    medianMs: round(median(intervals)),
    p95Ms: round(percentile(intervals, 95)),
    p99Ms: round(percentile(intervals, 99)),
    maxMs: round(Math.max(0, ...intervals)),
    framesOver50Ms: intervals.filter((i) => i > 50).length,
    droppedFramePercent: round(droppedFramePercent(intervals)),
    longTasks: longTasks.length,
    longestTaskMs: round(Math.max(0, ...longTasks)),
    totalBlockingMs: round(longTasks.reduce((sum, d) => sum + Math.max(0, d - 50), 0)),
  };
}
