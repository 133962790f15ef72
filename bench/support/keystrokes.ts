/**
 * Keystroke-to-paint latency, measured in the page: for every `keydown`, from the event's own
 * timestamp (when the browser received the key, so time spent waiting behind other work counts)
 * to the end of the next frame — a requestAnimationFrame asked for in the keydown listener, then
 * a message, which runs once that frame's script, style, layout and paint are done. The text the
 * key types is inserted in the same task as its keydown (Chromium dispatches keydown, keypress,
 * beforeinput and input together), so that frame is the one that shows it.
 *
 * Beside it, Chromium's own Event Timing entries (keydown and keypress that took 16 ms or more
 * from the key to the next presentation, in steps of 8 ms) and the long tasks meanwhile, as
 * detail and as a cross-check.
 *
 * Keys are pressed by Playwright from outside with uneven gaps, so they fall at every phase of
 * the display's 16.7 ms refresh: the latency of even a trivial keystroke then spreads over
 * 0–16.7 ms of waiting for the next frame, plus the work.
 */
import type { Page } from '@playwright/test';

export interface KeystrokeRecording {
  /** keydown → the next frame drawn, in milliseconds, one per key. */
  latencies: number[];
  /** Event Timing durations of keydown/keypress of 16 ms or more (one per key, the longer). */
  slowEventTimings: number[];
  /** Long tasks (over 50 ms) on the main thread while recording, in milliseconds. */
  longTasks: number[];
}

interface Recorder {
  latencies: number[];
  slow: Map<number, number>;
  longTasks: number[];
  observers: PerformanceObserver[];
  listener: (event: KeyboardEvent) => void;
}

type WithRecorder = Window & { __benchKeys?: Recorder };

export async function startKeystrokes(page: Page): Promise<void> {
  await page.evaluate(() => {
    const recorder: Recorder = { latencies: [], slow: new Map(), longTasks: [], observers: [], listener: () => undefined };
    recorder.listener = (event: KeyboardEvent) => {
      const pressed = event.timeStamp;
      requestAnimationFrame(() => {
        const channel = new MessageChannel();
        channel.port1.onmessage = () => recorder.latencies.push(performance.now() - pressed);
        channel.port2.postMessage(null);
      });
    };
    window.addEventListener('keydown', recorder.listener, true);
    try {
      const events = new PerformanceObserver((list) => {
        for (const entry of list.getEntries() as PerformanceEventTiming[]) {
          if (entry.name !== 'keydown' && entry.name !== 'keypress') continue;
          const key = entry.interactionId || Math.round(entry.startTime);
          recorder.slow.set(key, Math.max(recorder.slow.get(key) ?? 0, entry.duration));
        }
      });
      events.observe({ type: 'event', durationThreshold: 16 } as PerformanceObserverInit);
      recorder.observers.push(events);
    } catch {
      // Event Timing is a cross-check only.
    }
    try {
      const tasks = new PerformanceObserver((list) => {
        for (const entry of list.getEntries()) recorder.longTasks.push(entry.duration);
      });
      tasks.observe({ type: 'longtask' });
      recorder.observers.push(tasks);
    } catch {
      // Long tasks are detail only.
    }
    (window as WithRecorder).__benchKeys = recorder;
  });
}

export async function stopKeystrokes(page: Page): Promise<KeystrokeRecording> {
  // The last key's frame, and Event Timing's report of it, come a little after the key.
  await page.waitForTimeout(300);
  return page.evaluate(() => {
    const recorder = (window as WithRecorder).__benchKeys;
    if (!recorder) throw new Error('stopKeystrokes: not recording');
    window.removeEventListener('keydown', recorder.listener, true);
    for (const observer of recorder.observers) {
      // Entries not yet handed to the callbacks (they are delivered when the page is idle).
      for (const entry of observer.takeRecords()) {
        if (entry.entryType === 'longtask') recorder.longTasks.push(entry.duration);
        else if (entry.name === 'keydown' || entry.name === 'keypress') {
          const key = (entry as PerformanceEventTiming).interactionId || Math.round(entry.startTime);
          recorder.slow.set(key, Math.max(recorder.slow.get(key) ?? 0, entry.duration));
        }
      }
      observer.disconnect();
    }
    delete (window as WithRecorder).__benchKeys;
    return { latencies: recorder.latencies, slowEventTimings: [...recorder.slow.values()], longTasks: recorder.longTasks };
  });
}

/** Gaps between keys, in milliseconds: a typist's uneven rhythm, the same in every run. */
const GAPS = [85, 120, 95, 140, 70, 110, 100, 130, 90, 75, 125, 105, 115, 80];
const TEXT = 'the reading is corrected here and ';

/**
 * Types `bursts` bursts of `keys` keys (letters and spaces, Latin so that every key is a real
 * keydown on a US layout) with a pause of `pauseMs` after each — long enough for the app's
 * autosave (0.8–1 s after the last key) to run, as it does when someone stops to think — and
 * records every keystroke. Playwright waits for the page to take each key, so when keys take
 * seconds the typing would take minutes: a burst ends early after `maxBurstMs`, and no burst
 * starts after `maxTotalMs`.
 */
export async function typeAndRecord(
  page: Page,
  options: { bursts: number; keys: number; pauseMs: number; maxBurstMs: number; maxTotalMs: number },
): Promise<KeystrokeRecording> {
  await startKeystrokes(page);
  const began = Date.now();
  let n = 0;
  for (let burst = 0; burst < options.bursts && (burst === 0 || Date.now() - began < options.maxTotalMs); burst++) {
    const started = Date.now();
    for (let i = 0; i < options.keys && Date.now() - started < options.maxBurstMs; i++, n++) {
      const ch = TEXT[n % TEXT.length]!;
      await page.keyboard.press(ch === ' ' ? 'Space' : ch);
      await page.waitForTimeout(GAPS[n % GAPS.length]!);
    }
    if (burst < options.bursts - 1) await page.waitForTimeout(options.pauseMs);
  }
  return stopKeystrokes(page);
}
