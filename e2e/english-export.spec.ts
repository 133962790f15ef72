/**
 * Export English Translation in the browser build: two sentences of the sample translated and
 * one passage commented through the ordinary annotate flow, then the document exported as
 * Markdown and as Word (downloads), and the files read: the metadata header, the sheet
 * markers, the English text, the translator credit and the commentary as a footnote; the DOCX
 * unzipped and its XML read.
 */
import { readFileSync } from 'node:fs';
import { expect, test, type Page } from '@playwright/test';
import { strFromU8, unzipSync } from 'fflate';
import { inOrder, wordText } from './support/documents';
import { annotate, openSample, SAMPLE_TITLE, typeBody } from './support/workstation';

const FIRST = 'The so-called peace talks are an empty phrase.';
const SECOND = 'With Bolshevik greetings!';
const NOTE = 'The 38th parallel, the line that divided Korea before the war.';

async function saved(page: Page): Promise<void> {
  await expect(page.locator('.annotation-card.open .save-state')).toHaveText('Saved', { timeout: 10_000 });
}

test('the English translation exports as Markdown and Word, with header, sheets, translator and footnote', async ({ page }) => {
  await openSample(page);
  const name = page.getByLabel('Annotating as');
  await name.fill('Anna Petrova');
  await name.press('Enter');

  await annotate(page, 'Translation', 'Так называемые мирные переговоры', { endText: 'пустая фраза.' });
  await typeBody(page, FIRST);
  await saved(page);
  await annotate(page, 'Translation', 'С большевистскими', { endText: 'приветом!' });
  await typeBody(page, SECOND);
  await saved(page);
  await annotate(page, 'Commentary', '38 параллели');
  await typeBody(page, NOTE);
  // Not waiting for "Saved" here: the export saves what is being typed first.

  await page.locator('.document-head').getByRole('button', { name: 'Export English…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Export English translation' });
  await expect(dialog).toBeVisible();
  await expect(dialog).toContainText('Anna Petrova (2 translations)');
  await expect(dialog.getByLabel('Commentary as footnotes')).toBeChecked();
  // The browser build has no PDF format of its own, but prints (and so saves PDFs) through the browser.
  await expect(dialog.getByRole('radio')).toHaveCount(3);
  await expect(dialog.getByRole('button', { name: 'Print…' })).toBeVisible();
  await page.screenshot({ path: '/tmp/h2-export.png' });

  // Markdown.
  await dialog.getByRole('radio', { name: 'Markdown (.md)' }).check();
  let download = page.waitForEvent('download');
  await dialog.getByRole('button', { name: 'Export…' }).click();
  const mdFile = await download;
  expect(mdFile.suggestedFilename()).toBe(`${SAMPLE_TITLE} (English).md`);
  const md = readFileSync((await mdFile.path())!, 'utf8');
  expect(md).toMatch(/^# Ciphered Telegram from Mao Zedong to Filippov \\\[Stalin\\\]\n/);
  expect(md).toContain('- **Date:** July 20, 1951\n');
  expect(md).toContain('- **Original language:** Russian\n');
  expect(md).toContain('- **Citation:** "Ciphered Telegram from Mao Zedong to Filippov \\[Stalin\\]", July 20, 1951, Wilson Center Digital Archive');
  expect(md).toContain('\n*Translated by Anna Petrova.*\n');
  expect(md).toContain('*Draft: 2 of ');
  expect(inOrder(md, ['\n— Sheet 1 —\n', '\n— Sheet 2 —\n', '\n— Sheet 3', '\n— Sheet 4'])).toBe(true);
  expect(inOrder(md, ['\n— Sheet 2 —\n', FIRST, '\n— Sheet 4', SECOND])).toBe(true);
  expect(md).toContain('\\[untranslated: ШИФРТЕЛЕГРАММА № 22054\\]');
  expect(md).toMatch(/38 параллели\.\\\]\[\^1\]/);
  expect(md).toMatch(new RegExp(`\\n\\[\\^1\\]: ${NOTE.replace(/\./g, '\\.')} — Anna Petrova\\n$`));
  await expect(dialog.getByRole('status')).toContainText('English translation exported as Markdown (.md) to your downloads');

  // Word.
  await dialog.getByRole('radio', { name: 'Word (.docx)' }).check();
  download = page.waitForEvent('download');
  await dialog.getByRole('button', { name: 'Export…' }).click();
  const docxFile = await download;
  expect(docxFile.suggestedFilename()).toBe(`${SAMPLE_TITLE} (English).docx`);
  const files = unzipSync(new Uint8Array(readFileSync((await docxFile.path())!)));
  const documentXml = strFromU8(files['word/document.xml']!);
  const documentText = wordText(documentXml);
  expect(documentText).toContain('Ciphered Telegram from Mao Zedong to Filippov [Stalin]\n');
  expect(documentText).toContain('Date: July 20, 1951');
  expect(documentText).toContain('Translated by Anna Petrova.');
  expect(inOrder(documentText, ['— Sheet 1 —', '— Sheet 2 —', FIRST, '— Sheet 3', '— Sheet 4', SECOND])).toBe(true);
  expect(documentXml).toContain('<w:footnoteReference w:id="1"/>');
  expect(wordText(strFromU8(files['word/footnotes.xml']!))).toContain(`${NOTE} — Anna Petrova`);
  expect(strFromU8(files['docProps/core.xml']!)).toContain('Anna Petrova');

  // Without footnotes, and with untranslated passages left out.
  await dialog.getByLabel('Commentary as footnotes').uncheck();
  await dialog.getByLabel('Untranslated passages').selectOption('omit');
  await dialog.getByRole('radio', { name: 'Markdown (.md)' }).check();
  download = page.waitForEvent('download');
  await dialog.getByRole('button', { name: 'Export…' }).click();
  const bare = readFileSync((await (await download).path())!, 'utf8');
  expect(bare).not.toContain('[^1]');
  expect(bare).not.toContain('untranslated:');
  expect(inOrder(bare, [FIRST, SECOND])).toBe(true);
});

test('with nothing translated the dialog says so, and “Print…” hands the page to the browser without breaking the CSP', async ({ page }) => {
  const problems: string[] = [];
  page.on('console', (message) => {
    // (Playwright's own probes of the script-less frame are refused too; those are not the app's.)
    if (message.type() === 'error' && !message.text().startsWith('Blocked script execution in \'about:srcdoc\'')) problems.push(message.text());
  });
  page.on('pageerror', (error) => problems.push(error.message));
  await openSample(page);
  await page.locator('.document-head').getByRole('button', { name: 'Export English…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Export English translation' });
  await expect(dialog).toContainText('Nobody has translated any of this document yet');
  await dialog.getByRole('button', { name: 'Print…' }).click();
  await expect(dialog.getByRole('status')).toContainText('Sent to the browser’s print dialog');
  const frame = page.frameLocator('iframe.print-frame');
  await expect(frame.locator('h1')).toHaveText(SAMPLE_TITLE);
  await expect(frame.locator('p.sheet-marker').first()).toHaveText('— Sheet 1 —');
  expect(problems).toEqual([]);
  await dialog.getByRole('button', { name: 'Close' }).click();
  await expect(dialog).toHaveCount(0);
});
