/**
 * Glossaries as CSV files, for editing in a spreadsheet.
 *
 * Written as RFC 4180 says: a header row, then one entry per row; fields separated by commas;
 * a field holding a comma, a double quote, a line break, or white space at either end is quoted,
 * its quotes doubled; rows end in CR LF; UTF-8 with a byte-order mark (which spreadsheet programs
 * need to read UTF-8 as UTF-8). Columns: id, source, forms, stem, preferred, admitted,
 * forbidden, notes; list fields (forms, admitted, forbidden) separate their items with "|".
 *
 * Read leniently where it costs nothing and strictly where a guess could garble data: a file may
 * be UTF-8 with or without a byte-order mark (or UTF-16, or Windows-1251, as decodeTextFile
 * tells them apart), rows may end in CR LF, LF or CR, the separator may be a semicolon or a tab
 * (as spreadsheets in Russian locales write; the header row tells), columns may come in any order
 * and be named in a few ways ("term" for source, "english" for preferred…), only "source" is
 * required, and an entry without an id gets one made from its source term. Refused, naming the
 * line: an unclosed quote, text after a closing quote, a row with more or fewer fields than the
 * header, an unknown or repeated column, an entry with a problem (glossaryEntryProblems), a
 * repeated id. Everything read is brought to Unicode NFC, as imported transcriptions are.
 */
import { decodeTextFile } from '../importers/decode-text';
import { ImportError, MAX_TEXT_FILE_BYTES, formatMegabytes } from '../importers/import-error';
import { glossaryEntryProblems, newEntryId, type Glossary, type GlossaryEntry } from './types';

export const GLOSSARY_CSV_COLUMNS = ['id', 'source', 'forms', 'stem', 'preferred', 'admitted', 'forbidden', 'notes'] as const;
type Column = (typeof GLOSSARY_CSV_COLUMNS)[number];

/** Other names a column may have in a header (compared lower-cased, spaces and "_" alike). */
const COLUMN_ALIASES: Readonly<Record<string, Column>> = {
  id: 'id',
  source: 'source', term: 'source', 'source term': 'source', ru: 'source', russian: 'source',
  forms: 'forms', 'inflected forms': 'forms',
  stem: 'stem', 'stem rule': 'stem',
  preferred: 'preferred', 'preferred rendering': 'preferred', rendering: 'preferred', english: 'preferred', en: 'preferred', target: 'preferred',
  admitted: 'admitted', 'admitted renderings': 'admitted',
  forbidden: 'forbidden', 'forbidden renderings': 'forbidden', deprecated: 'forbidden',
  notes: 'notes', note: 'notes', comment: 'notes', comments: 'notes',
};

/** The largest glossary read: far more terms than any project's glossary has. */
export const MAX_GLOSSARY_ENTRIES = 100_000;

export interface CsvRecord {
  fields: string[];
  /** The line the record starts on (1-based). */
  line: number;
}

/** Thrown by parseCsv: what is wrong, and on which line. */
export class CsvSyntaxError extends Error {
  readonly line: number;
  constructor(line: number, message: string) {
    super(`line ${line}: ${message}`);
    this.name = 'CsvSyntaxError';
    this.line = line;
  }
}

/** The separator a CSV file uses: the one of ",", ";", tab that its first line has most of outside quotes (a comma when none). */
export function detectDelimiter(text: string): string {
  const counts = new Map<string, number>([[',', 0], [';', 0], ['\t', 0]]);
  let quoted = false;
  for (const c of text) {
    if (c === '"') quoted = !quoted;
    else if (!quoted && (c === '\n' || c === '\r')) break;
    else if (!quoted && counts.has(c)) counts.set(c, counts.get(c)! + 1);
  }
  let best = ',';
  for (const [d, n] of counts) if (n > counts.get(best)!) best = d;
  return best;
}

/** Parses RFC 4180 CSV (see the module comment); blank lines are skipped. */
export function parseCsv(text: string, delimiter = ','): CsvRecord[] {
  const records: CsvRecord[] = [];
  let line = 1;
  let i = 0;
  const n = text.length;
  const atLineEnd = (at: number): boolean => at >= n || text[at] === '\n' || text[at] === '\r';
  const skipLineEnd = (): void => {
    if (text[i] === '\r' && text[i + 1] === '\n') i += 2;
    else if (i < n) i += 1;
    line++;
  };
  while (i < n) {
    const recordLine = line;
    const fields: string[] = [];
    for (;;) {
      let value = '';
      if (text[i] === '"') {
        const openedOn = line;
        i++;
        for (;;) {
          if (i >= n) throw new CsvSyntaxError(openedOn, `a quoted field (field ${fields.length + 1}) is never closed`);
          const c = text[i]!;
          if (c === '"') {
            if (text[i + 1] === '"') {
              value += '"';
              i += 2;
              continue;
            }
            i++;
            break;
          }
          if (c === '\r' || c === '\n') {
            value += '\n';
            if (c === '\r' && text[i + 1] === '\n') i++;
            line++;
            i++;
            continue;
          }
          value += c;
          i++;
        }
        if (!atLineEnd(i) && text[i] !== delimiter) {
          throw new CsvSyntaxError(line, `field ${fields.length + 1} has text after its closing quote (a quote inside a quoted field is written twice: "")`);
        }
      } else {
        const start = i;
        while (!atLineEnd(i) && text[i] !== delimiter) i++;
        value = text.slice(start, i);
      }
      fields.push(value);
      if (text[i] === delimiter) {
        i++;
        continue;
      }
      break;
    }
    if (i < n) skipLineEnd();
    if (!(fields.length === 1 && fields[0] === '')) records.push({ fields, line: recordLine });
  }
  return records;
}

function quoteField(value: string, delimiter: string): string {
  const needs = value.includes(delimiter) || /["\r\n]/.test(value) || value !== value.trim();
  return needs ? `"${value.replace(/"/g, '""')}"` : value;
}

/** One CSV row, without its line end. */
export function formatCsvRecord(fields: readonly string[], delimiter = ','): string {
  return fields.map((f) => quoteField(f, delimiter)).join(delimiter);
}

export interface GlossaryCsvOptions {
  /** Start with a UTF-8 byte-order mark (default true). */
  bom?: boolean;
}

/** A glossary as CSV text (see the module comment). Throws an Error naming the entry when a list item holds "|". */
export function glossaryToCsv(glossary: Glossary, options: GlossaryCsvOptions = {}): string {
  const list = (entry: GlossaryEntry, items: readonly string[]): string => {
    for (const item of items) {
      if (item.includes('|')) throw new Error(`Glossary entry “${entry.source}” (${entry.id}): “${item}” contains “|”, which CSV files use between list items.`);
    }
    return items.join('|');
  };
  const rows = [formatCsvRecord(GLOSSARY_CSV_COLUMNS)];
  for (const e of glossary.entries) {
    rows.push(formatCsvRecord([e.id, e.source, list(e, e.forms), e.stem, e.preferred, list(e, e.admitted), list(e, e.forbidden), e.notes]));
  }
  return `${options.bom === false ? '' : '\uFEFF'}${rows.join('\r\n')}\r\n`;
}

export interface GlossaryImportOptions {
  sourceLanguage?: string;
  targetLanguage?: string;
}

/** Reads a glossary from a CSV file's text or bytes; throws ImportError naming the file and the line. */
export function glossaryFromCsv(fileName: string, input: string | Uint8Array, options: GlossaryImportOptions = {}): Glossary {
  const text = typeof input === 'string' ? checkedString(fileName, input) : decodeTextFile(fileName, input).text;
  const delimiter = detectDelimiter(text);
  let records: CsvRecord[];
  try {
    records = parseCsv(text, delimiter);
  } catch (error) {
    if (error instanceof CsvSyntaxError) throw new ImportError(fileName, `it is not a well-formed CSV file (${error.message}).`);
    throw error;
  }
  const [header, ...allRows] = records;
  // Spreadsheets write rows of empty cells below the data when cells there were ever touched.
  const rows = allRows.filter((row) => row.fields.some((f) => f.trim() !== ''));
  if (!header) throw new ImportError(fileName, 'it is empty: a glossary CSV file starts with a header row (id, source, forms, stem, preferred, admitted, forbidden, notes).');
  if (rows.length > MAX_GLOSSARY_ENTRIES) throw new ImportError(fileName, `it has ${rows.length} entries, more than the limit of ${MAX_GLOSSARY_ENTRIES}.`);
  const columns = readHeader(fileName, header);

  const taken = new Set<string>();
  for (const row of rows) {
    const at = columns.get('id');
    const id = at === undefined ? '' : (row.fields[at] ?? '').trim();
    if (id !== '') taken.add(id);
  }
  const seen = new Map<string, number>();
  const entries = rows.map((row): GlossaryEntry => {
    if (row.fields.length !== header.fields.length) {
      throw new ImportError(fileName, `line ${row.line} has ${row.fields.length} fields, but the header row has ${header.fields.length}.`);
    }
    const get = (column: Column): string => {
      const at = columns.get(column);
      return at === undefined ? '' : row.fields[at]!.normalize('NFC');
    };
    const items = (column: Column): string[] => {
      const value = get(column).trim();
      return value === '' ? [] : value.split('|').map((s) => s.trim());
    };
    const source = get('source').trim();
    const entry: GlossaryEntry = {
      id: get('id').trim() || newEntryId(source, taken),
      source,
      forms: items('forms'),
      stem: get('stem').trim(),
      preferred: get('preferred').trim(),
      admitted: items('admitted'),
      forbidden: items('forbidden'),
      notes: get('notes'),
    };
    const problems = glossaryEntryProblems(entry);
    if (problems.length > 0) throw new ImportError(fileName, `the entry on line ${row.line} (“${source}”) cannot be read: ${problems.join('; ')}.`);
    const earlier = seen.get(entry.id);
    if (earlier !== undefined) throw new ImportError(fileName, `the entry on line ${row.line} (“${source}”) has the id “${entry.id}”, which the entry on line ${earlier} has too.`);
    seen.set(entry.id, row.line);
    return entry;
  });
  return { sourceLanguage: options.sourceLanguage ?? 'ru', targetLanguage: options.targetLanguage ?? 'en', entries };
}

function checkedString(fileName: string, input: string): string {
  if (input.length > MAX_TEXT_FILE_BYTES) throw new ImportError(fileName, `it is larger than the limit of ${formatMegabytes(MAX_TEXT_FILE_BYTES)}.`);
  return input.replace(/^\uFEFF/, '');
}

function readHeader(fileName: string, header: CsvRecord): Map<Column, number> {
  const columns = new Map<Column, number>();
  header.fields.forEach((raw, i) => {
    const name = raw.trim().toLowerCase().replace(/[_\s]+/g, ' ');
    const column = COLUMN_ALIASES[name];
    if (!column) {
      throw new ImportError(
        fileName,
        `column ${i + 1} of the header row, “${raw}”, is not a glossary column; the columns are ${GLOSSARY_CSV_COLUMNS.join(', ')} (only source is required).`,
      );
    }
    if (columns.has(column)) throw new ImportError(fileName, `the header row names the ${column} column twice (columns ${columns.get(column)! + 1} and ${i + 1}).`);
    columns.set(column, i);
  });
  if (!columns.has('source')) throw new ImportError(fileName, `the header row has no source column (the columns are ${GLOSSARY_CSV_COLUMNS.join(', ')}).`);
  return columns;
}
