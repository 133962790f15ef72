/**
 * A seminar: the teacher exports a pack, two students annotate and translate from it (their
 * packs are made here, with the same pack module the app uses), the teacher merges both —
 * previewed first, conflicts kept — and the group compares readings in layers by author.
 */
import { readFileSync } from 'node:fs';
import { expect, test, type Page } from '@playwright/test';
import { strToU8, zipSync } from 'fflate';
import type { Annotation, Creator } from '../shared/annotation';
import { extendLineage } from '../shared/annotation-version';
import { describeTextRange } from '../shared/anchoring/selectors';
import { TextIndex } from '../shared/anchoring/text-index';
import { readPack, writePack, type ParsedPack } from '../shared/pack';
import { transcriptionFromJSON } from '../shared/transcription/schema';
import { storedRecords } from './support/scans';
import { annotate, annotationIdOf, highlightedText, openSample, typeBody } from './support/workstation';

const anna: Creator = { id: 'urn:uuid:0a0a0a0a-0000-4000-8000-00000000000a', name: 'Anna Petrova' };
const boris: Creator = { id: 'urn:uuid:0b0b0b0b-0000-4000-8000-00000000000b', name: 'Boris Lin' };

function body(text: string): Annotation['body'] {
  return { doc: { type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text }] }] }, language: 'en' };
}

/** A student's pack: the teacher's, with the teacher's note edited and a translation of their own. */
function studentPack(teacher: ParsedPack, student: Creator, note: string, translation: string): Uint8Array {
  const document = teacher.documents[0]!;
  const text = TextIndex.fromDoc(transcriptionFromJSON(document.transcription)).text;
  const start = text.indexOf('38 параллели');
  const at = '2026-03-03T10:00:00.000Z';
  const edited = teacher.annotations.map((a) => {
    const next = { ...a, body: body(note), modified: at, revision: a.revision + 1 };
    return { ...next, lineage: extendLineage(a.lineage, next) };
  });
  const mine: Annotation = {
    id: `${student.id.slice(-12)}-tr`,
    documentId: document.record.id,
    kind: 'translation',
    target: { type: 'text', documentId: document.record.id, ...describeTextRange(text, { start, end: start + '38 параллели'.length }) },
    links: [],
    body: body(translation),
    crossref: null,
    creator: student,
    created: at,
    modified: at,
    revision: 1,
    deleted: false,
    lineage: [],
  };
  mine.lineage = extendLineage([], mine);
  return writePack({ documents: teacher.documents, annotations: [...edited, mine], creator: student, generator: 'e2e' }, { includeScans: false });
}

async function openPackFile(page: Page, name: string, bytes: Uint8Array): Promise<void> {
  const chooser = page.waitForEvent('filechooser');
  await page.getByRole('group', { name: 'Annotation packs' }).getByRole('button', { name: 'Open pack…' }).click();
  await (await chooser).setFiles([{ name, mimeType: 'application/zip', buffer: Buffer.from(bytes) }]);
}

const preview = (page: Page) => page.getByRole('dialog', { name: 'Merge annotation pack' });

/** The preview's row for one author: [new, updated, unchanged, in conflict]. */
async function authorRow(page: Page, name: string): Promise<number[]> {
  const row = preview(page).getByRole('table', { name: 'Annotations by author' }).getByRole('row', { name: new RegExp(name) });
  await expect(row).toBeVisible();
  return (await row.getByRole('cell').allTextContents()).slice(1).map(Number);
}

test('a seminar: the teacher’s pack goes out, two students’ packs come back and merge, readings compared by author', async ({ page }) => {
  await openSample(page);
  const note = await annotationIdOf(await annotate(page, 'Commentary', 'беседы Кенана с Маликом'));
  await typeBody(page, 'Discuss: what did Malik actually say?');
  await page.locator('.transcription-pane').click({ position: { x: 5, y: 80 } });

  // The teacher's pack, exported through the dialog and downloaded.
  await page.getByRole('group', { name: 'Annotation packs' }).getByRole('button', { name: 'Export pack…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Export annotation pack' });
  await expect(dialog.getByLabel('Ciphered Telegram from Mao Zedong to Filippov [Stalin]')).toBeChecked();
  const download = page.waitForEvent('download');
  await dialog.getByRole('button', { name: 'Export' }).click();
  const file = await download;
  expect(file.suggestedFilename()).toMatch(/\.mpack$/);
  const teacher = readPack(readFileSync((await file.path())!));
  expect(teacher.annotations.map((a) => a.id)).toEqual([note]);

  const fromAnna = studentPack(teacher, anna, 'Malik proposed a ceasefire on 23 June.', 'the 38th parallel');
  const fromBoris = studentPack(teacher, boris, 'Compare Kennan’s memoir.', 'the thirty-eighth parallel');

  // Anna's pack: a preview first, then the merge.
  await openPackFile(page, 'anna.mpack', fromAnna);
  await expect(preview(page)).toContainText('the pack from Anna Petrova');
  await expect(preview(page).getByRole('table', { name: 'Documents in the pack' })).toContainText('Unchanged');
  expect(await authorRow(page, 'Anna Petrova')).toEqual([1, 0, 0, 0]);
  expect(await authorRow(page, 'Historian')).toEqual([0, 1, 0, 0]);
  await preview(page).getByRole('button', { name: 'Merge into the library' }).click();
  await expect(preview(page)).toHaveCount(0);

  // Boris's pack edits the teacher's note too, apart from Anna: a conflict, both versions kept.
  await openPackFile(page, 'boris.mpack', fromBoris);
  expect(await authorRow(page, 'Boris Lin')).toEqual([1, 0, 0, 0]);
  expect(await authorRow(page, 'Historian')).toEqual([0, 0, 0, 1]);
  await preview(page).getByRole('button', { name: 'Merge into the library' }).click();
  await expect(preview(page)).toHaveCount(0);

  // The same pack again changes nothing.
  await openPackFile(page, 'boris.mpack', fromBoris);
  await expect(preview(page)).toContainText('merging it would change nothing');
  expect(await authorRow(page, 'Boris Lin')).toEqual([0, 0, 1, 0]);
  await preview(page).getByRole('button', { name: 'Close' }).click();

  // Layers by author: three people, each in a colour; Boris's layer hidden and shown again.
  const layers = page.getByRole('group', { name: 'Layers by author' });
  await expect(layers.locator('.author-layer')).toHaveText([/Anna Petrova\s*1/, /Boris Lin\s*1/, /Historian\s*1/]);
  // (Both translations are on the same words, so they share one highlighted stretch.)
  const translations = page.locator('.transcription-text .hl-translation');
  await expect(translations).toHaveCount(1);
  await expect(page.locator('.annotation-card')).toHaveCount(3);
  await layers.getByRole('checkbox', { name: /Boris Lin/ }).uncheck();
  await expect(page.locator('.annotation-card')).toHaveCount(2);
  await expect(translations).toHaveCount(1);
  await layers.getByRole('checkbox', { name: /Anna Petrova/ }).uncheck();
  await expect(translations).toHaveCount(0);
  await expect(page.locator('.annotation-card')).toHaveCount(1);
  await layers.getByRole('button', { name: 'Show all' }).click();
  await expect(page.locator('.annotation-card')).toHaveCount(3);
  await layers.getByRole('checkbox', { name: 'Colour by author' }).check();
  const colours = await page.locator('.transcription-text .hl-by-author').evaluateAll((els) => [...new Set(els.map((e) => getComputedStyle(e).borderBottomColor))]);
  expect(colours.length).toBeGreaterThanOrEqual(2);

  // Everybody's translations of the passage, side by side.
  const annaCard = page.locator('.annotation-card', { hasText: 'Anna Petrova' }).filter({ has: page.locator('.kind-badge.kind-translation') });
  await annaCard.locator('.card-head').click();
  await annaCard.getByRole('button', { name: 'Compare 2 translations of these words' }).click();
  const compare = page.getByRole('dialog', { name: 'Translations of this passage' });
  await expect(compare.locator('.compare-passage')).toHaveText('38 параллели');
  await expect(compare.locator('.compare-column h3')).toHaveText([/Anna Petrova/, /Boris Lin/]);
  await expect(compare.locator('.compare-column').first()).toContainText('the 38th parallel');
  await expect(compare.locator('.compare-column').last()).toContainText('the thirty-eighth parallel');
  await page.screenshot({ path: test.info().outputPath('seminar-compare.png') });
  await compare.getByRole('button', { name: 'Close' }).click();

  // The teacher's note: Anna's edit is current, Boris's kept beside it until the teacher chooses.
  const noteCard = page.locator(`.annotation-card[data-annotation-id="${note}"]`);
  await expect(noteCard.locator('.conflict-badge')).toHaveText('2 versions to choose from');
  await noteCard.locator('.card-head').click();
  await expect(noteCard.locator('.body-editor-text')).toHaveText('Malik proposed a ceasefire on 23 June.');
  await noteCard.getByRole('button', { name: 'Use this version' }).click();
  await expect(noteCard.locator('.conflict-badge')).toHaveCount(0);
  await expect(noteCard.locator('.body-editor-text')).toHaveText('Compare Kennan’s memoir.');
  expect(await highlightedText(page, note)).toBe('беседы Кенана с Маликом');
});

/** Everything in the library's tables, as JSON, to tell whether anything changed. */
async function libraryDump(page: Page): Promise<string> {
  const stores = ['documents', 'transcriptions', 'annotations', 'revisions', 'scans'];
  const dumps = await Promise.all(stores.map((s) => storedRecords<unknown>(page, s)));
  return JSON.stringify(dumps);
}

test('a broken or hostile pack is refused with its reason, and the library is left exactly as it was', async ({ page }) => {
  await openSample(page);
  await annotate(page, 'Commentary', 'беседы Кенана с Маликом');
  await typeBody(page, 'Kept whatever happens.');
  await page.locator('.transcription-pane').click({ position: { x: 5, y: 80 } });
  await expect(page.locator('.annotation-card .save-state')).toHaveText('Saved');
  const before = await libraryDump(page);

  const traversal = zipSync({ 'manifest.json': strToU8('{}'), '../../evil.txt': strToU8('x') });
  const bomb = zipSync({ 'manifest.json': new Uint8Array(300 * 1024 * 1024) }, { level: 9 });
  const cases: Array<[string, Uint8Array, RegExp]> = [
    ['truncated.mpack', writePack({ documents: [], annotations: [], creator: anna, generator: 'e2e' }).slice(0, 60), /cannot be imported: .*(damaged|truncated|incomplete|not a zip)/i],
    ['traversal.mpack', traversal, /cannot be imported: .*\.\.\/\.\.\/evil\.txt/],
    ['bomb.mpack', bomb, /cannot be imported: .*(compress|expand|unpack|large|ratio)/i],
  ];
  for (const [name, bytes, message] of cases) {
    await openPackFile(page, name, bytes);
    await expect(page.getByRole('status').filter({ hasText: name })).toContainText(message);
    await expect(preview(page)).toHaveCount(0);
    expect(await libraryDump(page)).toBe(before);
  }
});

test('W3C annotations from another tool are put on the open document by their quotes', async ({ page }) => {
  await openSample(page);
  const fromHypothesis = {
    '@context': 'http://www.w3.org/ns/anno.jsonld',
    type: 'AnnotationCollection',
    first: {
      type: 'AnnotationPage',
      items: [
        {
          id: 'https://hypothes.is/a/abc123',
          type: 'Annotation',
          motivation: 'commenting',
          creator: { id: 'acct:vera@hypothes.is', name: 'Vera' },
          body: { type: 'TextualBody', value: 'Malik is Yakov Malik, Soviet UN ambassador. <script>alert(1)</script>', format: 'text/plain' },
          target: { source: 'https://digitalarchive.wilsoncenter.org/document/119538', selector: { type: 'TextQuoteSelector', exact: 'товарищ Малик сказал', prefix: 'Ведь ', suffix: ', что' } },
        },
        {
          id: 'https://hypothes.is/a/def456',
          type: 'Annotation',
          motivation: 'commenting',
          body: { type: 'TextualBody', value: 'On words this transcription does not have.' },
          target: { source: 'https://example.org', selector: { type: 'TextQuoteSelector', exact: 'words nowhere in the telegram' } },
        },
      ],
    },
  };
  const chooser = page.waitForEvent('filechooser');
  await page.getByRole('group', { name: 'Annotation packs' }).getByRole('button', { name: 'Open pack…' }).click();
  await (await chooser).setFiles([{ name: 'hypothesis.jsonld', mimeType: 'application/ld+json', buffer: Buffer.from(JSON.stringify(fromHypothesis)) }]);
  await expect(preview(page)).toContainText('1 found their words, 1 did not');
  await preview(page).getByRole('button', { name: 'Merge into the library' }).click();
  const card = page.locator('.annotation-card', { hasText: 'товарищ Малик сказал' });
  await expect(card).toHaveCount(1);
  const id = await annotationIdOf(card);
  expect(await highlightedText(page, id)).toBe('товарищ Малик сказал');
  await card.locator('.card-head').click();
  // Script in a body is text, shown as such.
  await expect(card.locator('.body-editor-text')).toContainText('<script>alert(1)</script>');
  await page.getByRole('group', { name: 'Show annotations of kind' }).getByRole('button', { name: /Orphaned/ }).click();
  await expect(page.locator('.annotation-card .card-quote')).toHaveText('words nowhere in the telegram');
});
