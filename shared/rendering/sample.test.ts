/**
 * The exporters on the bundled telegram: a few sentences translated, one commentary note.
 */
import { readFileSync } from 'node:fs';
import { DOMParser } from '@xmldom/xmldom';
import { strFromU8, unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { TextIndex } from '../anchoring/text-index';
import { parseWilsonCenterText } from '../importers/wilson-center';
import { transcriptionFromSheets } from '../transcription/schema';
import { renderingToDocx } from './docx';
import { renderingFromAnnotations } from './from-annotations';
import { renderingToHtml } from './html';
import { renderingToMarkdown } from './markdown';
import { body, EDITOR, onWords, richBody, runText, sentenceSegments, text } from './test-fixtures';

const source = readFileSync(new URL('../../assets/sample/mao-to-filippov-1951-07-20.txt', import.meta.url), 'utf8');
const parsed = parseWilsonCenterText(source);
const doc = transcriptionFromSheets(parsed.sheets);
const plain = TextIndex.fromDoc(doc).text;
const sheetStarts: number[] = [];
{
  let offset = 0;
  for (const sheet of parsed.sheets) {
    sheetStarts.push(offset);
    offset += sheet.paragraphs.join('\n').length + 1;
  }
}
const segments = sentenceSegments(plain, (offset) => sheetStarts.filter((s) => s <= offset).length - 1);

function segmentStarting(words: string) {
  const found = segments.find((s) => s.text.startsWith(words));
  if (!found) throw new Error(`No segment starts with “${words}”`);
  return found;
}

const ENGLISH = [
  'In the course of five sessions since the talks on ending military operations in Korea resumed, our representatives and the enemy’s have agreed on three points of the agenda:',
  'The so-called peace talks are an empty phrase.',
  'With Bolshevik greetings!',
] as const;

const translated = [
  segmentStarting('В течение пяти заседаний'),
  segmentStarting('Так называемые мирные переговоры'),
  segmentStarting('С большевистскими приветом'),
];
const parallel = plain.indexOf('38 параллели');
const annotations = [
  onWords(plain, 'translation', translated[0]!.start, translated[0]!.end, body(ENGLISH[0])),
  onWords(plain, 'translation', translated[1]!.start, translated[1]!.end, richBody(text('The so-called '), text('peace talks', 'em'), text(' are an empty phrase.'))),
  onWords(plain, 'translation', translated[2]!.start, translated[2]!.end, body(ENGLISH[2])),
  onWords(plain, 'commentary', parallel, parallel + '38 параллели'.length, body('The 38th parallel, the line that divided Korea before the war.'), { creator: EDITOR }),
];
const rendering = renderingFromAnnotations(doc, parsed.metadata, annotations, segments, { commentaryFootnotes: true });
const MARKERS = ['Sheet 1', 'Sheet 2', 'Sheet 3 (numbered “8”)', 'Sheet 4 (numbered “1”)'];

/** Whether the strings occur in the text in this order. */
function inOrder(haystack: string, needles: readonly string[]): boolean {
  let at = 0;
  for (const needle of needles) {
    const found = haystack.indexOf(needle, at);
    if (found < 0) return false;
    at = found + needle.length;
  }
  return true;
}

describe('the English rendering of the bundled telegram', () => {
  it('has every sheet, three translated segments and the note', () => {
    expect(parsed.sheets.length).toBe(4);
    expect(rendering.sheets.map((s) => s.label)).toEqual(['Sheet 1', 'Sheet 2', 'Sheet 3', 'Sheet 4']);
    const all = rendering.sheets.flatMap((s) => s.paragraphs.flatMap((p) => p.segments));
    expect(all.filter((s) => s.status === 'translated').map((s) => s.id)).toEqual(translated.map((s) => s.id));
    expect(all.filter((s) => s.status === 'untranslated').length).toBe(all.length - 3);
    // Every word of the transcription is in some segment.
    expect(all.map((s) => s.source).join(' ').replace(/\s+/g, '')).toBe(plain.replace(/\s+/g, ''));
    expect(rendering.footnotes).toHaveLength(1);
    expect(rendering.translators).toEqual(['Anna Petrova']);
  });

  it('as Markdown', () => {
    const md = renderingToMarkdown(rendering);
    expect(md).toMatch(/^# Ciphered Telegram from Mao Zedong to Filippov \\\[Stalin\\\]\n/);
    expect(md).toContain('- **Date:** July 20, 1951\n');
    expect(md).toContain('- **Original language:** Russian\n');
    expect(md).toContain(
      '- **Citation:** "Ciphered Telegram from Mao Zedong to Filippov \\[Stalin\\]", July 20, 1951, Wilson Center Digital Archive, CWHIP archive. <https://wilson-center.drivingcreative.com/document/119538>\n',
    );
    expect(md).toContain('\n*Translated by Anna Petrova.*\n');
    expect(md).toContain(`*Draft: 3 of ${segments.length} passages translated;`);
    expect(inOrder(md, MARKERS.map((m) => `\n— ${m} —\n`))).toBe(true);
    expect(inOrder(md, [ENGLISH[0], 'The so-called *peace talks* are an empty phrase.', ENGLISH[2]])).toBe(true);
    expect(md).toContain('\n\\[untranslated: ШИФРТЕЛЕГРАММА № 22054\\]\n');
    // The note's mark follows the sentence with "38 параллели", and the note is at the end.
    expect(md).toContain('\\[untranslated: Ранее, в целях восстановления отдельно Северной и Южной Кореи, мы предлагали и соглашались с прекращением военных действий на 38 параллели.\\][^1] ');
    expect(md).toMatch(/\n\[\^1\]: The 38th parallel, the line that divided Korea before the war\. — Ben Okafor\n$/);
  });

  it('as HTML', () => {
    const html = renderingToHtml(rendering);
    const errors: string[] = [];
    const dom = new DOMParser({ onError: (level, message) => level !== 'warning' && errors.push(message) }).parseFromString(html, 'application/xhtml+xml');
    expect(errors).toEqual([]);
    const textOf = (tag: string) => Array.from(dom.getElementsByTagName(tag)).map((e) => e.textContent ?? '');
    expect(textOf('h1')).toEqual(['Ciphered Telegram from Mao Zedong to Filippov [Stalin]']);
    expect(textOf('p').filter((t) => t.startsWith('— Sheet'))).toEqual(MARKERS.map((m) => `— ${m} —`));
    const article = dom.getElementsByTagName('article')[0]!.textContent ?? '';
    expect(inOrder(article, [...ENGLISH])).toBe(true);
    expect(article).toContain('[untranslated: ШИФРТЕЛЕГРАММА № 22054]');
    expect(textOf('li')).toEqual(['The 38th parallel, the line that divided Korea before the war. — Ben Okafor ↩']);
    expect(dom.getElementsByTagName('section').length).toBe(5);
  });

  it('as DOCX', async () => {
    const files = unzipSync(await renderingToDocx(rendering));
    const documentText = runText(strFromU8(files['word/document.xml']!));
    expect(documentText).toContain('Ciphered Telegram from Mao Zedong to Filippov [Stalin]\n');
    expect(documentText).toContain('Citation: "Ciphered Telegram from Mao Zedong to Filippov [Stalin]", July 20, 1951');
    expect(documentText).toContain('Translated by Anna Petrova.');
    expect(inOrder(documentText, MARKERS.map((m) => `— ${m} —`))).toBe(true);
    expect(inOrder(documentText, [...ENGLISH])).toBe(true);
    expect(inOrder(documentText, ['— Sheet 1 —', ENGLISH[0], '— Sheet 2 —', ENGLISH[1], '— Sheet 4 (numbered “1”) —', ENGLISH[2]])).toBe(true);
    expect(documentText).toContain('[untranslated: ШИФРТЕЛЕГРАММА № 22054]');
    expect(strFromU8(files['word/document.xml']!)).toContain('<w:footnoteReference w:id="1"/>');
    expect(runText(strFromU8(files['word/footnotes.xml']!))).toContain('The 38th parallel, the line that divided Korea before the war. — Ben Okafor');
  });
});
