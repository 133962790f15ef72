/**
 * Splitting a transcription into sheets at the page markers that archival transcriptions keep.
 *
 * Soviet telegrams repeat a printed continuation header on every sheet after the first
 * ("Продолжение шифртелеграммы № 22054 … Лист 2"); the typist's "(см. сл. лист)" ("see next
 * sheet") closes a sheet; transcribers elsewhere write "[page break]" or leave a form feed, and
 * a paragraph that is only a sheet or page number ("Лист 3", "Page 2", "- 2 -", "第2页", "2쪽")
 * opens a sheet. Sheet numbers printed in those headers are OCR'd and can be garbled (the sample
 * reads "Лист 8" on its third sheet), so sheets are always numbered by their order, and the
 * number as written is kept beside it.
 */
import type { SheetText } from '../document-metadata';

/** A paragraph that opens a new sheet, printed at the top of every continuation sheet. */
const CONTINUATION_HEADER = /^(Продолжение|Continuation of)(?=\s|$)/iu;
/** A paragraph that closes the current sheet. */
const SEE_NEXT_SHEET = /^\((см\.?\s*сл(ед)?\.?\s*лист|see next (sheet|page))\)$/iu;
/** An explicit page-break marker that is not part of the text. */
const PAGE_BREAK_MARKER = /^\[(page break|разрыв страницы)\]$/iu;
/** The sheet number as printed in a header: "Лист 2", "Sheet 2", "Page 2". */
const SHEET_NUMBER = /^(?:Лист|Sheet|Page)\s+(\S+)/iu;
/**
 * A paragraph that is nothing but a sheet or page number: "Лист 3", "Л. 3 об.", "Page 2 of 5",
 * "[Page 2]", "Sheet IV", "- 2 -", "第2页", "2쪽". The number may be OCR-garbled into a letter
 * ("Лист З"), so one letter is accepted in its place.
 */
const STANDALONE_SHEET_MARKERS: readonly RegExp[] = [
  /^(?:Лист|Л\.|Sheet|Page|P\.|Стр\.|Страница)\s*(\d{1,4}\p{L}?|[IVXLCDM]{1,7}|\p{L})(?:\s*(?:об\.?|оборот))?(?:\s+(?:of|из)\s+\d{1,4})?\.?$/iu,
  /^[-–—]\s*(\d{1,4})\s*[-–—]$/u,
  /^第\s*([\d〇一二三四五六七八九十百]{1,6})\s*[页頁张張]$/u,
  /^(?:제\s*)?(\d{1,4})\s*(?:쪽|페이지|면)$/u,
];
/** How many paragraphs after a continuation header may still belong to the header block. */
const HEADER_BLOCK_LENGTH = 4;

/** Splits text into paragraphs at blank lines; each keeps its inner line breaks. */
export function splitParagraphs(text: string): string[] {
  return text
    .split(/\n[ \t]*\n+/)
    .map((p) => p.replace(/^\n+|\n+$/g, ''))
    .filter((p) => p.trim() !== '');
}

/** The sheet label the UI shows for the sheet at `index` (0-based). */
export function sheetLabel(index: number): string {
  return `Sheet ${index + 1}`;
}

/**
 * Splits paragraphs into sheets. Form feeds inside the text also separate sheets. Text is never
 * dropped, except explicit "[page break]" markers, which are structure rather than text.
 */
export function splitSheets(text: string): SheetText[] {
  const groups: string[][] = [[]];
  const current = (): string[] => groups[groups.length - 1]!;
  const startSheet = (): void => {
    if (current().length > 0) groups.push([]);
  };

  // Paragraphs left in the continuation header block just started: a sheet number among them
  // is the header's own ("Продолжение … / Экз. № / Лист 2"), not the start of another sheet.
  let headerBlockLeft = 0;

  text.split('\f').forEach((chunk, chunkIndex) => {
    if (chunkIndex > 0) startSheet();
    for (const paragraph of splitParagraphs(chunk)) {
      const firstLine = paragraph.split('\n')[0]!.trim();
      if (PAGE_BREAK_MARKER.test(firstLine) && !paragraph.includes('\n')) {
        startSheet();
        headerBlockLeft = 0;
        continue;
      }
      if (CONTINUATION_HEADER.test(firstLine)) {
        startSheet();
        headerBlockLeft = HEADER_BLOCK_LENGTH;
      } else if (standaloneSheetNumber(paragraph) !== undefined) {
        if (headerBlockLeft === 0) startSheet();
        headerBlockLeft = 0;
      }
      current().push(paragraph);
      if (headerBlockLeft > 0) headerBlockLeft--;
    }
  });

  closeSheetsAfterSeeNext(groups);
  return groups
    .filter((g) => g.length > 0)
    .map((paragraphs, index) => ({
      label: sheetLabel(index),
      numberAsWritten: numberAsWritten(paragraphs),
      paragraphs,
    }));
}

/**
 * "(см. сл. лист)" with no continuation header after it still ends its sheet. Whatever follows
 * it on the same sheet is short footer matter (form numbers like "ИТ МВО 195-1"), so a sheet is
 * only split there when more than that footer follows.
 */
function closeSheetsAfterSeeNext(groups: string[][]): void {
  for (let g = 0; g < groups.length; g++) {
    const paragraphs = groups[g]!;
    const at = paragraphs.findIndex((p) => SEE_NEXT_SHEET.test(p.trim()));
    if (at < 0) continue;
    const rest = paragraphs.slice(at + 1);
    const footer = rest.length <= 1 && rest.every((p) => p.length <= 40 && !p.includes('\n'));
    if (footer) continue;
    groups.splice(g, 1, paragraphs.slice(0, at + 1), rest);
  }
}

/** The number of a paragraph that is only a sheet marker ("Лист 3" → "3"), else undefined. */
function standaloneSheetNumber(paragraph: string): string | undefined {
  const trimmed = paragraph.trim();
  if (trimmed.includes('\n')) return undefined;
  const unbracketed = trimmed.replace(/^\[(.*)\]$/u, '$1').trim();
  for (const marker of STANDALONE_SHEET_MARKERS) {
    const m = marker.exec(unbracketed);
    if (m) return m[1]!;
  }
  return undefined;
}

function numberAsWritten(paragraphs: readonly string[]): string {
  for (const paragraph of paragraphs.slice(0, HEADER_BLOCK_LENGTH)) {
    const standalone = standaloneSheetNumber(paragraph);
    if (standalone !== undefined) return standalone;
    for (const line of paragraph.split('\n')) {
      const m = SHEET_NUMBER.exec(line.trim());
      if (m) return m[1]!;
    }
  }
  return '';
}
