import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { FALLBACK_MIME_TYPE, filePathForAppUrl, mimeTypeFor } from './protocol-paths';

const root = path.resolve('/opt/marginalia/dist/renderer');
const under = (...parts: string[]): string => path.join(root, ...parts);

describe('filePathForAppUrl', () => {
  it('serves index.html for the origin and for directory URLs', () => {
    expect(filePathForAppUrl('app://marginalia/', root)).toBe(under('index.html'));
    expect(filePathForAppUrl('app://marginalia', root)).toBe(under('index.html'));
    expect(filePathForAppUrl('app://marginalia/assets/', root)).toBe(under('assets', 'index.html'));
  });

  it('maps a file path below the root, ignoring query and fragment', () => {
    expect(filePathForAppUrl('app://marginalia/index.html', root)).toBe(under('index.html'));
    expect(filePathForAppUrl('app://marginalia/assets/index-Bx3k.js?v=2#x', root)).toBe(under('assets', 'index-Bx3k.js'));
  });

  it('decodes percent-encoding, including non-ASCII names', () => {
    expect(filePathForAppUrl('app://marginalia/assets/%D0%BB%D0%B8%D1%81%D1%82%201.png', root)).toBe(
      under('assets', 'лист 1.png'),
    );
  });

  it('allows a name that merely starts with two dots', () => {
    expect(filePathForAppUrl('app://marginalia/..hidden', root)).toBe(under('..hidden'));
  });

  it.each([
    'app://marginalia/../package.json',
    'app://marginalia/assets/../../package.json',
    'app://marginalia/%2e%2e/package.json',
    'app://marginalia/..%2f..%2fpackage.json',
    'app://marginalia/assets%2f..%2f..%2f..%2fetc%2fpasswd',
    'app://marginalia/%2e%2e%2f%2e%2e%2fetc%2fpasswd',
    'app://marginalia//etc/passwd',
    'app://marginalia/%2fetc%2fpasswd',
  ])('never leaves the root: %s', (url) => {
    const result = filePathForAppUrl(url, root);
    if (result !== null) {
      // Some of these normalise to a harmless path inside the root; none may escape it.
      expect(path.relative(root, result).startsWith('..')).toBe(false);
      expect(result.startsWith(root + path.sep)).toBe(true);
    }
  });

  it('refuses traversal that survives URL normalisation', () => {
    expect(filePathForAppUrl('app://marginalia/..%2f..%2fpackage.json', root)).toBeNull();
    expect(filePathForAppUrl('app://marginalia/assets%2f..%2f..%2fsecret', root)).toBeNull();
  });

  it('refuses NUL bytes, colons and malformed percent-encoding', () => {
    expect(filePathForAppUrl('app://marginalia/index.html%00.png', root)).toBeNull();
    expect(filePathForAppUrl('app://marginalia/a:b.js', root)).toBeNull();
    expect(filePathForAppUrl('app://marginalia/%E0%A4%A', root)).toBeNull();
  });

  it.each([
    'https://marginalia/index.html',
    'file:///opt/marginalia/dist/renderer/index.html',
    'app://other/index.html',
    'app://marginalia:8080/index.html',
    'app://user:pw@marginalia/index.html',
    'not a url',
  ])('refuses URLs that are not ours: %s', (url) => {
    expect(filePathForAppUrl(url, root)).toBeNull();
  });

  describe('with Windows path rules', () => {
    const winRoot = 'C:\\Program Files\\Marginalia\\resources\\app.asar\\dist\\renderer';

    it('maps an ordinary file', () => {
      expect(filePathForAppUrl('app://marginalia/assets/app.js', winRoot, path.win32)).toBe(`${winRoot}\\assets\\app.js`);
    });

    it.each([
      'app://marginalia/..%5c..%5c..%5cWindows%5cwin.ini',
      'app://marginalia/assets%5c..%5c..%5c..%5cpackage.json',
    ])('refuses backslash traversal: %s', (url) => {
      expect(filePathForAppUrl(url, winRoot, path.win32)).toBeNull();
    });

    it('keeps a UNC-looking path inside the root', () => {
      expect(filePathForAppUrl('app://marginalia/%5c%5cserver%5cshare%5cfile', winRoot, path.win32)).toBe(
        `${winRoot}\\server\\share\\file`,
      );
    });

    it('refuses drive letters and alternate data streams', () => {
      expect(filePathForAppUrl('app://marginalia/D:%5cdata%5csecret', winRoot, path.win32)).toBeNull();
      expect(filePathForAppUrl('app://marginalia/index.html::$DATA', winRoot, path.win32)).toBeNull();
    });
  });
});

describe('mimeTypeFor', () => {
  it.each([
    ['index.html', 'text/html; charset=utf-8'],
    ['assets/index-abc.js', 'text/javascript; charset=utf-8'],
    ['pdf.worker.min.mjs', 'text/javascript; charset=utf-8'],
    ['assets/style.css', 'text/css; charset=utf-8'],
    ['sample/sheet-1.png', 'image/png'],
    ['sample/sheet-1.jpg', 'image/jpeg'],
    ['SHEET.JPG', 'image/jpeg'],
    ['icon.svg', 'image/svg+xml'],
    ['scan.webp', 'image/webp'],
    ['pt-serif.woff2', 'font/woff2'],
    ['pt-serif.woff', 'font/woff'],
    ['manifest.json', 'application/json; charset=utf-8'],
    ['LICENSE.txt', 'text/plain; charset=utf-8'],
    ['decoder.wasm', 'application/wasm'],
    ['C:\\app\\assets\\main.js', 'text/javascript; charset=utf-8'],
  ])('%s is %s', (file, type) => {
    expect(mimeTypeFor(file)).toBe(type);
  });

  it.each([['archive.exe'], ['Makefile'], ['.htaccess'], ['assets.v2/noext'], ['file.']])(
    '%s falls back to octet-stream',
    (file) => {
      expect(mimeTypeFor(file)).toBe(FALLBACK_MIME_TYPE);
    },
  );
});
