import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseWilsonCenterText } from '../importers/wilson-center';
import { transcriptionFromSheets } from '../transcription/schema';
import { segmentTranscription, transcriptionParagraphs } from '../translation/segment';
import { findTerms } from './match';
import { entry, sampleGlossary } from './test-fixtures';
import type { Glossary, GlossaryEntry } from './types';
import { russianStem } from './words';

const source = readFileSync(new URL('../../assets/sample/mao-to-filippov-1951-07-20.txt', import.meta.url), 'utf8');
const doc = transcriptionFromSheets(parseWilsonCenterText(source).sheets);
const TEXT = transcriptionParagraphs(doc).text;
const GLOSSARY = sampleGlossary();

const glossaryOf = (...entries: GlossaryEntry[]): Glossary => ({ sourceLanguage: 'ru', targetLanguage: 'en', entries });
const found = (text: string, glossary: Glossary = GLOSSARY): string[] => findTerms(text, glossary).map((m) => m.text);
const countIn = (text: string, id: string, glossary: Glossary = GLOSSARY): number => findTerms(text, glossary).filter((m) => m.entryId === id).length;

describe('the Russian stemmer', () => {
  it('gives the forms of a word one stem', () => {
    const forms = ['противник', 'противника', 'противнику', 'противником', 'противнике', 'противники', 'противников', 'противникам', 'противниками', 'противниках'];
    expect(new Set(forms.map(russianStem))).toEqual(new Set(['противник']));
    expect(new Set(['военная', 'военной', 'военную', 'военных', 'военными'].map(russianStem))).toEqual(new Set(['воен']));
    expect(new Set(['ПРОТИВНИКА', 'Противнику'].map(russianStem))).toEqual(new Set(['противник']));
    expect(russianStem('MOUSE-ON')).toBe('mouse-on');
  });
});

describe('finding terms across inflection', () => {
  it('finds a noun in every case and number from its dictionary form', () => {
    const text = 'противник, противника, противнику, противником, о противнике; противники, противников, противникам, противниками, о противниках';
    expect(found(text)).toEqual(text.split(/[,;] (?:о )?/));
    expect(findTerms(text, GLOSSARY).every((m) => m.entryId === 'enemy')).toBe(true);
  });

  it('finds multi-word terms in other cases: “военная разгранлиния”, “буферная зона”, “прекращение военных действий”', () => {
    expect(found('определить положение военной разгранлинии')).toEqual(['военной разгранлинии']);
    expect(found('определить военную разгранлинию обеих сторон')).toEqual(['военную разгранлинию']);
    expect(found('в целях создания буферной зоны')).toEqual(['буферной зоны']);
    expect(found('в буферных зонах')).toEqual(['буферных зонах']);
    expect(found('до прекращения военных действий')).toEqual(['прекращения военных действий']);
    expect(found('о прекращении военных действий')).toEqual(['прекращении военных действий']);
    expect(found('с прекращением военных действий')).toEqual(['прекращением военных действий']);
  });

  it('marks how each match was found', () => {
    const matches = findTerms('противник и противника, разгранлиния', GLOSSARY);
    expect(matches.map((m) => [m.text, m.via])).toEqual([
      ['противник', 'form'],
      ['противника', 'stem'],
      ['разгранлиния', 'form'],
    ]);
  });

  it('ignores case and “ё”', () => {
    expect(found('ПРОТИВНИКА и Буферной Зоны')).toEqual(['ПРОТИВНИКА', 'Буферной Зоны']);
    const g = glossaryOf(entry({ id: 'e', source: 'ещё' }));
    expect(found('еще раз и ЕЩЁ раз', g)).toEqual(['еще', 'ЕЩЁ']);
  });

  it('does not match across punctuation, nor inside longer words, nor related words with other stems', () => {
    expect(found('военной, разгранлинии')).toEqual(['разгранлинии']);
    expect(found('противный довод')).toEqual([]);
    expect(found('противникова')).toEqual([]);
    const peace = glossaryOf(entry({ id: 'peace', source: 'мир' }));
    expect(found('мира, миру, миром, мирные переговоры, Мировой', peace)).toEqual(['мира', 'миру', 'миром']);
  });

  it('allows a line break between the words of a term', () => {
    expect(found('военной\nразгранлинии')).toEqual(['военной\nразгранлинии']);
  });

  it('keeps only the listed forms with the stem rule “none”', () => {
    expect(found('товарищ Ким Ир Сен, товарищу Ким Ир Сену, Ким Ир Сеном')).toEqual(['Ким Ир Сен', 'Ким Ир Сену']);
    expect(found('в ООН и ООН-овских кругах')).toEqual(['ООН']);
  });

  it('follows a stem pattern written out', () => {
    const g = glossaryOf(entry({ id: 'line', source: 'военная разгранлиния', stem: 'военн* разгранлини*' }));
    expect(findTerms('военной разгранлинии и военную разгранлинию', g).map((m) => [m.text, m.via])).toEqual([
      ['военной разгранлинии', 'pattern'],
      ['военную разгранлинию', 'pattern'],
    ]);
    // At most four letters stand for "*".
    expect(found('военнообязанных разгранлиниями', g)).toEqual([]);
    expect(() => findTerms('x', glossaryOf(entry({ id: 'bad', source: 'x', stem: 'во*нн' })))).toThrow(/Glossary entry “x” \(bad\): the stem rule/);
  });

  it('matches terms with punctuation of their own literally', () => {
    expect(findTerms('в IV часть ОС ВКП(б)', GLOSSARY).map((m) => [m.entryId, m.text])).toEqual([['vkpb', 'ВКП(б)']]);
    expect(found('ВКП (б)')).toEqual([]);
  });

  it('keeps the longest of overlapping matches, or all of them when asked', () => {
    const g = glossaryOf(
      entry({ id: 'hostilities', source: 'военные действия' }),
      entry({ id: 'cessation', source: 'прекращение военных действий' }),
    );
    expect(findTerms('о прекращении военных действий и военных действиях', g).map((m) => [m.entryId, m.text])).toEqual([
      ['cessation', 'прекращении военных действий'],
      ['hostilities', 'военных действиях'],
    ]);
    expect(findTerms('о прекращении военных действий', g, { all: true }).map((m) => [m.entryId, m.text])).toEqual([
      ['cessation', 'прекращении военных действий'],
      ['hostilities', 'военных действий'],
    ]);
  });

  it('returns offsets into the text searched', () => {
    const text = 'Хотя наши представители многократно опровергали этот довод противника.';
    const [m] = findTerms(text, GLOSSARY);
    expect(m).toEqual({ entryId: 'enemy', start: 59, end: 69, text: 'противника', via: 'stem' });
    expect(text.slice(m!.start, m!.end)).toBe('противника');
  });

  it('finds nothing with an empty glossary, and no stems for a glossary in another language', () => {
    expect(findTerms(TEXT, glossaryOf())).toEqual([]);
    const german = { ...glossaryOf(entry({ id: 'e', source: 'противник' })), sourceLanguage: 'de' };
    expect(found('противник, противника', german)).toEqual(['противник']);
  });
});

describe('the sample telegram', () => {
  it('names the enemy 16 times: “противник” 8 times, “противника” 7, “противнику” once', () => {
    const matches = findTerms(TEXT, GLOSSARY).filter((m) => m.entryId === 'enemy');
    expect(matches).toHaveLength(16);
    const byForm = new Map<string, number>();
    for (const m of matches) byForm.set(m.text, (byForm.get(m.text) ?? 0) + 1);
    expect(Object.fromEntries(byForm)).toEqual({ противник: 8, противника: 7, противнику: 1 });
  });

  it('has each other term as often as it occurs', () => {
    expect(countIn(TEXT, 'cessation')).toBe(11);
    expect(countIn(TEXT, 'buffer-zone')).toBe(1);
    expect(countIn(TEXT, 'demarcation-line')).toBe(1);
    expect(countIn(TEXT, 'withdrawal')).toBe(7); // and "о выводе всех иностранных войск", "о выводе по частям иностранных войск" are not the term
    expect(countIn(TEXT, 'parallel-38')).toBe(4);
    expect(countIn(TEXT, 'un')).toBe(1);
    expect(countIn(TEXT, 'kim')).toBe(1);
    expect(countIn(TEXT, 'vkpb')).toBe(1);
  });

  it('finds the same terms segment by segment as in the whole text', () => {
    const bySegment = segmentTranscription(doc).flatMap((s) => findTerms(s.text, GLOSSARY).map((m) => [m.entryId, s.start + m.start, s.start + m.end]));
    expect(bySegment).toEqual(findTerms(TEXT, GLOSSARY).map((m) => [m.entryId, m.start, m.end]));
  });
});
