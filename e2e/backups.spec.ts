/**
 * Backups in the browser build: the whole library downloaded as a pack (scans included), and
 * opened again through the pack preview.
 */
import { readFileSync } from 'node:fs';
import { expect, test } from '@playwright/test';
import { readPack } from '../shared/pack';
import { annotate, openSample, typeBody } from './support/workstation';

test('“Download a backup” saves the whole library as a pack, which opens again as “already in the library”', async ({ page }) => {
  await openSample(page);
  await annotate(page, 'Commentary', 'беседы Кенана с Маликом');
  await typeBody(page, 'Backed up.');
  await expect(page.locator('.annotation-card .save-state')).toHaveText('Saved');

  await page.getByRole('group', { name: 'Annotation packs' }).getByRole('button', { name: 'Backups…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Backups' });
  const download = page.waitForEvent('download');
  await dialog.getByRole('button', { name: 'Download a backup' }).click();
  const file = await download;
  expect(file.suggestedFilename()).toMatch(/^Marginalia backup \d{4}-\d{2}-\d{2}\.mpack$/);
  const bytes = readFileSync((await file.path())!);
  const pack = readPack(bytes);
  expect(pack.documents.map((d) => d.record.title)).toEqual(['Ciphered Telegram from Mao Zedong to Filippov [Stalin]']);
  expect(pack.documents[0]!.scans.map((s) => s.bytes?.byteLength ?? 0).every((n) => n > 1000)).toBe(true);
  expect(pack.annotations).toHaveLength(1);
  await dialog.getByRole('button', { name: 'Close' }).click();

  const chooser = page.waitForEvent('filechooser');
  await page.getByRole('group', { name: 'Annotation packs' }).getByRole('button', { name: 'Open pack…' }).click();
  await (await chooser).setFiles([{ name: file.suggestedFilename(), mimeType: 'application/zip', buffer: bytes }]);
  await expect(page.getByRole('dialog', { name: 'Merge annotation pack' })).toContainText('merging it would change nothing');
});
