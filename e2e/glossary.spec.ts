/**
 * The glossary dialog in the browser build: entries typed in, a bad one refused with its
 * problem in words, CSV and TBX exported (downloads) and read back, a CSV file imported (added
 * to the glossary, undoable), a broken file refused with the glossary unchanged, inline editing
 * and deleting with undo, the filter, and everything still there after a reload.
 */
import { readFileSync } from 'node:fs';
import { expect, test, type Page } from '@playwright/test';
import { glossaryFromCsv, glossaryFromTbx } from '../shared/glossary';
import { openSample } from './support/workstation';

async function openGlossary(page: Page) {
  await page.getByRole('group', { name: 'Translation' }).getByRole('button', { name: 'Glossary…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Glossary' });
  await expect(dialog).toBeVisible();
  await expect(dialog.locator('.glossary-count')).not.toHaveText('Loading…');
  return dialog;
}

async function sourcesIn(dialog: ReturnType<Page['getByRole']>): Promise<string[]> {
  return dialog.locator('.glossary-table tbody tr[data-entry-id] td:first-child').allTextContents();
}

const EXAMPLES = [
  ['военная разгранлиния', 'military demarcation line'],
  ['буферная зона', 'buffer zone'],
  ['прекращение военных действий', 'cessation of hostilities'],
] as const;

test('the glossary: typing entries, refusing a bad one, exporting CSV and TBX, importing, undo, and keeping it all', async ({ page }) => {
  await openSample(page);
  let dialog = await openGlossary(page);
  await expect(dialog).toContainText('The glossary is empty');

  // Three entries, typed.
  const form = dialog.getByRole('form', { name: 'New glossary entry' });
  for (const [source, preferred] of EXAMPLES) {
    await form.getByLabel('Source term').fill(source);
    await form.getByLabel('Preferred rendering').fill(preferred);
    if (source === 'военная разгранлиния') await form.getByLabel('Forbidden renderings').fill('line of contact');
    await form.getByRole('button', { name: 'Add entry' }).click();
    await expect(dialog.getByRole('status')).toHaveText(`“${source}” added.Undo`);
  }
  await expect.poll(() => sourcesIn(dialog)).toEqual(EXAMPLES.map(([source]) => source));
  await expect(dialog.locator('.glossary-count')).toHaveText('3 entries');

  // A bad entry: its problem is shown beside the field, in words, and it is not saved.
  await form.getByLabel('Source term').fill('перемирие');
  await form.getByLabel('Preferred rendering').fill('armistice');
  await form.getByLabel('Forbidden renderings').fill('Armistice');
  const forbiddenField = form.locator('.glossary-field.field-forbidden');
  await expect(forbiddenField).toContainText('“Armistice” is both the preferred rendering and a forbidden one.');
  await expect(form.getByLabel('Forbidden renderings')).toHaveAttribute('aria-invalid', 'true');
  await form.getByRole('button', { name: 'Add entry' }).click();
  await expect(dialog.getByRole('alert')).toHaveText('The entry was not added: put right what is marked under its fields.');
  await expect.poll(() => sourcesIn(dialog)).toHaveLength(3);
  await page.screenshot({ path: '/tmp/h2-glossary.png' });
  // A term already in the glossary is refused too.
  await form.getByLabel('Source term').fill('Буферная зона');
  await form.getByLabel('Forbidden renderings').fill('');
  await expect(form.locator('.glossary-field.field-source')).toContainText('“Буферная зона” is already in the glossary');
  await form.getByLabel('Source term').fill('');
  await form.getByLabel('Preferred rendering').fill('');


  // Export as CSV and as TBX: downloads that read back as the same three entries.
  let download = page.waitForEvent('download');
  await dialog.getByRole('button', { name: 'Export CSV' }).click();
  const csvFile = await download;
  expect(csvFile.suggestedFilename()).toBe('Glossary ru-en.csv');
  const csv = readFileSync((await csvFile.path())!);
  expect(csv.toString('utf8')).toContain('id,source,forms,stem,preferred,admitted,forbidden,notes');
  expect(csv.toString('utf8')).toContain(',военная разгранлиния,,,military demarcation line,,line of contact,');
  expect(glossaryFromCsv('g.csv', new Uint8Array(csv)).entries.map((e) => [e.source, e.preferred])).toEqual(EXAMPLES.map((e) => [...e]));
  await expect(dialog.getByRole('status')).toContainText('Glossary exported as CSV to your downloads');

  download = page.waitForEvent('download');
  await dialog.getByRole('button', { name: 'Export TBX' }).click();
  const tbxFile = await download;
  expect(tbxFile.suggestedFilename()).toBe('Glossary ru-en.tbx');
  const tbx = readFileSync((await tbxFile.path())!).toString('utf8');
  expect(tbx).toContain('<tbx type="TBX-Basic" style="dca"');
  expect(tbx).toContain('<term>cessation of hostilities</term>');
  expect(tbx).toContain('<termNote type="administrativeStatus">deprecatedTerm-admn-sts</termNote>');
  const fromTbx = glossaryFromTbx('g.tbx', tbx);
  expect(fromTbx.entries.map((e) => [e.source, e.preferred, e.forbidden])).toEqual([
    ['военная разгранлиния', 'military demarcation line', ['line of contact']],
    ['буферная зона', 'buffer zone', []],
    ['прекращение военных действий', 'cessation of hostilities', []],
  ]);

  // Import a CSV file of two entries, one new and one the glossary has: added to it.
  const seminarCsv = 'source,preferred,forbidden,notes\nперемирие,armistice,truce,From the seminar.\nбуферная зона,buffer zone,,Agenda point 2.\n';
  let chooser = page.waitForEvent('filechooser');
  await dialog.getByRole('button', { name: 'Import CSV or TBX…' }).click();
  await (await chooser).setFiles([{ name: 'seminar.csv', mimeType: 'text/csv', buffer: Buffer.from(seminarCsv, 'utf8') }]);
  const preview = dialog.getByRole('group', { name: 'Import glossary' });
  await expect(preview).toContainText('“seminar.csv”: 2 entries (1 of them already in the glossary).');
  await preview.getByRole('button', { name: 'Add to the glossary' }).click();
  await expect(dialog.getByRole('status')).toContainText('From “seminar.csv”: 1 entry added, 1 entry updated.');
  await expect.poll(() => sourcesIn(dialog)).toEqual(['военная разгранлиния', 'буферная зона', 'прекращение военных действий', 'перемирие']);
  await expect(dialog.locator('tr', { hasText: 'буферная зона' })).toContainText('Agenda point 2.');

  // The import is undone in one step, and done again.
  await dialog.getByRole('status').getByRole('button', { name: 'Undo' }).click();
  await expect.poll(() => sourcesIn(dialog)).toEqual(EXAMPLES.map(([source]) => source));
  await expect(dialog.locator('tr', { hasText: 'буферная зона' })).not.toContainText('Agenda point 2.');
  chooser = page.waitForEvent('filechooser');
  await dialog.getByRole('button', { name: 'Import CSV or TBX…' }).click();
  await (await chooser).setFiles([{ name: 'seminar.csv', mimeType: 'text/csv', buffer: Buffer.from(seminarCsv, 'utf8') }]);
  await preview.getByRole('button', { name: 'Add to the glossary' }).click();
  await expect.poll(() => sourcesIn(dialog)).toHaveLength(4);

  // A broken file: a message a translator understands, and the glossary as it was.
  chooser = page.waitForEvent('filechooser');
  await dialog.getByRole('button', { name: 'Import CSV or TBX…' }).click();
  await (await chooser).setFiles([
    { name: 'broken.csv', mimeType: 'text/csv', buffer: Buffer.from('source,preferred\n"военная разгранлиния,military demarcation line\nбуферная зона,buffer zone\n', 'utf8') },
  ]);
  const alert = dialog.getByRole('alert');
  await expect(alert).toContainText('“broken.csv” cannot be imported:');
  await expect(alert).toContainText('The glossary has not changed.');
  await expect(preview).toHaveCount(0);
  await expect.poll(() => sourcesIn(dialog)).toHaveLength(4);

  // Editing inline, and deleting with undo.
  await dialog.getByRole('button', { name: 'Edit “перемирие”' }).click();
  const row = dialog.locator('tr.editing');
  await row.getByLabel('Admitted renderings').fill('cease-fire agreement');
  await row.getByLabel('Forbidden renderings').press('Enter');
  await expect(dialog.getByRole('status')).toHaveText('“перемирие” changed.Undo');
  await expect(dialog.locator('tr', { hasText: 'перемирие' })).toContainText('cease-fire agreement');
  await dialog.getByRole('button', { name: 'Delete “перемирие”' }).click();
  await expect.poll(() => sourcesIn(dialog)).toHaveLength(3);
  await dialog.getByRole('status').getByRole('button', { name: 'Undo' }).click();
  await expect.poll(() => sourcesIn(dialog)).toEqual(['военная разгранлиния', 'буферная зона', 'прекращение военных действий', 'перемирие']);

  // The filter looks in every field.
  await dialog.getByRole('searchbox').fill('HOSTILITIES');
  await expect.poll(() => sourcesIn(dialog)).toEqual(['прекращение военных действий']);
  await expect(dialog.locator('.glossary-count')).toHaveText('1 of 4 entries');
  await dialog.getByRole('searchbox').fill('');

  // After a reload, everything is still there.
  await page.reload();
  await expect(page.locator('.transcription-text section.sheet')).toHaveCount(4);
  dialog = await openGlossary(page);
  await expect.poll(() => sourcesIn(dialog)).toEqual(['военная разгранлиния', 'буферная зона', 'прекращение военных действий', 'перемирие']);
  await expect(dialog.locator('tr', { hasText: 'перемирие' })).toContainText('cease-fire agreement');
  await expect(dialog.locator('tr', { hasText: 'буферная зона' })).toContainText('Agenda point 2.');
});
