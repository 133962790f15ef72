import { describe, expect, it } from 'vitest';
import { glossaryFromCsv, glossaryToCsv } from '../../shared/glossary';
import { entry, sampleGlossary } from '../../shared/glossary/test-fixtures';
import type { Glossary } from '../../shared/glossary/types';
import {
  alreadyPresent,
  draftOf,
  draftProblems,
  EMPTY_DRAFT,
  entryOf,
  glossaryFileKind,
  hasProblems,
  isBlankDraft,
  matchesFilter,
  mergeGlossaries,
  termKey,
} from './glossary-edit';
import { readGlossaryFile } from './glossary-files';

const glossary = (...entries: Glossary['entries']): Glossary => ({ sourceLanguage: 'ru', targetLanguage: 'en', entries });

describe('drafts', () => {
  it('turn typed text into an entry: trimmed, lists split at “;”, empty items dropped', () => {
    const e = entryOf(
      { source: ' военная разгранлиния ', forms: 'разгранлиния;  разгранлинии ;', stem: ' военн* разгранлини* ', preferred: ' military demarcation line', admitted: '', forbidden: 'line of contact', notes: 'Used in the\nagenda. ' },
      'demarcation',
    );
    expect(e).toEqual({
      id: 'demarcation',
      source: 'военная разгранлиния',
      forms: ['разгранлиния', 'разгранлинии'],
      stem: 'военн* разгранлини*',
      preferred: 'military demarcation line',
      admitted: [],
      forbidden: ['line of contact'],
      notes: 'Used in the\nagenda.',
    });
  });

  it('come back from an entry unchanged', () => {
    for (const e of sampleGlossary().entries) expect(entryOf(draftOf(e), e.id)).toEqual(e);
  });

  it('know when nothing was typed', () => {
    expect(isBlankDraft(EMPTY_DRAFT)).toBe(true);
    expect(isBlankDraft({ ...EMPTY_DRAFT, notes: ' ' })).toBe(true);
    expect(isBlankDraft({ ...EMPTY_DRAFT, preferred: 'x' })).toBe(false);
  });
});

describe('problems by field', () => {
  const others = sampleGlossary().entries;

  it('put a rendering both preferred and forbidden beside the forbidden field', () => {
    const problems = draftProblems(entry({ id: 'ceasefire', source: 'перемирие', preferred: 'armistice', forbidden: ['Armistice'] }), others);
    expect(problems.forbidden).toEqual(['“Armistice” is both the preferred rendering and a forbidden one']);
    expect(problems.source).toBeUndefined();
    expect(hasProblems(problems)).toBe(true);
  });

  it('say once that the source term is empty', () => {
    expect(draftProblems(entry({ id: 'x', source: '', preferred: 'x' }), others).source).toEqual(['The source term is empty']);
  });

  it('place a malformed stem rule, a “|” in a form and an admitted rendering also forbidden', () => {
    const problems = draftProblems(entry({ id: 'x', source: 'зона', stem: 'зон**', forms: ['a|b'], admitted: ['zone'], forbidden: ['zone'] }), others);
    expect(problems.stem?.[0]).toMatch(/^The stem rule “зон\*\*”/);
    expect(problems.forms?.[0]).toMatch(/contains “\|”/);
    expect(problems.forbidden).toEqual(['“zone” is both an admitted rendering and a forbidden one']);
  });

  it('refuse a source term another entry has (case, “ё” and spaces aside), but not the entry itself', () => {
    const duplicate = draftProblems(entry({ id: 'new', source: 'Буферная  зона', preferred: 'buffer zone' }), others);
    expect(duplicate.source).toEqual(['“Буферная  зона” is already in the glossary; change that entry instead']);
    expect(hasProblems(draftProblems(others[1]!, others))).toBe(false);
  });

  it('find nothing wrong with the three example entries', () => {
    for (const e of [
      entry({ id: 'a', source: 'военная разгранлиния', preferred: 'military demarcation line' }),
      entry({ id: 'b', source: 'буферная зона', preferred: 'buffer zone' }),
      entry({ id: 'c', source: 'прекращение военных действий', preferred: 'cessation of hostilities' }),
    ]) {
      expect(hasProblems(draftProblems(e, []))).toBe(false);
    }
  });
});

describe('the filter', () => {
  const [enemy] = sampleGlossary().entries;
  it('looks in every field, ignoring case and “ё”', () => {
    expect(matchesFilter(enemy!, '')).toBe(true);
    expect(matchesFilter(enemy!, 'ПРОТИВ')).toBe(true);
    expect(matchesFilter(enemy!, 'adversary')).toBe(true);
    expect(matchesFilter(enemy!, 'opponent')).toBe(true);
    expect(matchesFilter(enemy!, 'military usage')).toBe(true);
    expect(matchesFilter(enemy!, 'zone')).toBe(false);
    expect(termKey('Ёлка  Зелёная')).toBe('елка зеленая');
  });
});

describe('merging an imported glossary', () => {
  const existing = glossary(
    entry({ id: 'enemy', source: 'противник', preferred: 'enemy' }),
    entry({ id: 'buffer-zone', source: 'буферная зона', preferred: 'buffer zone' }),
  );

  it('replaces the whole glossary when asked', () => {
    const imported = glossary(entry({ id: 'x', source: 'перемирие', preferred: 'armistice' }));
    expect(mergeGlossaries(existing, imported, 'replace')).toEqual({ glossary: imported, added: 1, updated: 0, renamed: 0 });
  });

  it('adds new terms after the library’s, and updates those it has, keeping their ids and places', () => {
    const imported = glossary(
      entry({ id: 'term-1', source: 'Буферная зона', preferred: 'buffer zone', notes: 'From the file.' }),
      entry({ id: 'armistice', source: 'перемирие', preferred: 'armistice' }),
    );
    const result = mergeGlossaries(existing, imported, 'add');
    expect(result).toMatchObject({ added: 1, updated: 1, renamed: 0 });
    expect(result.glossary.entries.map((e) => [e.id, e.source, e.notes])).toEqual([
      ['enemy', 'противник', ''],
      ['buffer-zone', 'Буферная зона', 'From the file.'],
      ['armistice', 'перемирие', ''],
    ]);
  });

  it('gives an imported term whose id is taken by another term a new id, and keeps ids unique', () => {
    const imported = glossary(
      entry({ id: 'enemy', source: 'перемирие', preferred: 'armistice' }),
      entry({ id: 'enemy-2', source: 'агрессор', preferred: 'aggressor' }),
      entry({ id: 'truce', source: 'перемирие', preferred: 'truce' }),
    );
    const result = mergeGlossaries(existing, imported, 'add');
    expect(result).toMatchObject({ added: 2, updated: 1, renamed: 1 });
    const ids = result.glossary.entries.map((e) => e.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids.slice(0, 2)).toEqual(['enemy', 'buffer-zone']);
    expect(ids[2]).toMatch(/^term-/);
    // The second "перемирие" of the file updates the first one added.
    expect(result.glossary.entries[2]!.preferred).toBe('truce');
    expect(result.glossary.entries.find((e) => e.source === 'агрессор')!.id).toBe('enemy-2');
  });

  it('keeps the library’s languages when adding', () => {
    const imported = { ...glossary(entry({ id: 'a', source: 'зона' })), sourceLanguage: 'uk' };
    expect(mergeGlossaries(existing, imported, 'add').glossary.sourceLanguage).toBe('ru');
  });

  it('counts the terms already present, for the preview', () => {
    expect(alreadyPresent(existing, glossary(entry({ id: 'a', source: 'ПРОТИВНИК' }), entry({ id: 'b', source: 'зона' })))).toBe(1);
  });
});

describe('reading a chosen file', () => {
  const csv = new TextEncoder().encode(glossaryToCsv(sampleGlossary()));
  const languages = { sourceLanguage: 'ru', targetLanguage: 'en' };

  it('tells CSV from TBX by the name, else by the first character', () => {
    expect(glossaryFileKind('terms.CSV', csv)).toBe('csv');
    expect(glossaryFileKind('terms.tsv', csv)).toBe('csv');
    expect(glossaryFileKind('terms.tbx', csv)).toBe('tbx');
    expect(glossaryFileKind('terms.xml', csv)).toBe('tbx');
    expect(glossaryFileKind('terms', new TextEncoder().encode('\ufeff  <?xml version="1.0"?><tbx/>'))).toBe('tbx');
    expect(glossaryFileKind('terms', csv)).toBe('csv');
  });

  it('reads a good CSV file', () => {
    const read = readGlossaryFile({ name: 'terms.csv', size: csv.byteLength, limit: 1e6, bytes: csv }, languages);
    expect(read).toMatchObject({ ok: true, name: 'terms.csv' });
    if (read.ok) expect(read.glossary).toEqual(glossaryFromCsv('x', csv));
  });

  it('explains a broken file, a file of no entries and a file too large, without throwing', () => {
    const broken = new TextEncoder().encode('source,preferred\n"военная разгранлиния,military demarcation line\n');
    const bad = readGlossaryFile({ name: 'broken.csv', size: broken.byteLength, limit: 1e6, bytes: broken }, languages);
    expect(bad.ok).toBe(false);
    if (!bad.ok) expect(bad.message).toMatch(/^“broken\.csv” cannot be imported: /);

    const empty = new TextEncoder().encode('source,preferred\n');
    const none = readGlossaryFile({ name: 'empty.csv', size: empty.byteLength, limit: 1e6, bytes: empty }, languages);
    expect(none).toEqual({ ok: false, message: '“empty.csv” holds no glossary entries: nothing to import.' });

    const tbx = new TextEncoder().encode('<html><body>not a glossary</body></html>');
    const notTbx = readGlossaryFile({ name: 'page.xml', size: tbx.byteLength, limit: 1e6, bytes: tbx }, languages);
    expect(notTbx.ok).toBe(false);
    if (!notTbx.ok) expect(notTbx.message).toMatch(/not a TBX file/);

    const large = readGlossaryFile({ name: 'huge.csv', size: 30 * 1024 * 1024, limit: 20 * 1024 * 1024, bytes: null }, languages);
    expect(large).toEqual({ ok: false, message: '“huge.csv” cannot be imported: it is 30 MB, larger than the limit of 20 MB.' });
  });
});
