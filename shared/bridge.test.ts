import { describe, expect, it } from 'vitest';
import {
  checkExternalUrl,
  isMenuCommand,
  isOpenFilesPurpose,
  isSaveFilePurpose,
  MAX_EXTERNAL_URL_LENGTH,
  MENU_COMMANDS,
  OPEN_FILES_EXTENSIONS,
  OPEN_FILES_PURPOSES,
  safeFileName,
  SAVE_FILE_PURPOSES,
  SAVE_FILE_TYPES,
} from './bridge';

describe('checkExternalUrl', () => {
  it.each([
    'https://digitalarchive.wilsoncenter.org/document/113333',
    'http://example.org/',
    'https://example.org/path?q=%D0%9C%D0%B0%D0%BE#section',
    '  https://example.org/padded  ',
  ])('accepts the web address %s', (url) => {
    expect(checkExternalUrl(url)).toEqual({ opened: true });
  });

  it.each([
    ['javascript:alert(1)', /javascript/],
    ['JavaScript:alert(1)', /javascript/],
    ['file:///etc/passwd', /file/],
    ['data:text/html,<script>alert(1)</script>', /data/],
    ['mailto:someone@example.org', /mailto/],
    ['ftp://example.org/file', /ftp/],
    ['ms-settings:display', /ms-settings/],
    ['app://marginalia/index.html', /app/],
  ])('refuses %s, naming its scheme', (url, scheme) => {
    const result = checkExternalUrl(url);
    expect(result.opened).toBe(false);
    if (!result.opened) expect(result.reason).toMatch(scheme);
  });

  it('refuses links that carry credentials', () => {
    for (const url of ['https://user:secret@example.org/', 'https://user@example.org/']) {
      const result = checkExternalUrl(url);
      expect(result).toMatchObject({ opened: false });
      if (!result.opened) expect(result.reason).toMatch(/user name or password/);
    }
  });

  it.each([[''], ['   '], ['not a url'], ['//example.org/no-scheme'], ['https://'], ['http://[::1']])(
    'refuses the garbage %j',
    (value) => {
      expect(checkExternalUrl(value).opened).toBe(false);
    },
  );

  it.each([[undefined], [null], [42], [{ href: 'https://example.org' }], [['https://example.org']]])(
    'refuses the non-string %j',
    (value) => {
      expect(checkExternalUrl(value)).toEqual({ opened: false, reason: 'The link is empty.' });
    },
  );

  it('accepts a link of exactly the maximum length and refuses one character more', () => {
    const prefix = 'https://example.org/';
    const longest = prefix + 'a'.repeat(MAX_EXTERNAL_URL_LENGTH - prefix.length);
    expect(longest).toHaveLength(MAX_EXTERNAL_URL_LENGTH);
    expect(checkExternalUrl(longest)).toEqual({ opened: true });
    const result = checkExternalUrl(`${longest}a`);
    expect(result.opened).toBe(false);
    if (!result.opened) expect(result.reason).toMatch(/too long/);
  });
});

describe('isMenuCommand', () => {
  it('accepts every declared command', () => {
    for (const command of MENU_COMMANDS) expect(isMenuCommand(command)).toBe(true);
  });

  it.each([['view.nextsheet'], ['view.nextSheet '], ['file.quit'], [''], ['toString'], ['__proto__']])(
    'refuses the unknown name %j',
    (value) => {
      expect(isMenuCommand(value)).toBe(false);
    },
  );

  it.each([[undefined], [null], [1], [['view.nextSheet']], [{ command: 'view.nextSheet' }]])('refuses the non-string %j', (value) => {
    expect(isMenuCommand(value)).toBe(false);
  });
});

describe('safeFileName', () => {
  it('keeps a title readable, with the purpose’s extension', () => {
    expect(safeFileName('Ciphered Telegram from Mao Zedong to Filippov [Stalin]', 'tei')).toBe(
      'Ciphered Telegram from Mao Zedong to Filippov [Stalin].xml',
    );
    expect(safeFileName('Memo No. 5', 'pack')).toBe('Memo No. 5.mpack');
    expect(safeFileName('seminar.mpack', 'pack')).toBe('seminar.mpack');
  });

  it('takes out folders and characters file systems refuse', () => {
    expect(safeFileName('../../etc/passwd', 'tei')).toBe('etc passwd.xml');
    expect(safeFileName('a:b*c?"d"<e>|f\u0000g', 'annotations')).toBe('a b c d e f g.jsonld');
    expect(safeFileName('   ', 'tei')).toBe('marginalia.xml');
    expect(safeFileName('x'.repeat(500), 'tei').length).toBeLessThanOrEqual(200);
  });
});

describe('file purposes', () => {
  it('knows the glossary files and the English rendering’s formats', () => {
    expect(isOpenFilesPurpose('glossary')).toBe(true);
    expect(OPEN_FILES_EXTENSIONS.glossary).toEqual(['csv', 'tsv', 'tbx', 'xml']);
    for (const purpose of ['glossary-csv', 'glossary-tbx', 'docx', 'markdown', 'html', 'pdf']) expect(isSaveFilePurpose(purpose)).toBe(true);
    expect(safeFileName('Glossary', 'glossary-csv')).toBe('Glossary.csv');
    expect(safeFileName('Glossary.tbx', 'glossary-tbx')).toBe('Glossary.tbx');
    expect(safeFileName('Telegram (English)', 'docx')).toBe('Telegram (English).docx');
    expect(safeFileName('Telegram (English)', 'markdown')).toBe('Telegram (English).md');
    expect(safeFileName('Telegram (English)', 'html')).toBe('Telegram (English).html');
    expect(safeFileName('Telegram (English)', 'pdf')).toBe('Telegram (English).pdf');
  });

  it('gives every purpose a file type, and every open purpose extensions', () => {
    for (const purpose of SAVE_FILE_PURPOSES) {
      const type = SAVE_FILE_TYPES[purpose];
      expect(type.extension).toMatch(/^[a-z]+$/);
      expect(type.mime).toMatch(/^[a-z]+\/[a-z0-9.+-]+$/);
    }
    for (const purpose of OPEN_FILES_PURPOSES) expect(OPEN_FILES_EXTENSIONS[purpose].length).toBeGreaterThan(0);
  });

  it.each([['glossaries'], ['exe'], [''], [null], [42], ['toString']])('refuses the purpose %j', (value) => {
    expect(isOpenFilesPurpose(value)).toBe(false);
    expect(isSaveFilePurpose(value)).toBe(false);
  });
});
