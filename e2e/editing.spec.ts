/**
 * Correcting the transcription: editorial markup, edits around and inside annotated passages,
 * annotations that stay on their words (or become orphans) across a reload, the history of
 * revisions, and re-attaching an orphan.
 */
import { readFileSync } from 'node:fs';
import { expect, test, type Page } from '@playwright/test';
import { annotate, annotationIdOf, highlightedText, openSample, selectWords, typeBody, type WordsSpec } from './support/workstation';

const editor = (page: Page) => page.locator('.transcription-text.editing');
const markup = (page: Page) => page.getByRole('toolbar', { name: 'Editorial markup' });

/** Puts the caret just before (or after) some words in the editor. */
async function caretAt(page: Page, words: string, side: 'before' | 'after', spec: WordsSpec = {}): Promise<void> {
  await selectWords(page, words, spec);
  await page.keyboard.press(side === 'before' ? 'ArrowLeft' : 'ArrowRight');
}

async function saved(page: Page): Promise<void> {
  await expect(markup(page).getByRole('status')).toHaveText('All changes saved', { timeout: 10_000 });
}

test('annotations stay on their words through corrections, an orphan is listed, and an earlier revision comes back', async ({ page }) => {
  // A long story (annotate, correct, reload, re-attach, restore): more than the default minute on a busy machine.
  test.setTimeout(180_000);
  await openSample(page);
  const kennan = await annotationIdOf(await annotate(page, 'Commentary', 'беседы Кенана с Маликом'));
  await typeBody(page, 'The Kennan–Malik conversation of 31 May 1951.');
  const signature = await annotationIdOf(await annotate(page, 'Commentary', 'MOUSE-ON'));
  await typeBody(page, 'The signature.');
  const crisis = await annotationIdOf(await annotate(page, 'Translation', 'пошататься ценой кризиса'));
  await typeBody(page, 'to pay for it with a crisis');
  const parallel = await annotationIdOf(await annotate(page, 'Commentary', '38 параллели', { after: 'наступит по вопросу о ' }));
  await typeBody(page, 'The line of the 1945 division.');

  await page.getByRole('button', { name: 'Edit transcription' }).click();
  await expect(editor(page)).toBeVisible();
  // The highlights stay visible while editing.
  expect(await highlightedText(page, kennan)).toBe('беседы Кенана с Маликом');

  // "MOUSE-ON" is the OCR of the signature: corrected, with the original kept as sic.
  await selectWords(page, 'MOUSE-ON');
  await markup(page).getByRole('button', { name: 'Sic / correction' }).click();
  await page.getByRole('form', { name: 'Sic / correction' }).getByRole('textbox').fill('МАО ЦЗЭ-ДУН');
  await page.keyboard.press('Enter');
  await expect(editor(page).locator('.ed-corr')).toHaveText('МАО ЦЗЭ-ДУН');
  await expect(editor(page).locator('.ed-corr')).toHaveAttribute('data-sic', 'MOUSE-ON');

  // Text typed before an annotated passage, and a letter inside one ("Кенана" → "Кеннана").
  await caretAt(page, 'Исходя из беседы', 'before');
  await page.keyboard.type('ВАЖНО. ');
  await caretAt(page, 'ана с Маликом', 'before');
  await page.keyboard.type('н');
  // A word replaced inside a passage; typing undone with Ctrl+Z.
  await selectWords(page, 'пошататься');
  await page.keyboard.type('поплатиться');
  await caretAt(page, 'Однако в настоящее время этой', 'before');
  await page.keyboard.type('лишнее ');
  await page.keyboard.press('Control+z');
  await expect(editor(page)).not.toContainText('лишнее');
  // The words of one annotation deleted outright.
  await selectWords(page, '38 параллели', { after: 'наступит по вопросу о ' });
  await page.keyboard.press('Backspace');
  await saved(page);
  await page.getByRole('button', { name: 'Done' }).click();
  await expect(editor(page)).toHaveCount(0);

  await page.reload();
  await expect(page.locator('.transcription-text section.sheet')).toHaveCount(4);
  await expect.poll(() => highlightedText(page, kennan)).toBe('беседы Кеннана с Маликом');
  expect(await highlightedText(page, signature)).toBe('МАО ЦЗЭ-ДУН');
  expect(await highlightedText(page, crisis)).toBe('поплатиться ценой кризиса');
  await expect(page.locator('.transcription-text')).toContainText('ВАЖНО. Исходя из беседы Кеннана');
  // The deleted passage's annotation is an orphan: not on the other "38 параллели", but listed.
  expect(await highlightedText(page, parallel)).toBe('');
  await page.getByRole('group', { name: 'Show annotations of kind' }).getByRole('button', { name: /Orphaned/ }).click();
  const orphan = page.locator(`.annotation-card[data-annotation-id="${parallel}"]`);
  await expect(orphan.locator('.card-quote')).toHaveText('38 параллели');
  await expect(page.locator('.annotation-list .annotation-card')).toHaveCount(1);

  // Re-attached in one step to new words: the first "38 параллели".
  await orphan.getByRole('button', { name: 'Re-attach to new words…' }).click();
  await selectWords(page, '38 параллели');
  await page.getByRole('toolbar', { name: 'Annotate selection' }).getByRole('button', { name: /Attach here/ }).click();
  await expect.poll(() => highlightedText(page, parallel)).toBe('38 параллели');
  await expect(page.getByRole('group', { name: 'Show annotations of kind' }).getByRole('button', { name: /Orphaned/ })).toHaveCount(0);

  // The history: the import, then this session, summarised.
  await page.getByRole('tab', { name: 'History' }).click();
  const revisions = page.locator('.revision');
  await expect(revisions).toHaveCount(2);
  await expect(revisions.first().locator('.revision-summary')).toContainText('Corrected “MOUSE-ON” to “МАО ЦЗЭ-ДУН”');
  await expect(revisions.last().locator('.revision-who')).toHaveText('Imported');
  // View the imported text, then restore it: the annotations find their words in it again.
  await revisions.last().getByRole('button', { name: 'View' }).click();
  await expect(page.locator('.revision-banner')).toContainText('Revision 1');
  await expect(page.locator('.transcription-text')).toContainText('MOUSE-ON');
  await page.locator('.revision-banner').getByRole('button', { name: 'Restore this revision' }).click();
  await expect(revisions).toHaveCount(3);
  await expect(revisions.first().locator('.revision-summary')).toHaveText('Restored revision 1');
  await expect(page.locator('.transcription-text')).toContainText('Исходя из беседы Кенана');
  // Words changed a little are found again; the signature's words "МАО ЦЗЭ-ДУН" are not in
  // the old text at all, so its annotation is an orphan now, listed with its quote.
  await expect.poll(() => highlightedText(page, kennan)).toBe('беседы Кенана с Маликом');
  await expect.poll(() => highlightedText(page, crisis)).toBe('пошататься ценой кризиса');
  expect(await highlightedText(page, parallel)).toBe('38 параллели');
  expect(await highlightedText(page, signature)).toBe('');
  await page.getByRole('tab', { name: 'Annotations' }).click();
  await page.getByRole('group', { name: 'Show annotations of kind' }).getByRole('button', { name: /Orphaned/ }).click();
  await expect(page.locator('.annotation-list .annotation-card')).toHaveCount(1);
  await expect(page.locator(`.annotation-card[data-annotation-id="${signature}"] .card-quote`)).toHaveText('МАО ЦЗЭ-ДУН');
});

test('Ctrl+E at the top of the text puts the caret at its start; words selected while reading are selected in the editor, and typing corrects them', async ({ page }) => {
  await openSample(page);
  await page.keyboard.press('Control+e');
  await expect(editor(page)).toBeFocused();
  await page.keyboard.type('Начало. ');
  await expect(editor(page).locator('p').first()).toHaveText(/^Начало\. /);
  await page.keyboard.press('Control+z');
  await expect(editor(page)).not.toContainText('Начало. ');
  await page.keyboard.press('Control+e');
  await expect(editor(page)).toHaveCount(0);

  await selectWords(page, 'MOUSE-ON');
  await page.keyboard.press('Control+e');
  await expect(editor(page)).toBeFocused();
  await expect.poll(() => page.evaluate(() => window.getSelection()?.toString())).toBe('MOUSE-ON');
  await page.keyboard.type('МАО ЦЗЭ-ДУН');
  await page.keyboard.press('Control+e');
  const reader = page.getByRole('document', { name: 'Transcription' });
  await expect(reader.getByText('МАО ЦЗЭ-ДУН')).toBeInViewport();
  await expect(reader).not.toContainText('MOUSE-ON');
});

test('the legend explains each kind of editorial markup, and marks are drawn as it says', async ({ page }) => {
  await openSample(page);
  await page.keyboard.press('Control+e');
  await expect(editor(page)).toBeVisible();
  await page.getByText('Legend of editorial markup').click();
  const legend = page.locator('.editorial-legend');
  for (const label of ['Unclear', 'Supplied', 'Deleted', 'Added', 'Sic / correction', 'Abbreviation', 'Other hand', 'Stamp / printed', 'Gap', 'Note']) {
    await expect(legend.locator('.legend-label').getByText(label, { exact: true })).toBeVisible();
  }
  // Mark the routing note as another hand, with the shortcut, and an unclear word with its reason.
  await selectWords(page, 'Получено 03.15.21.7');
  await page.keyboard.press('Control+Alt+h');
  await page.getByRole('form', { name: 'Other hand' }).getByRole('textbox').fill('routing note in pencil');
  await page.keyboard.press('Enter');
  await expect(editor(page).locator('.ed-hand')).toHaveText('Получено 03.15.21.7');
  await selectWords(page, 'СОВЕТОК');
  await markup(page).getByRole('button', { name: 'Unclear' }).click();
  await page.getByRole('form', { name: 'Unclear' }).getByRole('textbox').fill('faded carbon');
  await page.keyboard.press('Enter');
  await expect(editor(page).locator('.ed-unclear').first()).toHaveAttribute('data-reason', 'faded carbon');
  // A gap where nothing can be read.
  await caretAt(page, 'Для заметок', 'before');
  await markup(page).getByRole('button', { name: 'Gap' }).click();
  await page.getByRole('form', { name: 'Gap' }).getByRole('textbox').fill('2 words');
  await page.keyboard.press('Enter');
  await expect(editor(page).locator('.ed-gap')).toHaveAttribute('data-extent', '2 words');
  await saved(page);
  await page.screenshot({ path: test.info().outputPath('editing-with-legend.png') });
  await page.keyboard.press('Control+e');
  // Read back after a reload: the marks were saved.
  await page.reload();
  await expect(page.locator('.transcription-text .ed-hand')).toHaveAttribute('data-description', 'routing note in pencil');
  await expect(page.locator('.transcription-text .ed-gap')).toHaveCount(1);
});

test('a sheet split while editing, and the document exported as TEI and imported back with its markup and annotations', async ({ page }) => {
  await openSample(page);
  const kennan = await annotationIdOf(await annotate(page, 'Commentary', 'беседы Кенана с Маликом'));
  await typeBody(page, 'See the Kennan–Malik talks.');
  await page.keyboard.press('Control+e');
  await expect(editor(page)).toBeVisible();
  await selectWords(page, 'MOUSE-ON');
  await markup(page).getByRole('button', { name: 'Sic / correction' }).click();
  await page.getByRole('form', { name: 'Sic / correction' }).getByRole('textbox').fill('МАО ЦЗЭ-ДУН');
  await page.keyboard.press('Enter');
  // Ctrl+Enter starts a new sheet at the caret: the navigator and the sheets follow.
  await caretAt(page, 'СЕРИЯ 17', 'before');
  await page.keyboard.press('Control+Enter');
  await expect(page.getByRole('navigation', { name: 'Sheets' }).getByRole('button', { name: 'Sheet 5', exact: true })).toBeVisible();
  await saved(page);
  await page.getByRole('button', { name: 'Done' }).click();
  await expect(page.locator('.transcription-text section.sheet')).toHaveCount(5);

  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Export TEI' }).click();
  const file = await download;
  expect(file.suggestedFilename()).toBe('Ciphered Telegram from Mao Zedong to Filippov [Stalin].xml');
  const xml = readFileSync((await file.path())!, 'utf8');
  expect(xml).toMatch(/^<\?xml version="1.0" encoding="UTF-8"\?>/);
  expect(xml).toContain('<sic>MOUSE-ON</sic>');
  expect(xml.match(/<pb\b/g)).toHaveLength(5);
  expect(xml).toContain('See the Kennan–Malik talks.');

  // Without its Marginalia ids (as from another tool), the file comes in as a new document, whole.
  const asNew = xml.replace(/<idno type="marginalia">[^<]*<\/idno>/, '').replaceAll(kennan, 'aaaaaaaa-bbbb-4ccc-8ddd-eeeeeeeeeeee');
  const chooser = page.waitForEvent('filechooser');
  await page.getByRole('navigation', { name: 'Library' }).getByRole('button', { name: 'Import…' }).click();
  await (await chooser).setFiles([{ name: 'telegram.tei.xml', mimeType: 'application/xml', buffer: Buffer.from(asNew) }]);
  const library = page.getByRole('navigation', { name: 'Library' });
  // Imported and opened: a second telegram of five sheets in the library.
  await expect(library.getByText('5 sheets')).toHaveCount(2);
  for (const entry of await library.getByText('5 sheets').all()) {
    await entry.click();
    if (!(await page.locator('.document-date').textContent())!.includes('bundled sample')) break;
  }
  await expect(page.locator('.document-date')).not.toContainText('bundled sample');
  await expect(page.locator('.transcription-text .ed-corr')).toHaveAttribute('data-sic', 'MOUSE-ON');
  await expect(page.locator('.transcription-text section.sheet')).toHaveCount(5);
  const card = page.locator('.annotation-card');
  await expect(card).toHaveCount(1);
  await expect(card.locator('.card-quote')).toHaveText('беседы Кенана с Маликом');
  const copied = await annotationIdOf(card);
  expect(copied).toBe('aaaaaaaa-bbbb-4ccc-8ddd-eeeeeeeeeeee');
  expect(await highlightedText(page, copied)).toBe('беседы Кенана с Маликом');
  await card.click();
  await expect(card.locator('.body-editor-text')).toHaveText('See the Kennan–Malik talks.');
});
