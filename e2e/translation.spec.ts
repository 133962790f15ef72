/**
 * The translator's workbench: segment-by-segment drafts with the keyboard flow, statuses and
 * progress, renderings and notes that survive a reload, the scan following the current segment,
 * glossary terms marked in the source and the glossary check, and the English exported as
 * Markdown and Word (the DOCX unzipped and its XML read).
 */
import { readFileSync } from 'node:fs';
import { expect, test, type Locator, type Page } from '@playwright/test';
import { strFromU8, unzipSync } from 'fflate';
import { inOrder, wordText } from './support/documents';
import { openSample } from './support/workstation';

const workbench = (page: Page) => page.getByRole('region', { name: 'Translation workbench' });
const summary = (page: Page) => workbench(page).locator('.tw-progress-summary');
const row = (page: Page, n: number): Locator => workbench(page).locator('.tw-row').nth(n - 1);
const currentEditor = (page: Page) => workbench(page).locator('.tw-row.current .draft-editor-text');
const statusCount = (page: Page, status: string) => workbench(page).locator(`.tw-status-counts [data-status="${status}"]`);

async function openWorkbench(page: Page): Promise<void> {
  await page.getByRole('group', { name: 'Show' }).getByRole('button', { name: 'Translate' }).click();
  await expect(workbench(page)).toBeVisible();
  await expect(workbench(page).locator('.tw-row')).toHaveCount(76);
}

/** The words-translated part of the summary, as numbers: [segments done, words done, words in all]. */
async function progressNumbers(page: Page): Promise<[number, number, number]> {
  const text = (await summary(page).textContent()) ?? '';
  const m = /^(\d+) of 76 segments · ([\d,]+) of ([\d,]+) words translated$/.exec(text);
  if (!m) throw new Error(`unexpected progress text: ${text}`);
  const n = (s: string): number => Number(s.replace(/,/g, ''));
  return [n(m[1]!), n(m[2]!), n(m[3]!)];
}

test('three segments translated with the keyboard flow, with a rendering and a note, survive a reload and export as Markdown and Word', async ({ page }) => {
  test.setTimeout(120_000);
  await openSample(page);
  await openWorkbench(page);
  const [, , totalWords] = await progressNumbers(page);
  await expect(summary(page)).toHaveText(`0 of 76 segments · 0 of ${totalWords.toLocaleString('en-US')} words translated`);

  // The first segment is current, its editor focused: type, Ctrl+Enter, and on to the next.
  await expect(row(page, 1)).toHaveAttribute('aria-current', 'true');
  await expect(currentEditor(page)).toBeFocused();
  await page.keyboard.type('No. 143, I 245');
  // Saved after a pause: a draft now, and still the current segment.
  await expect(summary(page)).toHaveText(/^1 of 76 segments · 3 of /);
  await expect(row(page, 1)).toHaveAttribute('aria-current', 'true');
  await expect(currentEditor(page)).toBeFocused();
  await page.keyboard.press('Control+Enter');
  await expect(row(page, 2)).toHaveAttribute('aria-current', 'true');
  await expect(summary(page)).toHaveText(/^1 of 76 segments · 3 of /);
  await expect(row(page, 1)).toHaveAttribute('data-status', 'draft');
  await expect(statusCount(page, 'draft')).toHaveText('Draft 1 (3 words)');

  await expect(currentEditor(page)).toBeFocused();
  await page.keyboard.type('SECOND CHIEF DIRECTORATE OF THE GENERAL STAFF OF THE SOVIET AIR FORCE');
  await page.keyboard.press('Control+Shift+Enter');
  await expect(row(page, 3)).toHaveAttribute('aria-current', 'true');
  await expect(row(page, 2)).toHaveAttribute('data-status', 'reviewed');
  await expect(summary(page)).toHaveText(/^2 of 76 segments · 9 of /);
  await expect(statusCount(page, 'reviewed')).toHaveText('Reviewed 1 (6 words)');

  await expect(currentEditor(page)).toBeFocused();
  await page.keyboard.type('CIPHERED TELEGRAM No. 22054');
  await page.keyboard.press('Control+Enter');
  await expect(summary(page)).toHaveText(/^3 of 76 segments · 11 of /);
  await expect(statusCount(page, 'draft')).toHaveText('Draft 2 (5 words)');
  await expect(statusCount(page, 'untranslated')).toHaveText(`Untranslated 73 (${totalWords - 11} words)`);
  await expect(row(page, 3)).toHaveAttribute('data-status', 'draft');

  // Alt+ArrowDown moves on without a status; the scan follows to sheet 2 with segment 29.
  await expect(page.locator('.sheet-tab[aria-current="page"]')).toHaveText(/1/);
  for (let i = 4; i < 29; i++) await page.keyboard.press('Alt+ArrowDown');
  await expect(row(page, 29)).toHaveAttribute('aria-current', 'true');
  await expect(row(page, 29)).toBeInViewport();
  await expect(page.locator('.sheet-tab[aria-current="page"]')).toHaveText(/2/);
  await expect(summary(page)).toHaveText(/^3 of 76 segments/);
  await page.keyboard.press('Alt+ArrowUp');
  await expect(page.locator('.sheet-tab[aria-current="page"]')).toHaveText(/1/);

  // Back to segment 3: another rendering, chosen, then a note.
  await row(page, 3).locator('.tw-draft-plain').click();
  await expect(row(page, 3)).toHaveAttribute('aria-current', 'true');
  await expect(currentEditor(page)).toBeFocused();
  const tools = row(page, 3).locator('.tw-tools');
  await tools.getByRole('button', { name: 'Add alternative' }).click();
  await expect(tools.getByRole('radio')).toHaveCount(2);
  await expect(tools.getByRole('radio', { name: 'Use rendering 2' })).toBeChecked();
  await currentEditor(page).click();
  await page.keyboard.press('Control+a');
  await page.keyboard.type('CIPHER TELEGRAM No. 22054');
  // Choosing the first rendering and then the second again: the second is the translation.
  await tools.getByRole('radio', { name: 'Use rendering 1' }).click();
  await expect(tools.getByRole('radio', { name: 'Use rendering 1' })).toBeChecked();
  await expect(currentEditor(page)).toHaveText('CIPHERED TELEGRAM No. 22054');
  await tools.getByRole('radio', { name: 'Use rendering 2' }).click();
  await expect(tools.getByRole('radio', { name: 'Use rendering 2' })).toBeChecked();
  await expect(currentEditor(page)).toHaveText('CIPHER TELEGRAM No. 22054');
  await tools.getByRole('button', { name: 'Add note' }).click();
  await tools.getByRole('textbox', { name: "Translator's note" }).fill('The number the ciphering office gave the telegram.');
  await currentEditor(page).click();
  await expect(row(page, 3).locator('.tw-note-mark')).toBeVisible();

  // The translation is an ordinary translation annotation: a card in the annotations panel.
  const card = page.locator('.annotation-card', { has: page.locator('.kind-translation') }).filter({ hasText: 'CIPHER TELEGRAM No. 22054' });
  await expect(card).toHaveCount(1);
  await expect(card.locator('.card-quote')).toHaveText('ШИФРТЕЛЕГРАММА № 22054');

  await page.screenshot({ path: '/tmp/h1-workbench.png' });

  await page.reload();
  await expect(page.locator('.transcription-text section.sheet')).toHaveCount(4);
  await openWorkbench(page);
  await expect(summary(page)).toHaveText(`3 of 76 segments · 11 of ${totalWords.toLocaleString('en-US')} words translated`);
  await expect(row(page, 1)).toHaveAttribute('data-status', 'draft');
  await expect(row(page, 2)).toHaveAttribute('data-status', 'reviewed');
  await expect(row(page, 3)).toHaveAttribute('data-status', 'draft');
  await expect(row(page, 1).locator('.tw-draft-plain')).toHaveText('No. 143, I 245');
  await expect(row(page, 2).locator('.tw-draft-plain')).toHaveText('SECOND CHIEF DIRECTORATE OF THE GENERAL STAFF OF THE SOVIET AIR FORCE');
  await expect(row(page, 3).locator('.tw-draft-plain')).toHaveText('CIPHER TELEGRAM No. 22054');
  await expect(row(page, 3).locator('.tw-alt-mark')).toHaveText('2 alt.');
  // The workbench opens on the first untranslated segment.
  await expect(row(page, 4)).toHaveAttribute('aria-current', 'true');
  await row(page, 3).locator('.tw-draft-plain').click();
  await expect(tools.getByRole('radio', { name: 'Use rendering 2' })).toBeChecked();
  await expect(tools.getByRole('textbox', { name: "Translator's note" })).toHaveValue('The number the ciphering office gave the telegram.');
  await expect(currentEditor(page)).toHaveText('CIPHER TELEGRAM No. 22054');

  // The English rendering, exported as Markdown and as Word: the three drafts in order under
  // the first sheet's marker, the next segment marked untranslated, the translator credited.
  const drafts = ['No. 143, I 245', 'SECOND CHIEF DIRECTORATE OF THE GENERAL STAFF OF THE SOVIET AIR FORCE', 'CIPHER TELEGRAM No. 22054'];
  await page.locator('.document-head').getByRole('button', { name: 'Export English…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Export English translation' });
  await dialog.getByRole('radio', { name: 'Markdown (.md)' }).check();
  let download = page.waitForEvent('download');
  await dialog.getByRole('button', { name: 'Export…' }).click();
  const md = readFileSync((await (await download).path())!, 'utf8');
  expect(inOrder(md, ['— Sheet 1 —', ...drafts, '\\[untranslated: Снятие копий', '— Sheet 2 —'])).toBe(true);
  expect(md).not.toContain('CIPHERED TELEGRAM');
  expect(md).toMatch(/\*Translated by [^*]+\.\*/);
  await dialog.getByRole('radio', { name: 'Word (.docx)' }).check();
  download = page.waitForEvent('download');
  await dialog.getByRole('button', { name: 'Export…' }).click();
  const docx = unzipSync(new Uint8Array(readFileSync((await (await download).path())!)));
  const documentText = wordText(strFromU8(docx['word/document.xml']!));
  expect(inOrder(documentText, ['Ciphered Telegram from Mao Zedong to Filippov [Stalin]', '— Sheet 1 —', ...drafts, '— Sheet 2 —'])).toBe(true);
  expect(documentText).toMatch(/Translated by .+\./);
});

test('glossary terms are marked in the source, and a draft without the preferred rendering is listed', async ({ page }) => {
  await openSample(page);
  // One glossary entry, written into the library as the glossary store keeps it.
  await page.evaluate(
    () =>
      new Promise<void>((resolve, reject) => {
        const open = indexedDB.open('marginalia');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const db = open.result;
          const tx = db.transaction('glossary', 'readwrite');
          tx.objectStore('glossary').put({
            id: 'parallel',
            source: 'параллель',
            forms: [],
            stem: '',
            preferred: 'parallel',
            admitted: [],
            forbidden: ['latitude'],
            notes: 'The 38th parallel: the 1945 line of division.',
            order: 0,
            modified: new Date().toISOString(),
          });
          tx.oncomplete = () => {
            db.close();
            resolve();
          };
          tx.onerror = () => reject(tx.error);
        };
      }),
  );
  await page.reload();
  await expect(page.locator('.transcription-text section.sheet')).toHaveCount(4);
  await openWorkbench(page);

  const terms = workbench(page).locator('.tw-term[data-entry-id="parallel"]');
  await expect(terms).toHaveCount(4);
  await expect(terms.first()).toHaveText(/^параллел/);
  await expect(terms.first()).toHaveAttribute('title', /параллель → parallel\nNot: latitude\nThe 38th parallel/);
  await expect(workbench(page).locator('.tw-consistency summary')).toHaveText('Glossary check: no issues');

  // A draft of the first segment with the term, without "parallel".
  const withTerm = workbench(page).locator('.tw-row', { has: page.locator('.tw-term[data-entry-id="parallel"]') }).first();
  const number = Number(await withTerm.locator('.tw-number').textContent());
  await withTerm.locator('.tw-draft-plain').click();
  await expect(currentEditor(page)).toBeFocused();
  await page.keyboard.type('on the 38th latitude');
  await page.keyboard.press('Control+Enter');
  await expect(summary(page)).toHaveText(/^1 of 76 segments/);

  const check = workbench(page).locator('.tw-consistency');
  await expect(check.locator('summary')).toHaveText('Glossary check: 2 issues');
  await check.locator('summary').click();
  const issues = check.getByRole('list', { name: 'Glossary issues' }).getByRole('button');
  await expect(issues.nth(0)).toHaveText(new RegExp(`^Segment ${number} “параллел\\S*”: the draft lacks “parallel”$`));
  await expect(issues.nth(1)).toHaveText(new RegExp(`^Segment ${number} “параллел\\S*”: the draft uses “latitude”, which the glossary forbids$`));
  // An issue moves to its segment.
  await issues.nth(0).click();
  await expect(withTerm).toHaveAttribute('aria-current', 'true');

  // Fixed: the issue goes.
  await currentEditor(page).click();
  await page.keyboard.press('Control+a');
  await page.keyboard.type('on the 38th parallel');
  await page.keyboard.press('Control+Enter');
  await expect(check.locator('summary')).toHaveText('Glossary check: no issues');
});

test('a segment split where the translator clicks, then joined again', async ({ page }) => {
  await openSample(page);
  await openWorkbench(page);
  // Click just before "воспрещается" in segment 4, "Снятие копий воспрещается".
  const source = row(page, 4).locator('.tw-source');
  await expect(source).toHaveText('Снятие копий воспрещается');
  const box = await source.evaluate((element) => {
    const text = element.firstChild!.firstChild as Text;
    const range = document.createRange();
    const at = text.data.indexOf('воспрещается');
    range.setStart(text, at);
    range.setEnd(text, at + 1);
    const rect = range.getBoundingClientRect();
    return { x: rect.left + 1, y: rect.top + rect.height / 2 };
  });
  await page.mouse.click(box.x, box.y);
  await expect(row(page, 4)).toHaveAttribute('aria-current', 'true');
  await row(page, 4).getByRole('button', { name: 'Split here' }).click();
  await expect(workbench(page).locator('.tw-row')).toHaveCount(77);
  await expect(row(page, 4).locator('.tw-source')).toHaveText('Снятие копий');
  await expect(row(page, 5).locator('.tw-source')).toHaveText('воспрещается');
  await expect(summary(page)).toHaveText(/^0 of 77 segments/);

  // Kept across a reload, then joined back.
  await page.reload();
  await expect(page.locator('.transcription-text section.sheet')).toHaveCount(4);
  await page.getByRole('group', { name: 'Show' }).getByRole('button', { name: 'Translate' }).click();
  await expect(workbench(page).locator('.tw-row')).toHaveCount(77);
  await row(page, 4).locator('.tw-source').click();
  await row(page, 4).getByRole('button', { name: 'Join with next' }).click();
  await expect(workbench(page).locator('.tw-row')).toHaveCount(76);
  await expect(row(page, 4).locator('.tw-source')).toHaveText('Снятие копий воспрещается');

  // Ctrl+Shift+E goes back to the transcription, and to the workbench again.
  await page.keyboard.press('Control+Shift+E');
  await expect(workbench(page)).toHaveCount(0);
  await expect(page.locator('.transcription-text section.sheet')).toHaveCount(4);
  await page.keyboard.press('Control+Shift+E');
  await expect(workbench(page).locator('.tw-row')).toHaveCount(76);
});
