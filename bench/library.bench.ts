/**
 * Benchmarks of a large library, for the issue "A library of 10,000 annotations stays fast":
 * one document of 300 sheets (about 600,000 characters of Cyrillic text) with 10,000 annotations
 * of every kind, beside 1,000 small documents.
 *
 * 1. Opening the large document until its transcription and highlights are interactive, against
 *    the same text in a bare ProseMirror view with no annotations.
 * 2. Keystroke-to-paint latency in the transcription editor (Ctrl+E) and in an annotation's body
 *    editor, against the same document's text and scans with one annotation.
 * 3. Pack export and import of the whole library, as the app does them, against raw Dexie reads
 *    (`toArray`) and writes (`bulkPut`) of the same records.
 * 4. Re-anchoring every annotation after a batch of 50 edits, against finding them at their
 *    stored positions.
 * 5. The JS heap while and after opening the large document, against a small one.
 *
 * The library is generated in the page from one seed with the app's own modules
 * (bench/pages/library-data.ts) and written into the app's IndexedDB before the app opens it —
 * unlike the viewer benchmark, which sets its data up through the UI: importing 11,000
 * annotations through packs would be the thing measured, not the setup. The app is then opened
 * on it and must show it: the library's every document, every card, the highlights.
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect, test, type CDPSession, type Page } from '@playwright/test';
import { typeAndRecord, type KeystrokeRecording } from './support/keystrokes';
import { timeClicksOnHighlights, timeKeyUntilShown, timeUntilInteractive, type InteractiveTiming, type InteractiveWanted } from './support/library-open';
import { openHarness, serveBenchPages } from './support/library-pages';
import type { BenchBareApi, BenchLibraryApi, ExportTiming, ImportTiming, LibrarySpec, ReanchorRun, SeedSummary } from './support/library-protocol';
import { collectGarbage, measureMemory, mebibytes, memorySession, type MemorySnapshot } from './support/memory';
import { median, percentile, record } from './support/results';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const SAMPLE_TEXT = path.join(root, 'assets', 'sample', 'mao-to-filippov-1951-07-20.txt');
const LAST_DOCUMENT_KEY = 'marginalia:last-document';

/** The Cyrillic words of the sample telegram, as often as they occur there. */
function sampleWords(): string[] {
  return fs.readFileSync(SAMPLE_TEXT, 'utf8').match(/[А-Яа-яЁё]+(?:-[А-Яа-яЁё]+)?/g) ?? [];
}

const LIBRARY: LibrarySpec = {
  seed: 19510720,
  words: sampleWords(),
  sheets: 300,
  characters: 600_000,
  annotations: 10_000,
  smallDocuments: 1_000,
  scans: 20,
  twin: false,
};

const OPEN_ROUNDS = 3;
/** What a trace of an opening or a pack export records (BENCH_TRACE): the main thread's tasks, Blink's lifecycle, V8, IndexedDB. */
const TRACE_CATEGORIES = ['devtools.timeline', 'disabled-by-default-devtools.timeline', 'blink', 'v8', 'IndexedDB', 'toplevel', 'disabled-by-default-v8.cpu_profiler'];
const TYPING = { bursts: 3, keys: 15, pauseMs: 1500, maxBurstMs: 10_000, maxTotalMs: 25_000 };
/** Clicks on highlighted words, each opening another card, timed in the reading view of the large document. */
const CLICKS = 10;

/**
 * Runs `work`; with BENCH_TRACE=/tmp/x, also writes a Chromium trace of it to
 * /tmp/x-<name>.trace.json (for chrome://tracing or Perfetto): the page's and its workers'
 * threads, with the V8 CPU profiler's samples.
 */
async function traced<T>(page: Page, name: string, work: () => Promise<T>): Promise<T> {
  const tracing = process.env.BENCH_TRACE;
  if (!tracing) return work();
  const browser = page.context().browser()!;
  await browser.startTracing(page, { path: `${tracing}-${name}.trace.json`, categories: TRACE_CATEGORIES });
  try {
    return await work();
  } finally {
    await browser.stopTracing();
  }
}

/** Types and records as `typeAndRecord`, traced as `typing-<name>` (see `traced`). */
function tracedTyping(page: Page, name: string): Promise<KeystrokeRecording> {
  return traced(page, `typing-${name}`, () => typeAndRecord(page, TYPING));
}
/** An opening slower than this (ten times its goal) is timed twice rather than three times. */
const SLOW_OPEN_MS = 10_000;
const PACK_ROUNDS = 3;
const REANCHOR_ROUNDS = 3;
const EDITS = 50;

type Harness = Window & { benchLibrary: BenchLibraryApi; benchBare: BenchBareApi };

/** Makes the library in the app's IndexedDB (from the harness page), and says which document the app opens first. */
async function seedLibrary(page: Page, spec: LibrarySpec): Promise<SeedSummary> {
  await openHarness(page);
  const summary = await page.evaluate((spec) => (window as unknown as Harness).benchLibrary.seed(spec), spec);
  await rememberDocument(page, summary.smallId);
  console.log(
    `  library: ${summary.documents} documents, ${summary.annotationsInLibrary} annotations (${(summary.annotationJsonBytes / 2 ** 20).toFixed(1)} MiB as JSON), ` +
      `${summary.scans} scans; the large document has ${summary.characters.toLocaleString('en-US')} characters, ` +
      `${summary.textAnnotations} annotations on words and ${summary.regionAnnotations} regions (${summary.linkedRegions} linked to words), ${JSON.stringify(summary.byKind)}; ` +
      `generated in ${summary.generateMs} ms, written in ${summary.writeMs} ms`,
  );
  return summary;
}

/**
 * A document's button in the library. The list is windowed (only the documents near view are
 * drawn); the large document and its twin ("A 300-sheet file…") sort before the small ones'
 * Cyrillic titles, so they are drawn at the top of the list.
 */
const libraryButton = (page: Page, title: string) => page.locator('.library .library-item', { hasText: title });

/**
 * Checks that the library lists every document. Its list is windowed: each drawn item says the
 * size of the whole list, and at the end of the list is the last document. The list is scrolled
 * back to the top afterwards.
 */
async function expectLibraryOf(page: Page, documents: number): Promise<void> {
  const items = page.locator('.library .library-list > li');
  await expect(items.first()).toHaveAttribute('aria-setsize', String(documents));
  const list = page.locator('.library .library-list-window');
  await list.evaluate((element) => element.scrollTo(0, element.scrollHeight));
  await expect(items.last()).toHaveAttribute('aria-posinset', String(documents));
  await list.evaluate((element) => element.scrollTo(0, 0));
  await expect(items.first()).toHaveAttribute('aria-posinset', '1');
}

/** Makes the app open this document when it next loads (call on a page of the app's origin). */
async function rememberDocument(page: Page, documentId: string): Promise<void> {
  await page.evaluate(([key, id]) => localStorage.setItem(key, id), [LAST_DOCUMENT_KEY, documentId] as const);
}

/** Loads the app, which opens the document it remembers, and lets it settle. */
async function loadApp(page: Page, title: string): Promise<void> {
  await page.goto('/');
  await expect(page.getByRole('heading', { level: 1, name: title })).toBeVisible({ timeout: 120_000 });
  await page.evaluate(() => document.fonts.ready.then(() => undefined));
  await page.waitForTimeout(1000);
}

/** Waits until a document is shown with its transcription and (when it has some) its highlights. */
async function waitForDocument(page: Page, want: Pick<InteractiveWanted, 'title' | 'sheets' | 'highlightedIds'>): Promise<void> {
  await page.waitForFunction(
    (want) => {
      const view = document.querySelector('.transcription-text:not(.editing)');
      if (!view || document.querySelector('.document-view h1')?.textContent !== want.title) return false;
      if (view.querySelectorAll(':scope > section.sheet').length !== want.sheets) return false;
      return want.highlightedIds === 0 || view.getElementsByClassName('hl').length > 0;
    },
    want,
    { timeout: 180_000, polling: 200 },
  );
}

/** The place and size of the app's transcription pane (its scrolling box), for the bare page to copy. */
function transcriptionPane(page: Page): Promise<{ left: number; top: number; width: number; height: number }> {
  return page.evaluate(() => {
    const text = document.querySelector<HTMLElement>('.transcription-text')!;
    let scroller: HTMLElement = document.documentElement;
    for (let el = text.parentElement; el; el = el.parentElement) {
      const overflow = getComputedStyle(el).overflowY;
      if (overflow === 'auto' || overflow === 'scroll') {
        scroller = el;
        break;
      }
    }
    const r = scroller.getBoundingClientRect();
    return { left: r.left, top: r.top, width: r.width, height: r.height };
  });
}

const round1 = (n: number) => Math.round(n * 10) / 10;
const phases = (timings: readonly InteractiveTiming[]) => ({
  textMs: timings.map((t) => Math.round(t.textMs)),
  highlightsMs: timings.map((t) => Math.round(t.highlightsMs)),
  interactiveMs: timings.map((t) => Math.round(t.interactiveMs)),
});

test.describe('library', () => {
  test('opening the 300-sheet document with 10,000 annotations, the heap it takes, and typing in it', async ({ page, baseURL }, testInfo) => {
    await serveBenchPages(page.context(), baseURL!);
    const library = await seedLibrary(page, { ...LIBRARY, twin: true });
    const session = await memorySession(page);
    const large: InteractiveWanted = { title: library.largeTitle, sheets: LIBRARY.sheets, highlightedIds: library.highlightedIds, clickAnnotationId: library.first.id };

    // 1. Opening, against the bare ProseMirror page; 5. the heap, sampled meanwhile.
    const app: InteractiveTiming[] = [];
    const bare: InteractiveTiming[] = [];
    const heap = { smallPeak: [] as number[], smallAfter: [] as MemorySnapshot[], largePeak: [] as number[], largeAfter: [] as MemorySnapshot[], samples: {} as Record<string, number[]> };
    let pane: { left: number; top: number; width: number; height: number } | null = null;
    let shown = { elements: 0, ids: 0 };
    let rounds = OPEN_ROUNDS;
    let last: 'app' | 'bare' = 'bare';
    for (let round = 0; round < rounds; round++) {
      // The app first in the first round: the bare page copies its transcription pane.
      for (const side of round % 2 === 0 ? (['app', 'bare'] as const) : (['bare', 'app'] as const)) {
        last = side;
        if (side === 'app') {
          // The app loads on the small document (from a blank page, after garbage collection)…
          await rememberDocument(page, library.smallId);
          await page.goto('about:blank');
          await collectGarbage(page, session);
          let sampler = sampleHeap(session);
          await loadApp(page, library.smallTitle);
          heap.smallPeak.push(Math.max(...keepSamples(heap.samples, `small ${round + 1}`, await sampler.stop())));
          heap.smallAfter.push(await measureMemory(page, session));
          if (round === 0) await expectLibraryOf(page, library.documents);
          // …then the large one is chosen in the library: timed.
          sampler = sampleHeap(session);
          // BENCH_TRACE=/tmp/open traces each timed opening (/tmp/open-1.trace.json, …).
          app.push(await traced(page, `${round + 1}`, () => timeUntilInteractive(page, () => libraryButton(page, library.largeTitle).click(), large)));
          // The heap's peak comes as the whole list of annotations is taken in, which may be after
          // the card opened (the first pages' annotations are shown first): sampled until the
          // panel counts them all, and a second more.
          await expect(page.locator('.annotations-panel .filter.kind-all .count')).toHaveText(String(LIBRARY.annotations), { timeout: 180_000 });
          await page.waitForTimeout(1000);
          heap.largePeak.push(Math.max(...keepSamples(heap.samples, `large ${round + 1}`, await sampler.stop())));
          heap.largeAfter.push(await measureMemory(page, session));
          if (round === 0) {
            // The app took the library: the panel lists every annotation (its list is windowed:
            // the count is the "All" filter's, and the cards near view are in the DOM), the clicked one open.
            await expect(page.locator('.annotations-panel .filter.kind-all .count')).toHaveText(String(LIBRARY.annotations));
            await expect(page.locator('.annotation-card').first()).toBeVisible();
            await expect(page.locator('.annotation-card.open')).toHaveCount(1);
            shown = await page.evaluate(() => {
              const highlights = [...document.querySelectorAll('.transcription-text .hl')];
              // Each stretch carries every annotation it belongs to as a class hl-id-<id>.
              const ids = highlights.flatMap((h) => [...h.classList].filter((c) => c.startsWith('hl-id-')));
              return { elements: highlights.length, ids: new Set(ids).size };
            });
            console.log(`  highlights: ${shown.elements} elements carrying ${shown.ids} of the ${library.highlightedIds} annotation ids`);
            pane = await transcriptionPane(page);
            // A median of two is enough to show an opening ten times over its goal, and saves minutes.
            if (app[0]!.interactiveMs > SLOW_OPEN_MS) rounds = Math.min(rounds, 2);
          }
        } else {
          await page.goto('/bench/bare.html');
          await page.evaluate(async ([pane, smallId]) => {
            const bare = (window as unknown as Harness).benchBare;
            await bare.ready;
            bare.place(pane);
            bare.next = smallId;
          }, [pane!, library.smallId] as const);
          await page.locator('#open').click();
          await expect(page.locator('.transcription-text section.sheet')).toHaveCount(1);
          await page.evaluate(() => document.fonts.ready.then(() => undefined));
          await page.waitForTimeout(1000);
          await page.evaluate((id) => void ((window as unknown as Harness).benchBare.next = id), library.largeId);
          bare.push(await timeUntilInteractive(page, () => page.locator('#open').click(), { sheets: LIBRARY.sheets, highlightedIds: 0, clickWord: true }));
        }
      }
      console.log(`  round ${round + 1}: app ${JSON.stringify(roundAll({ ...app.at(-1)! }))}, bare ${JSON.stringify(roundAll({ ...bare.at(-1)! }))}`);
    }
    await record(testInfo, {
      name: 'opening the large document until its highlights are in and a click opens a card, median',
      value: median(app.map((t) => t.interactiveMs)),
      baseline: median(bare.map((t) => t.interactiveMs)),
      unit: 'ms',
      goal: { maxRatio: 1.5, maxValue: 1000 },
      compares: `300 sheets, ${library.characters.toLocaleString('en-US')} characters, ${LIBRARY.annotations.toLocaleString('en-US')} annotations in the app (chosen in the library, from a small document) vs the same text read from IndexedDB into a bare non-editable ProseMirror view (app stylesheet, same pane), click on a word answered`,
      detail: { app: phases(app), bare: phases(bare), annotationsHighlighted: library.highlightedIds, highlightElements: shown.elements, idsOnHighlightElements: shown.ids },
    });
    const compares = `the app after choosing the large document (${(library.annotationJsonBytes / 2 ** 20).toFixed(0)} MiB of annotation records as JSON) vs the app loaded on a small document just before, same library`;
    const medianOf = (snapshots: MemorySnapshot[], pick: (s: MemorySnapshot) => number) => median(snapshots.map(pick));
    await record(testInfo, {
      name: 'peak JS heap while opening the large document (sampled every 50 ms)',
      value: mebibytes(median(heap.largePeak)),
      baseline: mebibytes(median(heap.smallPeak)),
      unit: 'MiB',
      goal: { maxRatio: 4 },
      compares,
      detail: { samplesMiB: heap.samples },
    });
    await record(testInfo, {
      name: 'JS heap with the large document open (after GC)',
      value: mebibytes(medianOf(heap.largeAfter, (s) => s.jsHeapUsedBytes)),
      baseline: mebibytes(medianOf(heap.smallAfter, (s) => s.jsHeapUsedBytes)),
      unit: 'MiB',
      goal: { maxRatio: 4 },
      compares,
      detail: {
        domNodes: { large: medianOf(heap.largeAfter, (s) => s.domNodes), small: medianOf(heap.smallAfter, (s) => s.domNodes) },
        documentElements: { large: medianOf(heap.largeAfter, (s) => s.documentElements), small: medianOf(heap.smallAfter, (s) => s.documentElements) },
        rendererRssMiB: {
          large: Math.round(mebibytes(medianOf(heap.largeAfter, (s) => s.rssByType.renderer ?? 0))),
          small: Math.round(mebibytes(medianOf(heap.smallAfter, (s) => s.rssByType.renderer ?? 0))),
        },
      },
    });
    await session.detach();

    // 2. Typing: in the large document (open if the last round ended in the app), then in the
    // same text and scans with one annotation.
    if (last !== 'app') {
      await rememberDocument(page, library.smallId);
      await loadApp(page, library.smallTitle);
      await libraryButton(page, library.largeTitle).click();
    }
    const docs = {
      large: { title: library.largeTitle, first: library.first, highlightedIds: library.highlightedIds },
      twin: { title: library.twinTitle!, first: library.twinFirst!, highlightedIds: 1 },
    };
    const recordings: Record<keyof typeof docs, { editor: KeystrokeRecording[]; body: KeystrokeRecording[] }> = { large: { editor: [], body: [] }, twin: { editor: [], body: [] } };
    const enteringEditorMs: Record<keyof typeof docs, number> = { large: Number.NaN, twin: Number.NaN };
    let clickToCardMs: number[] = [];
    for (const which of ['large', 'twin'] as const) {
      const doc = docs[which];
      const started = Date.now();
      if (which === 'twin') await libraryButton(page, doc.title).click();
      await waitForDocument(page, { title: doc.title, sheets: LIBRARY.sheets, highlightedIds: doc.highlightedIds });
      await page.waitForTimeout(1000);

      // The transcription editor (Edit › Edit Transcription, Ctrl+E), typing at the start of sheet 1.
      enteringEditorMs[which] = await timeKeyUntilShown(page, 'Control+e', '.transcription-text.editing');
      const editor = page.locator('.transcription-text.editing');
      await expect(editor.locator(':scope > section.sheet')).toHaveCount(LIBRARY.sheets, { timeout: 120_000 });
      await page.waitForTimeout(500);
      await editor.locator('section.sheet').first().locator('p').first().click({ position: { x: 60, y: 8 } });
      await page.waitForTimeout(500);
      recordings[which].editor.push(await tracedTyping(page, `editor-${which}`));
      await page.keyboard.press('Control+e');
      await expect(editor).toHaveCount(0, { timeout: 180_000 });
      await waitForDocument(page, { title: doc.title, sheets: LIBRARY.sheets, highlightedIds: doc.highlightedIds });
      await page.waitForTimeout(1000);

      // The body editor of the first annotation (its card near the top of the panel, below the
      // regions of sheet 1). A long list is windowed: scroll the panel, as a reader would, until
      // the card is drawn.
      const card = page.locator(`.annotation-card[data-annotation-id="${doc.first.id}"]`);
      for (let step = 0; step < 100 && (await card.count()) === 0; step++) {
        await page.locator('.annotation-list-window').evaluate((list) => list.scrollBy(0, list.clientHeight * 0.8));
        await page.waitForTimeout(150);
      }
      if ((await card.getAttribute('class'))?.split(' ').includes('open') !== true) await card.locator('.card-head').click();
      const body = card.locator('.body-editor-text');
      await expect(body).toBeVisible({ timeout: 60_000 });
      await body.click();
      await page.keyboard.press('Control+End');
      await page.waitForTimeout(500);
      recordings[which].body.push(await tracedTyping(page, `body-${which}`));
      // Closing the card blurs the editor, which saves the body.
      await card.locator('.card-head').click();
      await expect(body).toHaveCount(0, { timeout: 60_000 });
      await page.waitForTimeout(1500);
      // Reading: a click on highlighted words opens their card (the twin has one annotation, so no baseline).
      if (which === 'large') clickToCardMs = await timeClicksOnHighlights(page, CLICKS);
      const latest = (list: KeystrokeRecording[]) => list.at(-1)!.latencies;
      console.log(
        `  ${which}: entering the editor ${Math.round(enteringEditorMs[which])} ms; transcription editor median ${round1(median(latest(recordings[which].editor)))} ms, p95 ${round1(percentile(latest(recordings[which].editor), 95))} ms over ${latest(recordings[which].editor).length} keys; ` +
          `body median ${round1(median(latest(recordings[which].body)))} ms, p95 ${round1(percentile(latest(recordings[which].body), 95))} ms over ${latest(recordings[which].body).length} keys (${((Date.now() - started) / 1000).toFixed(0)} s)`,
      );
    }
    // 3. The measure's floor: the same typing into one editable line on an empty page. A key
    // waits for the display's next frame (0–16.7 ms at 60 Hz) whatever the page does, and then
    // for that frame to be drawn, so no page can have a p95 far under 16 ms here.
    await page.goto('about:blank');
    await page.setContent('<!doctype html><p contenteditable="true" style="font: 16px serif; min-height: 2em">x</p>');
    await page.locator('p').click();
    await page.waitForTimeout(500);
    const floor = await typeAndRecord(page, TYPING);

    const all = (list: KeystrokeRecording[]) => list.flatMap((r) => r.latencies);
    const detailOf = (list: KeystrokeRecording[]) => ({
      keys: all(list).length,
      latencyMs: all(list).map(round1),
      maxMs: round1(Math.max(...all(list))),
      eventTimingOver16Ms: list.flatMap((r) => r.slowEventTimings).length,
      eventTimingSlowestMs: Math.max(0, ...list.flatMap((r) => r.slowEventTimings)),
      longTasks: list.flatMap((r) => r.longTasks).length,
      longestTaskMs: round1(Math.max(0, ...list.flatMap((r) => r.longTasks))),
      blockingMs: round1(list.flatMap((r) => r.longTasks).reduce((sum, d) => sum + Math.max(0, d - 50), 0)),
    });
    for (const [editorName, key, label] of [
      ['transcription editor (Ctrl+E)', 'editor', 'typing at the start of sheet 1'],
      ['annotation body editor', 'body', "typing at the end of the first card's body"],
    ] as const) {
      const value = all(recordings.large[key]);
      const baseline = all(recordings.twin[key]);
      const compares = `${label}, ${TYPING.bursts} bursts of up to ${TYPING.keys} keys (a burst ${TYPING.maxBurstMs / 1000} s at most, none begun after ${TYPING.maxTotalMs / 1000} s) with ${TYPING.pauseMs / 1000} s pauses: the document with ${LIBRARY.annotations.toLocaleString('en-US')} annotations vs the same text and scans with one`;
      const detail = { large: detailOf(recordings.large[key]), oneAnnotation: detailOf(recordings.twin[key]) };
      await record(testInfo, { name: `keystroke → paint in the ${editorName}, median`, value: median(value), baseline: median(baseline), unit: 'ms', goal: { maxRatio: 1.2 }, compares, detail });
      await record(testInfo, {
        name: `keystroke → paint in the ${editorName}, p95`,
        value: percentile(value, 95),
        baseline: percentile(baseline, 95),
        unit: 'ms',
        goal: { maxRatio: 1.2, maxValue: 16 },
        compares,
      });
    }
    await record(testInfo, {
      name: 'entering the transcription editor (Ctrl+E) until it is drawn',
      value: enteringEditorMs.large,
      baseline: enteringEditorMs.twin,
      unit: 'ms',
      compares: `one Ctrl+E each, from the key going down until the editor's frame is drawn: the document with ${LIBRARY.annotations.toLocaleString('en-US')} annotations vs the same text and scans with one (no goal in the issue; a user waits for this)`,
    });
    await record(testInfo, {
      name: 'a click on highlighted words until their card is open, median',
      value: median(clickToCardMs),
      unit: 'ms',
      compares: `${CLICKS} clicks on the words of different annotations in view in the reading view of the document with ${LIBRARY.annotations.toLocaleString('en-US')} annotations, from the mouse going down until another card is open and drawn (no baseline: the twin has one annotation; no goal in the issue; a reader waits for this at every click)`,
      detail: { clicksMs: clickToCardMs.map(round1) },
    });
    const floorCompares = `one editable line on an empty page, typed as above: what any page pays for a key (no baseline, no goal)`;
    await record(testInfo, { name: 'keystroke → paint in an empty editable (the floor of this measure), median', value: median(floor.latencies), unit: 'ms', compares: floorCompares, detail: detailOf([floor]) });
    await record(testInfo, { name: 'keystroke → paint in an empty editable (the floor of this measure), p95', value: percentile(floor.latencies, 95), unit: 'ms', compares: floorCompares });
  });

  test('pack export and import of the whole library', async ({ page, baseURL }, testInfo) => {
    await serveBenchPages(page.context(), baseURL!);
    const library = await seedLibrary(page, LIBRARY);
    const exports: ExportTiming[] = [];
    const reads: number[] = [];
    const imports: ImportTiming[] = [];
    const writes: number[] = [];
    let records: Record<string, number> = {};
    for (let round = 0; round < PACK_ROUNDS; round++) {
      // Alternated, so that whatever the machine does meanwhile hits both.
      const steps = ['export', 'read', 'import', 'write'] as const;
      for (const step of round % 2 === 0 ? steps : ([steps[1], steps[0], steps[3], steps[2]] as const)) {
        if (step === 'export') {
          // BENCH_TRACE=/tmp/t also traces each export (/tmp/t-export-1.trace.json, …), the deflating worker's thread included.
          exports.push(await traced(page, `export-${round + 1}`, () => page.evaluate(() => (window as unknown as Harness).benchLibrary.exportPack())));
        } else if (step === 'read') {
          const raw = await page.evaluate(() => (window as unknown as Harness).benchLibrary.readRaw());
          reads.push(raw.ms);
          records = raw.records;
        } else if (step === 'import') imports.push(await page.evaluate(() => (window as unknown as Harness).benchLibrary.importPack()));
        else writes.push((await page.evaluate(() => (window as unknown as Harness).benchLibrary.writeRaw())).ms);
      }
      console.log(
        `  round ${round + 1}: export ${Math.round(exports.at(-1)!.totalMs)} ms ${JSON.stringify(roundAll(exports.at(-1)!.phases))} vs read ${Math.round(reads.at(-1)!)} ms; ` +
          `import ${Math.round(imports.at(-1)!.totalMs)} ms ${JSON.stringify(roundAll(imports.at(-1)!.phases))} vs write ${Math.round(writes.at(-1)!)} ms`,
      );
    }
    const medianPhases = (list: ReadonlyArray<{ phases: Record<string, number> }>) =>
      Object.fromEntries(Object.keys(list[0]!.phases).map((k) => [k, Math.round(median(list.map((t) => t.phases[k]!)))]));
    const what = `${library.documents} documents, ${library.annotationsInLibrary} annotations, ${library.scans} scans (${Object.entries(records).map(([t, n]) => `${n} ${t}`).join(', ')})`;
    await record(testInfo, {
      name: 'pack export of the whole library (gatherPackInput + writePack)',
      value: median(exports.map((e) => e.totalMs)),
      baseline: median(reads),
      unit: 'ms',
      goal: { maxRatio: 2 },
      compares: `${what}, in the page vs Dexie toArray of the same tables`,
      detail: { phasesMs: medianPhases(exports), packMiB: round1(exports[0]!.packBytes / 2 ** 20), exportMs: exports.map((e) => Math.round(e.totalMs)), readMs: reads.map(Math.round) },
    });
    await record(testInfo, {
      name: 'pack import into an empty library (readPack + planMerge + applyMergePlan + writeMerge)',
      value: median(imports.map((e) => e.totalMs)),
      baseline: median(writes),
      unit: 'ms',
      goal: { maxRatio: 2 },
      compares: `the same pack, in the page vs Dexie bulkPut of the same records in one transaction, both into an empty database of the current schema`,
      detail: { phasesMs: medianPhases(imports), written: imports[0]!.written, importMs: imports.map((e) => Math.round(e.totalMs)), writeMs: writes.map(Math.round) },
    });
  });

  test('re-anchoring 10,000 annotations after 50 edits', async ({ page, baseURL }, testInfo) => {
    await serveBenchPages(page.context(), baseURL!);
    await openHarness(page);
    const setup = await page.evaluate(([spec, edits]) => (window as unknown as Harness).benchLibrary.prepareReanchor(spec, edits), [LIBRARY, EDITS] as const);
    console.log(`  ${setup.anchors} anchors; ${setup.insertions} insertions and ${setup.deletions} deletions: ${setup.charactersBefore} → ${setup.charactersAfter} characters`);
    const edited: ReanchorRun[] = [];
    const unchanged: ReanchorRun[] = [];
    for (let round = 0; round < REANCHOR_ROUNDS; round++) {
      for (const which of round % 2 === 0 ? (['unchanged', 'edited'] as const) : (['edited', 'unchanged'] as const)) {
        const run = await page.evaluate((which) => (window as unknown as Harness).benchLibrary.reanchor(which), which);
        (which === 'edited' ? edited : unchanged).push(run);
      }
      console.log(`  round ${round + 1}: after the edits ${Math.round(edited.at(-1)!.ms)} ms ${JSON.stringify(edited.at(-1)!.methods)}, unchanged ${Math.round(unchanged.at(-1)!.ms)} ms`);
    }
    const editedMs = median(edited.map((r) => r.ms));
    const unchangedMs = median(unchanged.map((r) => r.ms));
    const compares = `every text target of the large document (${setup.anchors}, annotations' own and regions' linked words) with reanchorTextQuote, after ${setup.edits} edits (${setup.insertions} insertions, ${setup.deletions} deletions of 1–4 words, spread over the text) vs in the unchanged text, where each holds at its stored position`;
    await record(testInfo, {
      name: `re-anchoring all annotations after ${EDITS} edits, time`,
      value: editedMs,
      baseline: unchangedMs,
      unit: 'ms',
      goal: { maxValue: 1000 },
      compares,
      detail: { methods: edited[0]!.methods, editedMs: edited.map((r) => Math.round(r.ms)), unchangedMs: unchanged.map((r) => Math.round(r.ms)) },
    });
    await record(testInfo, {
      name: `re-anchoring all annotations after ${EDITS} edits, rate`,
      value: setup.anchors / (editedMs / 1000),
      baseline: setup.anchors / (unchangedMs / 1000),
      unit: 'anchors/s',
      compares,
    });
  });
});

/** Keeps a series of heap samples (in MiB, for results.json) and answers it as it was, in bytes. */
function keepSamples(into: Record<string, number[]>, name: string, bytes: number[]): number[] {
  into[name] = bytes.map((b) => Math.round(mebibytes(b) * 10) / 10);
  return bytes;
}

function roundAll(values: Record<string, number>): Record<string, number> {
  return Object.fromEntries(Object.entries(values).map(([k, v]) => [k, Math.round(v)]));
}

/**
 * Samples the page's JS heap (`JSHeapUsedSize`) every 50 ms until stopped; answers the samples.
 * CDP answers between tasks, so the heap within one long task is not seen.
 */
function sampleHeap(session: CDPSession): { stop: () => Promise<number[]> } {
  const samples: number[] = [];
  let sampling = true;
  const done = (async () => {
    while (sampling) {
      try {
        const { metrics } = await session.send('Performance.getMetrics');
        const used = metrics.find((m) => m.name === 'JSHeapUsedSize')?.value;
        if (used !== undefined) samples.push(used);
      } catch {
        // Between documents the metrics may not answer; the next sample will.
      }
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  })();
  return {
    stop: async () => {
      sampling = false;
      await done;
      return samples;
    },
  };
}
