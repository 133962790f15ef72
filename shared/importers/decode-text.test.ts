import { describe, expect, it } from 'vitest';
import { checkTextFileSize, decodeTextFile } from './decode-text';
import { ImportError, MAX_TEXT_FILE_BYTES } from './import-error';

const RUSSIAN = 'Товарищу Филиппову. Ёлки, «кавычки» — и № 5.';

function utf8(text: string): Uint8Array {
  return new TextEncoder().encode(text);
}

function utf16(text: string, order: 'le' | 'be', bom: boolean): Uint8Array {
  const bytes: number[] = bom ? (order === 'le' ? [0xff, 0xfe] : [0xfe, 0xff]) : [];
  for (let i = 0; i < text.length; i++) {
    const unit = text.charCodeAt(i);
    const [lo, hi] = [unit & 0xff, unit >> 8];
    bytes.push(...(order === 'le' ? [lo, hi] : [hi, lo]));
  }
  return new Uint8Array(bytes);
}

/** Windows-1251 by its table: А–я are 0xC0–0xFF in order, Ё/ё 0xA8/0xB8, and a few marks. */
function windows1251(text: string): Uint8Array {
  const marks: Record<string, number> = { '«': 0xab, '»': 0xbb, '—': 0x97, '№': 0xb9, 'Ё': 0xa8, 'ё': 0xb8 };
  return new Uint8Array(
    [...text].map((ch) => {
      const code = ch.codePointAt(0)!;
      if (code < 0x80) return code;
      if (code >= 0x410 && code <= 0x44f) return code - 0x410 + 0xc0;
      const mark = marks[ch];
      if (mark === undefined) throw new Error(`no Windows-1251 byte for ${ch}`);
      return mark;
    }),
  );
}

/** Deterministic noise, so that a failure can be reproduced. */
function noise(length: number, seed: number, min = 0): Uint8Array {
  const bytes = new Uint8Array(length);
  let state = seed;
  for (let i = 0; i < length; i++) {
    state = (state * 1103515245 + 12345) >>> 0;
    bytes[i] = min + ((state >>> 16) % (256 - min));
  }
  return bytes;
}

function reasonFor(fileName: string, bytes: Uint8Array): string {
  try {
    decodeTextFile(fileName, bytes);
  } catch (error) {
    expect(error).toBeInstanceOf(ImportError);
    expect((error as ImportError).fileName).toBe(fileName);
    expect((error as ImportError).message).toContain(`“${fileName}”`);
    return (error as ImportError).reason;
  }
  throw new Error('expected an ImportError');
}

describe('decodeTextFile', () => {
  it('reads UTF-8, and normalises line ends', () => {
    expect(decodeTextFile('a.txt', utf8(`${RUSSIAN}\r\n毛泽东\r\n`))).toEqual({ text: `${RUSSIAN}\n毛泽东\n`, encoding: 'utf-8' });
  });

  it('reads UTF-8 with a byte-order mark, without the mark', () => {
    const bytes = new Uint8Array([0xef, 0xbb, 0xbf, ...utf8('Текст')]);
    expect(decodeTextFile('a.txt', bytes)).toEqual({ text: 'Текст', encoding: 'utf-8' });
  });

  it.each(['le', 'be'] as const)('reads UTF-16 %s with a byte-order mark', (order) => {
    const text = `${RUSSIAN}\n각 도 인민위원회 🙂`;
    expect(decodeTextFile('a.txt', utf16(text, order, true))).toEqual({ text, encoding: `utf-16${order}` });
  });

  it.each(['le', 'be'] as const)('reads UTF-16 %s without a byte-order mark when the zero bytes say so', (order) => {
    const text = 'Telegram from Mao Zedong. Телеграмма.';
    expect(decodeTextFile('a.txt', utf16(text, order, false))).toEqual({ text, encoding: `utf-16${order}` });
  });

  it('reads Windows-1251 Cyrillic that is not valid UTF-8', () => {
    expect(decodeTextFile('a.txt', windows1251(`${RUSSIAN}\r\nЛист 2`))).toEqual({
      text: `${RUSSIAN}\nЛист 2`,
      encoding: 'windows-1251',
    });
  });

  it('refuses an empty file and one of only blank space', () => {
    expect(reasonFor('empty.txt', new Uint8Array())).toBe('the file is empty');
    expect(reasonFor('blank.txt', utf8(' \n\t\r\n\u3000 '))).toBe('it contains only blank space, no text');
    expect(reasonFor('blank16.txt', utf16('  \n ', 'le', true))).toBe('it contains only blank space, no text');
    expect(reasonFor('bom.txt', new Uint8Array([0xef, 0xbb, 0xbf]))).toBe('it contains only blank space, no text');
  });

  it('names common binary formats renamed .txt by their magic bytes', () => {
    const png = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, ...noise(64, 1)]);
    expect(reasonFor('scan.txt', png)).toBe('it is not a text file (it looks like a PNG image)');
    expect(reasonFor('photo.txt', new Uint8Array([0xff, 0xd8, 0xff, 0xe0, ...noise(64, 2)]))).toMatch(/JPEG image\)$/);
    expect(reasonFor('doc.txt', utf8('%PDF-1.7\n%âãÏÓ\n'))).toMatch(/PDF document\)$/);
    expect(reasonFor('pack.txt', new Uint8Array([0x50, 0x4b, 0x03, 0x04, ...noise(64, 3)]))).toMatch(/ZIP archive/);
  });

  it('refuses other binary data, with or without zero bytes', () => {
    expect(reasonFor('random.txt', noise(4096, 42))).toBe('it is not a text file (it looks like binary data)');
    expect(reasonFor('random-no-nul.txt', noise(4096, 7, 1))).toBe('it is not a text file (it looks like binary data)');
    expect(reasonFor('nul.txt', utf8('Some text\u0000with a NUL in it'))).toBe('it is not a text file (it looks like binary data)');
  });

  it('refuses bytes in an encoding it cannot recognise, and a malformed file behind a byte-order mark', () => {
    // "Le délégué" in Latin-1: not UTF-8, and its accented letters stand alone, unlike Cyrillic words.
    const latin1 = new Uint8Array([0x4c, 0x65, 0x20, 0x64, 0xe9, 0x6c, 0xe9, 0x67, 0x75, 0xe9]);
    expect(reasonFor('latin1.txt', latin1)).toMatch(/^its text encoding could not be recognised .*save it as UTF-8/);
    expect(reasonFor('bad.txt', new Uint8Array([0xef, 0xbb, 0xbf, 0x41, 0xff, 0x41]))).toBe(
      'it starts with a UTF-8 byte-order mark but is not valid UTF-8',
    );
  });

  it('refuses a file over the size limit, stating the limit, before looking at its bytes', () => {
    const huge = { length: MAX_TEXT_FILE_BYTES + 1 } as unknown as Uint8Array;
    expect(reasonFor('huge.txt', huge)).toBe('it is larger than the 20 MB limit for text files');
    expect(() => checkTextFileSize('small.txt', 2 * 1024 * 1024, 1024 * 1024)).toThrow(
      '“small.txt” cannot be imported: it is larger than the 1 MB limit for text files',
    );
    expect(() => checkTextFileSize('ok.txt', MAX_TEXT_FILE_BYTES)).not.toThrow();
  });
});
