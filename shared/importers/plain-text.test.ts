import { describe, expect, it } from 'vitest';
import { emptyMetadata } from '../document-metadata';
import { parsePlainTextDocument, titleFromFileName } from './plain-text';

describe('parsePlainTextDocument, Markdown', () => {
  it('takes the title from the first ATX heading and keeps the rest as text, unrendered', () => {
    const parsed = parsePlainTextDocument('notes.md', '# Kim to *Stalin* #\n\nFirst **paragraph**.\n\n## Part two\n\nMore.', 'markdown');
    expect(parsed.metadata.title).toBe('Kim to *Stalin*');
    expect(parsed.sheets).toHaveLength(1);
    expect(parsed.sheets[0]!.paragraphs).toEqual(['First **paragraph**.', '## Part two', 'More.']);
  });

  it('reads a setext heading, and keeps text that comes before the heading', () => {
    const parsed = parsePlainTextDocument('a.md', 'Preface line.\n\nThe Title\n=========\n\nBody.', 'markdown');
    expect(parsed.metadata.title).toBe('The Title');
    expect(parsed.sheets[0]!.paragraphs).toEqual(['Preface line.', 'Body.']);
  });

  it('does not take a heading from inside a code block, and falls back to the file name', () => {
    const parsed = parsePlainTextDocument('dir/report_1950.md', '```\n# not a heading\n```\n\nText.', 'markdown');
    expect(parsed.metadata.title).toBe('report 1950');
    expect(parsed.sheets[0]!.paragraphs).toEqual(['```\n# not a heading\n```', 'Text.']);
  });

  it('does not read a thematic break under nothing as a heading', () => {
    const parsed = parsePlainTextDocument('x.md', '---\n\nText.', 'markdown');
    expect(parsed.metadata.title).toBe('x');
    expect(parsed.sheets[0]!.paragraphs).toEqual(['---', 'Text.']);
  });
});

describe('parsePlainTextDocument, plain text', () => {
  it('takes the title from the file name, keeps a "#" line as text, and leaves the metadata empty', () => {
    const parsed = parsePlainTextDocument('kim-to-stalin_1950.txt', '# Not a title in plain text\n\nText.', 'plain-text');
    expect(parsed.metadata).toEqual(emptyMetadata('kim to stalin 1950'));
    expect(parsed.sheets[0]!.paragraphs).toEqual(['# Not a title in plain text', 'Text.']);
  });

  it('splits sheets at page markers', () => {
    const parsed = parsePlainTextDocument('t.txt', 'One.\n\nPage 2\n\nTwo.\fThree.', 'plain-text');
    expect(parsed.sheets.map((s) => s.paragraphs)).toEqual([['One.'], ['Page 2', 'Two.'], ['Three.']]);
  });

  it.each([
    ['Товарищу Сталину. Сообщаю следующее.', 'Russian', 'ru'],
    ['菲利波夫同志：来电收到，同意你的意见。', 'Chinese', 'zh'],
    ['각 도 인민위원회 위원장 앞. 보고를 요청합니다.', 'Korean', 'ko'],
    ['The ambassador reported on the talks.', '', ''],
  ])('guesses the language of %j from its script', (text, name, code) => {
    const { metadata } = parsePlainTextDocument('t.txt', text, 'plain-text');
    expect([metadata.textLanguage, metadata.languageCode]).toEqual([name, code]);
  });
});

describe('titleFromFileName', () => {
  it.each([
    ['kim-to-stalin_1950.txt', 'kim to stalin 1950'],
    ['mao-to-filippov-1951-07-20.txt', 'mao to filippov 1951-07-20'],
    ['Kim Il-sung letter.txt', 'Kim Il-sung letter'],
    ['C:\\docs\\telegram.md', 'telegram'],
    ['/home/u/archive.tar.txt', 'archive.tar'],
    ['README', 'README'],
    ['.txt', '.txt'],
    ['___.txt', 'Untitled document'],
  ])('%j → %j', (fileName, title) => expect(titleFromFileName(fileName)).toBe(title));
});
