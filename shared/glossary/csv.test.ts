import { describe, expect, it } from 'vitest';
import { ImportError } from '../importers/import-error';
import { glossaryFromCsv, glossaryToCsv, parseCsv, formatCsvRecord, CsvSyntaxError, detectDelimiter } from './csv';
import { entry, sampleGlossary } from './test-fixtures';
import type { Glossary } from './types';

const encoder = new TextEncoder();

/** A glossary whose values need every kind of CSV quoting. */
function trickyGlossary(): Glossary {
  const g = sampleGlossary();
  g.entries.push(
    entry({
      id: 'quoted',
      source: 'так называемые "мирные" переговоры',
      forms: ['так называемых "мирных" переговоров', 'т. н. переговоры'],
      preferred: 'so-called "peace" talks',
      admitted: ['the so-called peace negotiations, as they say'],
      notes: 'Irony; keep the quotes.\nSecond line, with a comma; and ”curly” quotes.\r\nA third after CR LF.',
    }),
    entry({ id: 'spaces', source: 'ООН', stem: 'none', preferred: 'UN', notes: '  indented note, and trailing space ' }),
    entry({ id: 'pattern', source: 'военная разгранлиния', stem: 'военн* разгранлини*', preferred: 'military demarcation line' }),
  );
  return g;
}

describe('parseCsv', () => {
  it('reads RFC 4180 records: quotes, doubled quotes, line breaks in quoted fields, CR LF', () => {
    const text = 'a,b,c\r\n"1,2","say ""hi""","two\r\nlines"\r\nx,,\r\n';
    expect(parseCsv(text)).toEqual([
      { fields: ['a', 'b', 'c'], line: 1 },
      { fields: ['1,2', 'say "hi"', 'two\nlines'], line: 2 },
      { fields: ['x', '', ''], line: 4 },
    ]);
  });

  it('takes LF and CR line ends too, skips blank lines, and needs no line end at the end', () => {
    expect(parseCsv('a,b\n\nc,d\re,f').map((r) => [r.fields, r.line])).toEqual([
      [['a', 'b'], 1],
      [['c', 'd'], 3],
      [['e', 'f'], 4],
    ]);
  });

  it('refuses an unclosed quote and text after a closing quote, naming the line', () => {
    expect(() => parseCsv('a,b\n1,"open\n2,3\n')).toThrow(new CsvSyntaxError(2, 'a quoted field (field 2) is never closed'));
    expect(() => parseCsv('a,b\n1,2\n"x"y,3\n')).toThrow(/^line 3: field 1 has text after its closing quote/);
  });

  it('writes fields that need it quoted', () => {
    expect(formatCsvRecord(['plain', 'a,b', 'say "hi"', 'two\nlines', ' padded', 'противник'])).toBe(
      'plain,"a,b","say ""hi""","two\nlines"," padded",противник',
    );
    expect(formatCsvRecord(['a;b', 'c,d'], ';')).toBe('"a;b";c,d');
  });

  it('tells the separator from the header row', () => {
    expect(detectDelimiter('id,source,preferred\n')).toBe(',');
    expect(detectDelimiter('id;source;preferred\n1;a,b;c')).toBe(';');
    expect(detectDelimiter('id\tsource\tpreferred')).toBe('\t');
    expect(detectDelimiter('"a,b";c;d')).toBe(';');
    expect(detectDelimiter('source')).toBe(',');
  });
});

describe('glossary CSV files', () => {
  it('round-trip a glossary through text and through UTF-8 bytes, with and without a byte-order mark', () => {
    const g = trickyGlossary();
    const csv = glossaryToCsv(g);
    expect(csv.startsWith('\uFEFFid,source,forms,stem,preferred,admitted,forbidden,notes\r\n')).toBe(true);
    // CR LF inside a note comes back as LF, as every line end in imported text does.
    const expected = { ...g, entries: g.entries.map((e) => ({ ...e, notes: e.notes.replace(/\r\n/g, '\n') })) };
    expect(glossaryFromCsv('glossary.csv', csv)).toEqual(expected);
    expect(glossaryFromCsv('glossary.csv', glossaryToCsv(g, { bom: false }))).toEqual(expected);
    const bytes = encoder.encode(glossaryToCsv(g));
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const fromBytes = glossaryFromCsv('glossary.csv', bytes);
    expect(fromBytes).toEqual(expected);
    expect(glossaryFromCsv('glossary.csv', encoder.encode(glossaryToCsv(g, { bom: false })))).toEqual(expected);
  });

  it('drops spaces at the ends of a note’s inner lines when read from bytes, as every imported text file', () => {
    const g = { ...sampleGlossary(), entries: [entry({ id: 'x', source: 'противник', notes: 'line one  \nline two ' })] };
    expect(glossaryFromCsv('g.csv', glossaryToCsv(g)).entries[0]!.notes).toBe('line one  \nline two ');
    expect(glossaryFromCsv('g.csv', encoder.encode(glossaryToCsv(g))).entries[0]!.notes).toBe('line one\nline two ');
  });

  it('writes one row per entry with "|" between list items', () => {
    const csv = glossaryToCsv(sampleGlossary(), { bom: false });
    expect(csv.split('\r\n')[1]).toBe('enemy,противник,,,enemy,adversary,opponent,"Military usage; not “opponent” (sport, debate)."');
    expect(csv.split('\r\n')[4]).toBe('cessation,прекращение военных действий,,,cessation of hostilities,,cease-fire|ceasefire,');
    expect(() => glossaryToCsv({ ...sampleGlossary(), entries: [entry({ id: 'x', source: 'x', forms: ['a|b'] })] })).toThrow(/“a\|b” contains “\|”/);
  });

  it('reads a spreadsheet’s file: semicolons, other column names and order, no ids, blank rows', () => {
    const csv = [
      'Term;English;Forbidden renderings;Comments;Forms',
      'противник;enemy;opponent | foe;Военный термин;противника|противнику',
      '"буферная зона; нейтральная";buffer zone;;;',
      ';;;;',
      '',
    ].join('\r\n');
    const g = glossaryFromCsv('Глоссарий.csv', csv);
    expect(g.sourceLanguage).toBe('ru');
    expect(g.entries).toEqual([
      entry({ id: g.entries[0]!.id, source: 'противник', preferred: 'enemy', forbidden: ['opponent', 'foe'], notes: 'Военный термин', forms: ['противника', 'противнику'] }),
      entry({ id: g.entries[1]!.id, source: 'буферная зона; нейтральная', preferred: 'buffer zone' }),
    ]);
    expect(g.entries.map((e) => e.id)).toEqual([expect.stringMatching(/^term-[0-9a-z]+$/), expect.stringMatching(/^term-[0-9a-z]+$/)]);
    // Ids made from the source term are the same on every import.
    expect(glossaryFromCsv('again.csv', csv).entries.map((e) => e.id)).toEqual(g.entries.map((e) => e.id));
  });

  it('brings text to Unicode NFC', () => {
    const decomposed = 'вои\u0306на'; // "й" as "и" and a combining breve
    const g = glossaryFromCsv('g.csv', `source,preferred\n${decomposed},war\n`);
    expect(g.entries[0]!.source).toBe('война');
  });

  it('reads Windows-1251 bytes, as Russian spreadsheet programs save them', () => {
    // "source,preferred\nпротивник,enemy\n" in Windows-1251.
    const cp1251 = new Uint8Array([
      ...encoder.encode('source,preferred\n'),
      0xef, 0xf0, 0xee, 0xf2, 0xe8, 0xe2, 0xed, 0xe8, 0xea,
      ...encoder.encode(',enemy\n'),
    ]);
    expect(glossaryFromCsv('g.csv', cp1251).entries.map((e) => [e.source, e.preferred])).toEqual([['противник', 'enemy']]);
  });

  describe('refuses malformed files, saying where', () => {
    const refusal = (input: string | Uint8Array): string => {
      try {
        glossaryFromCsv('bad.csv', input);
      } catch (error) {
        expect(error).toBeInstanceOf(ImportError);
        return (error as Error).message;
      }
      throw new Error('not refused');
    };

    it('an empty file', () => {
      expect(refusal('')).toMatch(/^“bad\.csv” cannot be imported: it is empty: a glossary CSV file starts with a header row/);
      expect(refusal(new Uint8Array())).toMatch(/empty/);
    });

    it('an unclosed quote', () => {
      expect(refusal('source,preferred\nпротивник,enemy\n"буферная зона,buffer zone\n')).toBe(
        '“bad.csv” cannot be imported: it is not a well-formed CSV file (line 3: a quoted field (field 1) is never closed).',
      );
    });

    it('a row with the wrong number of fields', () => {
      expect(refusal('source,preferred\nпротивник,enemy\nбуферная зона,buffer,zone\n')).toBe(
        '“bad.csv” cannot be imported: line 3 has 3 fields, but the header row has 2.',
      );
    });

    it('an unknown, repeated or missing column', () => {
      expect(refusal('source,english,gender\nа,b,c\n')).toMatch(/column 3 of the header row, “gender”, is not a glossary column; the columns are id, source, forms/);
      expect(refusal('source,term\nа,b\n')).toMatch(/names the source column twice \(columns 1 and 2\)/);
      expect(refusal('id,preferred\nx,enemy\n')).toMatch(/has no source column/);
    });

    it('an entry with a problem, by its line', () => {
      expect(refusal('source,preferred\nпротивник,enemy\n,buffer zone\n')).toMatch(/the entry on line 3 \(“”\) cannot be read: the source term is empty/);
      expect(refusal('id,source\n1st,противник\n')).toMatch(/line 2 \(“противник”\).*the id “1st” is not usable/);
      expect(refusal('source,stem\nпротивник,против*ник\n')).toMatch(/line 2 .*the stem rule “против\*ник”/);
      expect(refusal('source,preferred,forbidden\nпротивник,enemy,Enemy\n')).toMatch(/“Enemy” is both the preferred rendering and a forbidden one/);
    });

    it('a repeated id', () => {
      expect(refusal('id,source\nenemy,противник\nzone,зона\nenemy,враг\n')).toBe(
        '“bad.csv” cannot be imported: the entry on line 4 (“враг”) has the id “enemy”, which the entry on line 2 has too.',
      );
    });

    it('a binary file', () => {
      expect(refusal(new Uint8Array([0x50, 0x4b, 0x03, 0x04, 0, 0, 0]))).toMatch(/ZIP archive/);
    });
  });
});
