import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { emptyMetadata, type DocumentMetadata, type ParsedDocument } from '../document-metadata';
import { looksLikeWilsonCenterPage, parseWilsonCenterText } from './wilson-center';

const seed = readFileSync(new URL('../../assets/sample/mao-to-filippov-1951-07-20.txt', import.meta.url), 'utf8');

function fixture(name: string): string {
  return readFileSync(new URL(`./fixtures/${name}`, import.meta.url), 'utf8');
}

/** Every field, so that a test states what each one holds (and that the rest stay empty). */
function expectMetadata(parsed: ParsedDocument, expected: Partial<DocumentMetadata>): void {
  expect(parsed.metadata).toEqual({ ...emptyMetadata(), ...expected });
}

/**
 * Every non-empty line of the input is somewhere in the parse: in the title, a metadata field
 * or the transcription. `structural` lists the lines that are structure and may be consumed:
 * labels (a line "Label: value" needs only its value found) and the link labels above the text.
 */
function expectNoLineLost(input: string, parsed: ParsedDocument, structural: readonly string[]): void {
  const haystack = [
    ...Object.values(parsed.metadata),
    ...parsed.sheets.flatMap((s) => s.paragraphs),
  ].join('\n');
  const lost: string[] = [];
  for (const raw of input.split('\n')) {
    const line = raw.trim();
    if (line === '' || structural.includes(line)) continue;
    const label = structural.find((l) => line.toLowerCase().startsWith(`${l.replace(/:$/, '').toLowerCase()}:`));
    const value = label ? line.slice(line.indexOf(':') + 1) : line;
    const pieces = value.split(/<(https?:[^>]+)>/).map((p) => p.trim()).filter((p) => p !== '');
    if (!pieces.every((piece) => haystack.includes(piece))) lost.push(line);
  }
  expect(lost).toEqual([]);
}

function transcriptionLines(parsed: ParsedDocument): string[] {
  return parsed.sheets.flatMap((s) => s.paragraphs.flatMap((p) => p.split('\n')));
}

describe('parseWilsonCenterText on the bundled telegram', () => {
  const parsed = parseWilsonCenterText(seed);

  it('reads the metadata block', () => {
    const m = parsed.metadata;
    expect(m.title).toBe('Ciphered Telegram from Mao Zedong to Filippov [Stalin]');
    expect(m.dateIso).toBe('1951-07-20');
    expect(m.dateAsWritten).toBe('July 20, 1951');
    expect(m.citation).toBe(
      '"Ciphered Telegram from Mao Zedong to Filippov [Stalin]", July 20, 1951, Wilson Center Digital Archive, CWHIP archive.',
    );
    expect(m.sourceUrl).toBe('https://wilson-center.drivingcreative.com/document/119538');
    expect(m.summary).toMatch(/^Telegram from Mao to Stalin discussing the points of agreement/);
    expect(m.credits).toBe('This document was made possible with support from Leon Levy Foundation');
    expect(m.originalLanguage).toBe('Russian');
    expect(m.languageCode).toBe('ru');
  });

  it('splits the transcription into its four sheets at the continuation headers', () => {
    expect(parsed.sheets.map((s) => s.label)).toEqual(['Sheet 1', 'Sheet 2', 'Sheet 3', 'Sheet 4']);
    expect(parsed.sheets[0]!.paragraphs[0]).toBe('№143, I 245');
    expect(parsed.sheets[0]!.paragraphs.at(-2)).toBe('(см. сл. лист)');
    expect(parsed.sheets[0]!.paragraphs.at(-1)).toBe('ИТ МВО 195-1');
    for (const sheet of parsed.sheets.slice(1)) {
      expect(sheet.paragraphs[0]).toBe('Продолжение шифртелеграммы № 22054');
    }
    expect(parsed.sheets[3]!.paragraphs.at(-1)).toBe('/Мокров/');
  });

  it('keeps garbled sheet numbers as written without reordering the sheets', () => {
    expect(parsed.sheets.map((s) => s.numberAsWritten)).toEqual(['', '2', '8', '1']);
  });

  it('keeps the sentence that runs across the sheet break on both sheets', () => {
    expect(parsed.sheets[1]!.paragraphs.at(-1)).toMatch(/нам будет трудно увеличить оборонное строительство\. Если$/);
    expect(parsed.sheets[2]!.paragraphs[3]).toMatch(/^затянуть время, например, на 6-8 месяцев/);
  });

  it('loses no line of the transcription', () => {
    const contents = seed.slice(seed.indexOf('Original Scan') + 'Original Scan'.length);
    const expected = contents.split('\n').map((l) => l.trim()).filter((l) => l !== '');
    const actual = parsed.sheets.flatMap((s) => s.paragraphs.flatMap((p) => p.split('\n'))).map((l) => l.trim());
    expect(actual).toEqual(expected);
  });

  it('keeps the table rows of the address block as lines of one paragraph', () => {
    const table = parsed.sheets[0]!.paragraphs.find((p) => p.startsWith('1\tтов. Сталину'));
    expect(table?.split('\n')).toHaveLength(6);
  });
});

describe('parseWilsonCenterText on a Chinese original published as an English translation', () => {
  const source = fixture('chinese-original-english-translation.txt');
  const parsed = parseWilsonCenterText(source);

  it('reads every field, the text as an English translation of a Chinese original', () => {
    expectMetadata(parsed, {
      title: 'Telegram from the Foreign Ministry to the Embassy in Pyongyang on the Reception of Wounded Soldiers',
      dateIso: '1950-10-14',
      dateAsWritten: 'October 14, 1950',
      citation:
        '"Telegram from the Foreign Ministry to the Embassy in Pyongyang on the Reception of Wounded Soldiers", October 14, 1950, Wilson Center Digital Archive (test fixture).',
      sourceUrl: 'https://digitalarchive.example.org/document/900001',
      summary:
        'The Ministry instructs the embassy to agree with the Korean side on the reception of wounded soldiers at the river crossings and to report every week.',
      credits: "Written for Marginalia's parser tests; not an archival document.",
      originalLanguage: 'Chinese',
      textLanguage: 'English',
      languageCode: 'en',
      textKind: 'translation',
    });
  });

  it('splits the translation at "Page 2" and keeps its text, without the link label', () => {
    expect(parsed.sheets.map((s) => s.paragraphs.length)).toEqual([3, 3]);
    expect(parsed.sheets[0]!.paragraphs[0]).toBe('To the Embassy in Pyongyang:');
    expect(parsed.sheets[1]!.paragraphs[0]).toBe('Page 2');
    expect(parsed.sheets[1]!.numberAsWritten).toBe('2');
    expect(parsed.sheets[1]!.paragraphs.at(-1)).toBe('Foreign Ministry\n14 October');
  });

  it('loses no line', () => {
    expectNoLineLost(source, parsed, ['Citation:', 'Summary:', 'Credits:', 'Original Language:', 'Contents:', 'English Translation']);
  });
});

describe('parseWilsonCenterText on a Korean document with a Document Information block', () => {
  const source = fixture('korean-document-information.txt');
  const parsed = parseWilsonCenterText(source);

  it('reads the heading, the fields before the text and the block after it', () => {
    expectMetadata(parsed, {
      title: "Letter from the Ministry of Culture to the Provincial People's Committees",
      dateIso: '1950-08-15',
      dateAsWritten: '1950년 8월 15일',
      summary:
        'The Ministry asks the provincial committees to report every week on the food, housing, schools and hospitals of the people who have returned to the front-line districts.',
      authors: 'Ministry of Culture (test fixture)\nSecond Department',
      archiveReference: "Invented for Marginalia's parser tests; no archive holds it.",
      rights: 'The author of the test grants permission to reuse this text.',
      originalUploadedDate: '2024-01-15',
      documentType: 'Letter',
      recordId: '900002',
      // The block's "Language" names the original's language, and so the transcript's.
      originalLanguage: 'Korean',
      textLanguage: 'Korean',
      languageCode: 'ko',
      textKind: 'original',
      associatedPeopleAndPlaces: 'Pyongyang (Korea)\nKorea (North)',
      associatedTopics: 'Korean War, 1950-1953\nPublic health',
    });
  });

  it('ends the text where the Document Information block begins, and splits it at "2쪽"', () => {
    expect(parsed.sheets).toHaveLength(2);
    expect(parsed.sheets[0]!.paragraphs[0]).toBe('각 도 인민위원회 위원장 앞');
    expect(parsed.sheets[1]!.paragraphs).toEqual(['2쪽', '보고서는 매주 월요일까지 본 성에 제출하여 주십시오.', '문화성']);
  });

  it('loses no line', () => {
    expectNoLineLost(source, parsed, [
      'Summary', 'Author(s)', 'Contents', 'Original Scan', 'Transcript', 'Document Information', 'Source', 'Rights',
      'Original Uploaded Date', 'Type', 'Language', 'Record ID', 'Associated People & Places', 'Associated Topics',
    ]);
  });
});

describe('parseWilsonCenterText on an English document with fields missing', () => {
  const source = fixture('english-missing-fields.txt');
  const parsed = parseWilsonCenterText(source);

  it('reads the fields there are and leaves the others empty', () => {
    expectMetadata(parsed, {
      title: 'Memorandum of Conversation between the Trade Representative and the Deputy Minister on Grain Deliveries',
      dateIso: '1953-03-05',
      dateAsWritten: 'March 5th, 1953',
      citation:
        '"Memorandum of Conversation between the Trade Representative and the Deputy Minister on Grain Deliveries", March 5, 1953, Wilson Center Digital Archive (test fixture).',
      sourceUrl: 'https://digitalarchive.example.org/document/900003',
      originalLanguage: 'English',
      textLanguage: 'English',
      languageCode: 'en',
      textKind: 'original',
    });
  });

  it('starts the text at the first paragraph no field claims, and keeps the memorandum\'s own "Summary:" in it', () => {
    expect(parsed.sheets.map((s) => s.paragraphs[0])).toEqual(['SECRET', '- 2 -']);
    expect(parsed.sheets[1]!.paragraphs[1]).toBe('Summary:');
    expect(parsed.sheets[1]!.paragraphs.at(-1)).toBe('The conversation lasted forty minutes.');
    const body = source.slice(source.indexOf('SECRET')).split('\n').map((l) => l.trim()).filter((l) => l !== '');
    expect(transcriptionLines(parsed)).toEqual(body);
  });

  it('loses no line', () => {
    expectNoLineLost(source, parsed, ['Citation:', 'Original Language:']);
  });
});

describe('parseWilsonCenterText on a Russian document with an unknown section', () => {
  const source = fixture('russian-unknown-section.txt');
  const parsed = parseWilsonCenterText(source);

  it('reads labels in any case, with or without colons', () => {
    expectMetadata(parsed, {
      title: 'Ciphered Telegram from the Ambassador in Beijing on the Spring Sowing Campaign',
      dateIso: '1952-03-10',
      dateAsWritten: '1952-03-10',
      citation:
        '"Ciphered Telegram from the Ambassador in Beijing on the Spring Sowing Campaign", March 10, 1952, Wilson Center Digital Archive (test fixture).',
      sourceUrl: 'https://digitalarchive.example.org/document/900004',
      summary:
        'The ambassador reports on the preparations for the spring sowing and on the seed grain that the Chinese side asks to borrow.',
      credits: "Written for Marginalia's parser tests; not an archival document.",
      originalLanguage: 'Russian',
      textLanguage: 'Russian',
      languageCode: 'ru',
      textKind: 'original',
    });
  });

  it('keeps the unknown "Notes:" section and the stray paragraph at the head of the transcription', () => {
    expect(parsed.sheets[0]!.paragraphs.slice(0, 4)).toEqual([
      'Notes:',
      'The transcription was made from a photocopy; the third sheet is numbered "8" on the copy.',
      'This paragraph follows a one-line field and belongs to no field.',
      'СЕКРЕТНО\nЭкз. № 1',
    ]);
  });

  it('splits the transcript at each "Лист N" without reordering the garbled one', () => {
    expect(parsed.sheets.map((s) => s.label)).toEqual(['Sheet 1', 'Sheet 2', 'Sheet 3', 'Sheet 4']);
    expect(parsed.sheets.map((s) => s.numberAsWritten)).toEqual(['', '2', '8', '4']);
    expect(parsed.sheets[2]!.paragraphs).toEqual(['Лист 8', 'Прошу Ваших указаний по этому вопросу.']);
    expect(parsed.sheets[3]!.paragraphs).toEqual(['Лист 4', 'Посол\n10.3.52 г.']);
  });

  it('loses no line', () => {
    expectNoLineLost(source, parsed, [
      'citation:', 'SUMMARY', 'Credits', 'Original Language:', 'Contents:', 'Original Scan', 'Transcript - Russian',
    ]);
  });
});

describe('parseWilsonCenterText on other variants', () => {
  it('reads a Chinese transcript labelled "Transcript - Chinese" as the original, in Chinese', () => {
    const parsed = parseWilsonCenterText(
      '1951年7月20日\n毛泽东致菲利波夫电\n\nSummary: A test page.\n\nContents:\n\nTranscript - Chinese\n\n菲利波夫同志：\n\n来电收到，同意你的意见。\n\n毛泽东',
    );
    expect(parsed.metadata).toMatchObject({
      title: '毛泽东致菲利波夫电',
      dateIso: '1951-07-20',
      textKind: 'original',
      textLanguage: 'Chinese',
      languageCode: 'zh',
      originalLanguage: 'Chinese',
    });
    expect(parsed.sheets[0]!.paragraphs).toEqual(['菲利波夫同志：', '来电收到，同意你的意见。', '毛泽东']);
  });

  it('reads "Contents: English Translation" on one line, and English under a Russian original as a translation', () => {
    const labelled = parseWilsonCenterText('Title\n\nOriginal Language: Russian\nContents: English Translation\n\nThe text.');
    expect(labelled.metadata).toMatchObject({ textKind: 'translation', textLanguage: 'English', languageCode: 'en' });
    expect(labelled.sheets[0]!.paragraphs).toEqual(['The text.']);
    const unlabelled = parseWilsonCenterText(
      'Title\n\nOriginal Language: Russian\nContents:\n\nThe ambassador reported that the talks with the minister had been useful and that he would send the text of the agreement by the next courier.',
    );
    expect(unlabelled.metadata).toMatchObject({ textKind: 'translation', textLanguage: 'English', originalLanguage: 'Russian' });
  });

  it('takes only the first line for a one-line field and leaves what follows in the transcription', () => {
    const parsed = parseWilsonCenterText('T\n\nOriginal Language:\nRussian\nРусский текст сразу после поля.\n\nContents:\n\nТекст.');
    expect(parsed.metadata.originalLanguage).toBe('Russian');
    expect(parsed.sheets[0]!.paragraphs).toEqual(['Русский текст сразу после поля.', 'Текст.']);
  });

  it('keeps a Document Information "Language" that differs from "Original Language" beside it', () => {
    const parsed = parseWilsonCenterText('T\n\nOriginal Language: Russian\n\nContents:\n\nТекст.\n\nDocument Information\n\nLanguage: Russian\n\nType: Telegram');
    expect(parsed.metadata.originalLanguage).toBe('Russian');
    const differing = parseWilsonCenterText('T\n\nOriginal Language: Russian\nLanguage: Chinese\nContents:\n\nТекст.');
    expect(differing.metadata.originalLanguage).toBe('Russian\nChinese');
    expect(differing.metadata.languageCode).toBe('ru');
  });

  it('keeps a second text label inside the text ("Translation - English" after a transcript)', () => {
    const parsed = parseWilsonCenterText('T\n\nContents:\nTranscript - Russian\n\nТекст.\n\nTranslation - English\n\nText.');
    expect(parsed.metadata.textKind).toBe('original');
    expect(parsed.sheets[0]!.paragraphs).toEqual(['Текст.', 'Translation - English', 'Text.']);
  });

  it('gives a page without labels its first paragraph as title and the rest as text', () => {
    const parsed = parseWilsonCenterText('20 July 1951\nA Title\n\nFirst paragraph.\n\nSecond.', 'from-file');
    expect(parsed.metadata.title).toBe('A Title');
    expect(parsed.metadata.dateIso).toBe('1951-07-20');
    expect(parsed.sheets[0]!.paragraphs).toEqual(['First paragraph.', 'Second.']);
    expect(parseWilsonCenterText('Citation: x\n\nSummary: y', 'from-file').metadata.title).toBe('from-file');
  });
});

describe('looksLikeWilsonCenterPage', () => {
  it('needs two known labels, each as a label', () => {
    expect(looksLikeWilsonCenterPage(seed)).toBe(true);
    expect(looksLikeWilsonCenterPage(fixture('korean-document-information.txt'))).toBe(true);
    expect(looksLikeWilsonCenterPage('Title\n\nSUMMARY\n\ntext\n\ncontents\n\ntext')).toBe(true);
    expect(looksLikeWilsonCenterPage('Title\n\nSummary: only one label.\n\nThe summary of the talks, and its contents.')).toBe(false);
    expect(looksLikeWilsonCenterPage('Продолжение шифртелеграммы\n\nЛист 2\n\nТекст.')).toBe(false);
  });
});
