import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseDocumentFile } from './import-document';
import { ImportError } from './import-error';

const seedBytes = new Uint8Array(readFileSync(new URL('../../assets/sample/mao-to-filippov-1951-07-20.txt', import.meta.url)));

function utf8(text: string): Uint8Array {
  return new TextEncoder().encode(text);
}

function importErrorOf(run: () => unknown): ImportError {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(ImportError);
    return error as ImportError;
  }
  throw new Error('expected an ImportError');
}

describe('parseDocumentFile', () => {
  it('reads a Wilson Center page as one, whatever the extension of text', () => {
    for (const name of ['telegram.txt', 'telegram.TEXT', 'telegram']) {
      const parsed = parseDocumentFile(name, seedBytes);
      expect(parsed.format).toBe('wilson-center');
      expect(parsed.encoding).toBe('utf-8');
      expect(parsed.metadata.dateIso).toBe('1951-07-20');
      expect(parsed.sheets).toHaveLength(4);
    }
  });

  it('reads other .txt files as plain text, titled by the file name', () => {
    const parsed = parseDocumentFile('notes/kim-to-stalin_1950.txt', utf8('Товарищу Сталину.\n\nЛист 2\n\nТекст.'));
    expect(parsed.format).toBe('plain-text');
    expect(parsed.metadata.title).toBe('kim to stalin 1950');
    expect(parsed.metadata.languageCode).toBe('ru');
    expect(parsed.sheets).toHaveLength(2);
  });

  it('reads .md and .markdown files as Markdown, even with Wilson Center labels', () => {
    const parsed = parseDocumentFile('Notes.MARKDOWN', utf8('# My notes\n\nSummary:\n\nContents:\n\nText.'));
    expect(parsed.format).toBe('markdown');
    expect(parsed.metadata.title).toBe('My notes');
    expect(parsed.sheets[0]!.paragraphs).toEqual(['Summary:', 'Contents:', 'Text.']);
    expect(parseDocumentFile('a.md', utf8('Text.')).metadata.title).toBe('a');
  });

  it('reports the encoding it decoded', () => {
    const utf16 = new Uint8Array([0xff, 0xfe, ...[...'Hello'].flatMap((c) => [c.charCodeAt(0), 0])]);
    expect(parseDocumentFile('h.txt', utf16)).toMatchObject({ format: 'plain-text', encoding: 'utf-16le' });
  });

  it('titles an untitled Wilson Center page from its file name', () => {
    const parsed = parseDocumentFile('page_119538.txt', utf8('Citation:\n\nA citation.\n\nContents:\n\nТекст.'));
    expect(parsed.metadata.title).toBe('page 119538');
  });

  it('refuses other extensions before reading the bytes', () => {
    for (const name of ['scan.png', 'letter.docx', 'page.html']) {
      const error = importErrorOf(() => parseDocumentFile(name, utf8('Text.')));
      expect(error.message).toBe(`“${name}” cannot be imported: only .txt and .md text files can be imported as documents`);
    }
  });

  it('passes on decoding errors, naming the file', () => {
    expect(importErrorOf(() => parseDocumentFile('empty.txt', new Uint8Array())).message).toBe(
      '“empty.txt” cannot be imported: the file is empty',
    );
    const png = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]);
    expect(importErrorOf(() => parseDocumentFile('scan.txt', png)).reason).toBe('it is not a text file (it looks like a PNG image)');
  });

  it('refuses a file that yields no document text', () => {
    expect(importErrorOf(() => parseDocumentFile('t.md', utf8('# Only a title\n'))).reason).toBe('it has a title but no text');
    const metadataOnly = utf8('Title\n\nCitation: A citation.\n\nContents:\n\nOriginal Scan\n');
    expect(importErrorOf(() => parseDocumentFile('p.txt', metadataOnly)).reason).toBe(
      'the page has metadata but no transcription or translation text',
    );
  });
});
