/**
 * Crash safety: the browser is SIGKILLed in the middle of a scan import and of a pack merge,
 * then started again on the same profile. The library is then exactly as before, or has all of
 * the import or merge — never part of it — and no staged pages are left.
 *
 * Why it holds: an import writes its pages to `stagedScans` (never shown) and moves them into
 * `scans` in one transaction; a merge is one transaction. IndexedDB applies a transaction whole
 * or not at all — a transaction killed before it committed is rolled back by the storage
 * engine's journal when the database is next opened — and strict durability means one that did
 * commit is on disk. Start-up deletes pages staged by an import that is not running.
 *
 * Each kill lands at a known point: while pages are being staged (progress shown, pages in
 * `stagedScans`); inside the commit transaction after some of its writes were issued (kept open
 * so it cannot commit first); or just after it committed.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test, type BrowserContext, type Page } from '@playwright/test';
import type { Annotation } from '../shared/annotation';
import { emptyMetadata } from '../shared/document-metadata';
import { transcriptionHash, writePack } from '../shared/pack';
import { annotation, paragraphs, textTarget, TEACHER } from '../shared/pack/test-fixtures';
import type { PackDocument } from '../shared/pack/types';
import { TRANSCRIPTION_SCHEMA_VERSION, transcriptionFromSheets } from '../shared/transcription/schema';
import { armKill, inspectLibrary, installKillSwitch, killBrowser, launchProfile, waitForDeath, type KillPoint, type LibrarySnapshot } from './support/crash';
import { multiPagePdf } from './support/scan-fixtures';
import { addScans } from './support/scans';
import { openSample } from './support/workstation';

test.describe.configure({ timeout: 90_000 });

let profile: string;
test.beforeEach(() => {
  profile = mkdtempSync(join(tmpdir(), 'marginalia-crash-'));
});
test.afterEach(() => {
  rmSync(profile, { recursive: true, force: true });
});

async function firstPage(context: BrowserContext): Promise<Page> {
  return context.pages()[0] ?? (await context.newPage());
}

/** Starts the app on a fresh profile; answers the context, its page and the library as it stands. */
async function startFresh(
  point?: KillPoint,
): Promise<{ context: BrowserContext; page: Page; before: LibrarySnapshot; closed: Promise<unknown>; fired: Promise<void> }> {
  const context = await launchProfile(profile);
  const closed = new Promise((resolve) => context.once('close', resolve));
  const fired = point ? (await installKillSwitch(context, profile, point)).fired : Promise.resolve();
  const page = await firstPage(context);
  await openSample(page);
  const before = await inspectLibrary(context);
  expect(before.stagedScans).toEqual([]);
  return { context, page, before, closed, fired };
}

/** Starts the browser again on the profile after the kill: the library as the crash left it, then as the app shows it. */
async function restart(): Promise<{ context: BrowserContext; page: Page; afterCrash: LibrarySnapshot; afterStart: LibrarySnapshot }> {
  const context = await launchProfile(profile);
  const afterCrash = await inspectLibrary(context);
  const page = await firstPage(context);
  await openSample(page);
  const afterStart = await inspectLibrary(context);
  return { context, page, afterCrash, afterStart };
}

const progress = (page: Page) => page.getByRole('status', { name: 'Import progress' });

test('killed while a 120-page PDF is being imported: the library is as before, and the staged pages are cleared at the next start', async () => {
  const pdf = await multiPagePdf(120);
  const { context, page, before, closed } = await startFresh();
  expect(before.scans).toHaveLength(4); // the sample's generated facsimiles

  await addScans(page, [pdf]);
  await expect(progress(page)).toContainText(/page ([4-9]|\d\d+) of 120/, { timeout: 30_000 });
  // Pages staged and committed to IndexedDB (read over a connection of its own), none in the library.
  let staged = 0;
  await expect
    .poll(async () => (staged = (await inspectLibrary(context)).stagedScans.length), { timeout: 20_000 })
    .toBeGreaterThanOrEqual(3);
  await expect(progress(page)).toBeVisible(); // still importing

  killBrowser(profile);
  await waitForDeath(profile, closed);

  const { context: again, page: after, afterCrash, afterStart } = await restart();
  try {
    // What the crash left: the library untouched; the pages staged before the kill still staged.
    expect(afterCrash.scans).toEqual(before.scans);
    expect(afterCrash.stagedScans.length).toBeGreaterThanOrEqual(staged);
    expect(afterCrash.stagedScans.length).toBeLessThan(120);
    // After the start: exactly as before the import, nothing staged.
    expect(afterStart.scans).toEqual(before.scans);
    expect(afterStart.stagedScans).toEqual([]);
    expect(afterStart.documents).toEqual(before.documents);
    await after.getByRole('tab', { name: /^Scans/ }).click();
    await expect(after.locator('.scan-item')).toHaveCount(4);
    await expect(progress(after)).toHaveCount(0);
    test.info().annotations.push({ type: 'outcome', description: `as before; ${afterCrash.stagedScans.length} staged pages discarded at start` });
  } finally {
    await again.close();
  }
});

/** Pages of the import, in the order of the library's scans, as "name#page". */
const imported = (s: LibrarySnapshot, before: LibrarySnapshot) =>
  s.scans
    .filter((scan) => !before.scans.some((b) => b.id === scan.id))
    .sort((a, b) => a.order - b.order)
    .map((scan) => `${scan.sourceName}#${scan.pageNumber}`);

test('killed inside the transaction that adds the imported pages: none of them is in the library', async () => {
  const pdf = await multiPagePdf(12, 'twelve.pdf');
  const { page, before, closed, fired } = await startFresh({ stores: ['stagedScans', 'scans', 'documents'], at: { store: 'scans', write: 6 } });
  await armKill(page);
  await addScans(page, [pdf]);
  await fired; // the kill came from the switch, at its point
  await waitForDeath(profile, closed);

  const { context: again, afterCrash, afterStart } = await restart();
  try {
    // Six of the twelve writes had reached IndexedDB when the browser died; the transaction had not committed.
    expect(afterCrash.scans).toEqual(before.scans);
    expect(afterCrash.stagedScans.map((s) => s.pageNumber).sort((a, b) => a - b)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12]);
    expect(afterStart.scans).toEqual(before.scans);
    expect(afterStart.stagedScans).toEqual([]);
  } finally {
    await again.close();
  }
});

test('killed just after the transaction that adds the imported pages committed: all of them are in the library', async () => {
  const pdf = await multiPagePdf(12, 'twelve.pdf');
  const { page, before, closed, fired } = await startFresh({ stores: ['stagedScans', 'scans', 'documents'], at: 'committed' });
  await armKill(page);
  await addScans(page, [pdf]);
  await fired; // the kill came from the switch, at its point
  await waitForDeath(profile, closed);

  const { context: again, page: after, afterCrash, afterStart } = await restart();
  try {
    const all = Array.from({ length: 12 }, (_, i) => `twelve.pdf#${i + 1}`);
    expect(imported(afterCrash, before)).toEqual(all);
    expect(afterCrash.stagedScans).toEqual([]);
    expect(imported(afterStart, before)).toEqual(all);
    expect(afterStart.stagedScans).toEqual([]);
    await after.getByRole('tab', { name: /^Scans/ }).click();
    await expect(after.locator('.scan-item')).toHaveCount(16);
  } finally {
    await again.close();
  }
});

// ---------------------------------------------------------------------------------------------
// A pack merge

const PACK_DOCUMENT_ID = 'c0ffee00-0000-4000-8000-0000000000aa';
const ANNOTATIONS = 600;

/** A pack of a document the library does not have, with many annotations on it. */
function largePack(): { bytes: Uint8Array; annotationIds: string[] } {
  const doc = transcriptionFromSheets([
    { label: 'Sheet 1', numberAsWritten: '', paragraphs: ['Kennan met Malik on 31 May and 5 June 1951.', 'Malik spoke on the radio on 23 June 1951.'] },
  ]).toJSON() as Record<string, unknown>;
  const now = '2026-03-01T09:00:00.000Z';
  const document: PackDocument = {
    record: { ...emptyMetadata('Seminar note on the Kennan–Malik talks'), id: PACK_DOCUMENT_ID, sheetCount: 1, isSample: false, created: now, modified: now },
    transcription: { schemaVersion: TRANSCRIPTION_SCHEMA_VERSION, doc, modified: now },
    lineage: [transcriptionHash(doc)],
    scans: [],
  };
  const words = ['Kennan', 'Malik', '31 May', '5 June 1951', 'radio', '23 June 1951'];
  const annotations: Annotation[] = Array.from({ length: ANNOTATIONS }, (_, i) =>
    annotation({
      id: `c0ffee00-0000-4000-8000-${String(i).padStart(12, '0')}`,
      documentId: PACK_DOCUMENT_ID,
      kind: 'commentary',
      target: textTarget(document, words[i % words.length]!),
      creator: TEACHER,
      body: { doc: paragraphs(`Seminar note ${i + 1}: ${'what was said, and when. '.repeat(8)}`), language: 'en' },
    }),
  );
  return { bytes: writePack({ documents: [document], annotations, creator: TEACHER, generator: 'e2e' }, { includeScans: false }), annotationIds: annotations.map((a) => a.id) };
}

async function openPackPreview(page: Page, bytes: Uint8Array): Promise<void> {
  const chooser = page.waitForEvent('filechooser');
  await page.getByRole('group', { name: 'Annotation packs' }).getByRole('button', { name: 'Open pack…' }).click();
  await (await chooser).setFiles([{ name: 'seminar.mpack', mimeType: 'application/zip', buffer: Buffer.from(bytes) }]);
  await expect(page.getByRole('dialog', { name: 'Merge annotation pack' })).toBeVisible({ timeout: 20_000 });
}

const MERGE_STORES = ['documents', 'transcriptions', 'revisions', 'scans', 'annotations'];

test('killed inside the transaction of a 600-annotation pack merge: nothing of the pack is in the library', async () => {
  const pack = largePack();
  const { page, before, closed, fired } = await startFresh({ stores: MERGE_STORES, at: { store: 'annotations', write: ANNOTATIONS / 2 } });
  await openPackPreview(page, pack.bytes);
  await armKill(page);
  await page.getByRole('dialog', { name: 'Merge annotation pack' }).getByRole('button', { name: 'Merge into the library' }).click();
  await fired; // the kill came from the switch, at its point
  await waitForDeath(profile, closed);

  const { context: again, page: after, afterCrash, afterStart } = await restart();
  try {
    for (const snapshot of [afterCrash, afterStart]) {
      expect(snapshot.documents).toEqual(before.documents);
      expect(snapshot.transcriptions).toEqual(before.transcriptions);
      expect(snapshot.revisions).toEqual(before.revisions);
      expect(snapshot.annotations).toEqual(before.annotations);
    }
    await expect(after.getByRole('navigation', { name: 'Library' })).not.toContainText('Seminar note on the Kennan–Malik talks');
  } finally {
    await again.close();
  }
});

test('killed just after a 600-annotation pack merge committed: all of the pack is in the library', async () => {
  const pack = largePack();
  const { page, before, closed, fired } = await startFresh({ stores: MERGE_STORES, at: 'committed' });
  await openPackPreview(page, pack.bytes);
  await armKill(page);
  await page.getByRole('dialog', { name: 'Merge annotation pack' }).getByRole('button', { name: 'Merge into the library' }).click();
  await fired; // the kill came from the switch, at its point
  await waitForDeath(profile, closed);

  const { context: again, page: after, afterCrash } = await restart();
  try {
    expect(afterCrash.documents).toEqual([...before.documents, PACK_DOCUMENT_ID].sort());
    expect(afterCrash.transcriptions).toEqual([...before.transcriptions, PACK_DOCUMENT_ID].sort());
    expect(afterCrash.annotations).toEqual([...before.annotations, ...pack.annotationIds].sort());
    expect(afterCrash.revisions.length).toBe(before.revisions.length + 1);
    await expect(after.getByRole('navigation', { name: 'Library' })).toContainText('Seminar note on the Kennan–Malik talks');
  } finally {
    await again.close();
  }
});
