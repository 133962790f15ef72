/**
 * Storage full or unavailable: when IndexedDB refuses a write, what is being typed — an
 * annotation body, the transcription — is not lost. The user sees why, can save a copy to a
 * file, and the text is saved once writes work again. A library that cannot be opened at all
 * gives a readable message, not a blank window.
 */
import { expect, test, type Page } from '@playwright/test';
import type { Annotation } from '../shared/annotation';
import { pngImage } from './support/scan-fixtures';
import { addScans, countStored, storedRecords } from './support/scans';
import { breakIndexedDbOpen, clickAsSpaceComesBack, downloadedText, installWriteSwitch, journalledDrafts, setWritesFailing } from './support/storage-faults';
import { annotate, annotationIdOf, openSample, selectWords, typeBody } from './support/workstation';

const plain = (a: Annotation | undefined): string => JSON.stringify(a?.body.doc ?? null);

test('an annotation typed while the disk is full is kept, can be saved to a file, and is saved when space is back', async ({ page }) => {
  await installWriteSwitch(page);
  await openSample(page);
  const card = await annotate(page, 'Commentary', 'беседы Кенана с Маликом');
  const id = await annotationIdOf(card);

  await setWritesFailing(page, true);
  const TEXT = 'Written while the disk was full.';
  await typeBody(page, TEXT);
  const problem = card.getByRole('alert');
  await expect(problem).toContainText('The annotation could not be saved: there is no space left for the library');
  await expect(problem).toContainText('What you typed is kept here');
  await expect(card.locator('.save-state')).toHaveText('Not saved — kept as a draft');
  // Kept: on screen, in the journal (which survives a reload), and not (yet) in the library.
  await expect(card.locator('.body-editor-text')).toHaveText(TEXT);
  await card.screenshot({ path: test.info().outputPath('body-not-saved.png') });
  expect((await journalledDrafts(page))[id]).toBe(TEXT);
  expect(plain((await storedRecords<Annotation>(page, 'annotations')).find((a) => a.id === id))).not.toContain(TEXT);

  // A copy to a file: the annotation as W3C JSON-LD, with the text.
  const download = page.waitForEvent('download');
  await problem.getByRole('button', { name: 'Save a copy to a file' }).click();
  const file = await download;
  expect(file.suggestedFilename()).toMatch(/\.jsonld$/);
  const copy = JSON.parse(await downloadedText(file)) as { type: string; first: { items: { id: string; body: unknown }[] } };
  expect(copy.type).toBe('AnnotationCollection');
  expect(copy.first.items).toHaveLength(1);
  expect(JSON.stringify(copy.first.items[0]!.body)).toContain(TEXT);
  await expect(problem).toContainText('A copy was saved to your downloads');

  // Trying again while the disk is still full changes nothing; once there is space it saves.
  await problem.getByRole('button', { name: 'Try again' }).click();
  await expect(card.locator('.save-state')).toHaveText('Not saved — kept as a draft');
  await clickAsSpaceComesBack(page, problem.getByRole('button', { name: 'Try again' }));
  await expect(card.locator('.save-state')).toHaveText('Saved');
  await expect(card.getByRole('alert')).toHaveCount(0);
  expect(await journalledDrafts(page)).toEqual({});
  expect(plain((await storedRecords<Annotation>(page, 'annotations')).find((a) => a.id === id))).toContain(TEXT);

  await page.reload();
  await page.locator('.transcription-text section.sheet').first().waitFor();
  await expect(page.locator(`.annotation-card[data-annotation-id="${id}"] .card-preview`)).toHaveText(TEXT);
});

test('a body that could not be saved survives a reload with the disk still full, and is saved after', async ({ page }) => {
  await installWriteSwitch(page);
  await openSample(page);
  const card = await annotate(page, 'Translation', 'пошататься ценой кризиса');
  const id = await annotationIdOf(card);
  await setWritesFailing(page, true);
  await typeBody(page, 'to pay with a crisis');
  await expect(card.getByRole('alert')).toBeVisible();

  await page.reload(); // the switch stays on across the reload
  await page.locator('.transcription-text section.sheet').first().waitFor();
  const again = page.locator(`.annotation-card[data-annotation-id="${id}"]`);
  // Start-up could not write the journalled body: it says so on the card instead of failing to start.
  await expect(again.locator('.unsaved-badge')).toHaveText('Not saved');
  await again.locator('.card-head').click();
  await expect(again.locator('.body-editor-text')).toHaveText('to pay with a crisis');
  await expect(again.getByRole('alert')).toContainText('no space left');

  await clickAsSpaceComesBack(page, again.getByRole('alert').getByRole('button', { name: 'Try again' }));
  await expect(again.locator('.save-state')).toHaveText('Saved');
  expect(plain((await storedRecords<Annotation>(page, 'annotations')).find((a) => a.id === id))).toContain('to pay with a crisis');
});

const editor = (page: Page) => page.locator('.transcription-text.editing');
const markup = (page: Page) => page.getByRole('toolbar', { name: 'Editorial markup' });

test('the transcription edited while the disk is full stays in the editor, is exported as TEI, and is saved when space is back', async ({ page }) => {
  await installWriteSwitch(page);
  await openSample(page);
  await page.getByRole('button', { name: 'Edit transcription' }).click();
  await expect(editor(page)).toBeVisible();

  await setWritesFailing(page, true);
  await selectWords(page, 'Исходя из беседы');
  await page.keyboard.press('ArrowLeft');
  const TYPED = 'ПОМЕТКА НА ПОЛЯХ. ';
  await page.keyboard.type(TYPED);
  await expect(markup(page).getByRole('status')).toHaveText('Could not save — your text is kept here; try again');
  const problem = page.locator('.transcription-editor').getByRole('alert');
  await expect(problem).toContainText('The transcription could not be saved: there is no space left for the library');
  await expect(editor(page)).toContainText(TYPED.trim());
  await page.screenshot({ path: test.info().outputPath('transcription-not-saved.png') });

  const download = page.waitForEvent('download');
  await problem.getByRole('button', { name: 'Save a copy to a file' }).click();
  const file = await download;
  expect(file.suggestedFilename()).toMatch(/\.xml$/);
  const tei = await downloadedText(file);
  expect(tei).toContain('<TEI xmlns="http://www.tei-c.org/ns/1.0"');
  expect(tei).toContain(TYPED.trim());
  expect(tei).toContain('Ciphered Telegram from Mao Zedong to Filippov [Stalin]');

  // Done does not close the editor while the text is unsaved.
  await markup(page).getByRole('button', { name: 'Done' }).click();
  await expect(editor(page)).toBeVisible();

  await clickAsSpaceComesBack(page, problem.getByRole('button', { name: 'Try again' }));
  await expect(markup(page).getByRole('status')).toHaveText('All changes saved');
  await expect(page.locator('.transcription-editor').getByRole('alert')).toHaveCount(0);
  await markup(page).getByRole('button', { name: 'Done' }).click();
  await expect(editor(page)).toHaveCount(0);

  await page.reload();
  await page.locator('.transcription-text section.sheet').first().waitFor();
  await expect(page.locator('.transcription-text')).toContainText(`${TYPED}Исходя из беседы`);
});

test('scans the library has no room for are refused with the reason, and nothing is added', async ({ page }) => {
  await installWriteSwitch(page);
  await openSample(page);
  await setWritesFailing(page, true);
  await addScans(page, [pngImage(300, 400, [30, 140, 60], 'stamp.png')]);
  const dialog = page.getByRole('dialog', { name: 'Nothing was imported' });
  await expect(dialog.locator('.import-problems li')).toHaveText(
    '“stamp.png” cannot be imported: it could not be stored, as there is no space left for the library — the disk, or the share of it this browser lets Marginalia use, is full.',
  );
  await dialog.getByRole('button', { name: 'Close' }).click();
  await setWritesFailing(page, false);
  expect(await countStored(page, 'scans')).toBe(4);
  expect(await countStored(page, 'stagedScans')).toBe(0);
});

test('a library that cannot be opened gives a readable message, not a blank window', async ({ page }) => {
  await breakIndexedDbOpen(page);
  await page.goto('/');
  const alert = page.getByRole('alert');
  await expect(alert.getByRole('heading', { name: 'Marginalia could not open its library' })).toBeVisible();
  await expect(alert).toContainText('Nothing has been changed');
  await page.screenshot({ path: test.info().outputPath('library-cannot-open.png') });
});
