/**
 * Splitting a transcription into sheets at the page markers that archival transcriptions keep.
 *
 * Soviet telegrams repeat a printed continuation header on every sheet after the first
 * ("Продолжение шифртелеграммы № 22054 … Лист 2"); the typist's "(см. сл. лист)" ("see next
 * sheet") closes a sheet; transcribers elsewhere write "[page break]" or leave a form feed.
 * Sheet numbers printed in those headers are OCR'd and can be garbled (the sample reads
 * "Лист 8" on its third sheet), so sheets are always numbered by their order, and the number as
 * written is kept beside it.
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

  text.split('\f').forEach((chunk, chunkIndex) => {
    if (chunkIndex > 0) startSheet();
    for (const paragraph of splitParagraphs(chunk)) {
      const firstLine = paragraph.split('\n')[0]!.trim();
      if (PAGE_BREAK_MARKER.test(firstLine) && !paragraph.includes('\n')) {
        startSheet();
        continue;
      }
      if (CONTINUATION_HEADER.test(firstLine)) startSheet();
      current().push(paragraph);
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

function numberAsWritten(paragraphs: readonly string[]): string {
  for (const paragraph of paragraphs.slice(0, HEADER_BLOCK_LENGTH)) {
    for (const line of paragraph.split('\n')) {
      const m = SHEET_NUMBER.exec(line.trim());
      if (m) return m[1]!;
    }
  }
  return '';
}
