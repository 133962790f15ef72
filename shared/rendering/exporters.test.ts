import { DOMParser } from '@xmldom/xmldom';
import { strFromU8, unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { TextIndex } from '../anchoring/text-index';
import { emptyMetadata } from '../document-metadata';
import { transcriptionFromSheets } from '../transcription/schema';
import { renderingToDocx } from './docx';
import { renderingFromAnnotations } from './from-annotations';
import { renderingToHtml } from './html';
import { escapeMarkdown, renderingToMarkdown } from './markdown';
import { body, EDITOR, onWords, richBody, runText, sentenceSegments, text } from './test-fixtures';
import type { EnglishRendering } from './types';

const doc = transcriptionFromSheets([
  { label: 'Sheet 1', numberAsWritten: '', paragraphs: ['Первое предложение. Второе предложение.', 'Третий абзац.'] },
  { label: 'Sheet 2', numberAsWritten: '8', paragraphs: ['Последний абзац.'] },
]);
const plain = TextIndex.fromDoc(doc).text;
const segments = sentenceSegments(plain, (offset) => (offset < plain.indexOf('Последний') ? 0 : 1));
const metadata = {
  ...emptyMetadata('A test *document*'),
  dateAsWritten: 'July 20, 1951',
  originalLanguage: 'Russian',
  languageCode: 'ru',
  citation: 'Citation text',
  sourceUrl: 'https://example.org/doc/1',
  archiveReference: 'RGASPI f. 558',
};
const at = (words: string) => {
  const start = plain.indexOf(words);
  return [start, start + words.length] as const;
};

function small(options: Parameters<typeof renderingFromAnnotations>[4] = { commentaryFootnotes: true }): EnglishRendering {
  const annotations = [
    onWords(plain, 'translation', ...at('Первое предложение.'), richBody(text('The '), text('first', 'em'), text(' sentence.'))),
    onWords(
      plain,
      'translation',
      ...at('Третий абзац.'),
      richBody(text('A '), text('third', 'strong'), text(' paragraph with a '), text('link', { href: 'https://example.org/a_b' }), text('.')),
    ),
    onWords(plain, 'translation', ...at('Последний абзац.'), body('The last <b>paragraph</b> * 2.')),
    onWords(plain, 'commentary', ...at('Второе'), body('Literally “second”.'), { creator: EDITOR }),
  ];
  return renderingFromAnnotations(doc, metadata, annotations, segments, options);
}

describe('renderingToMarkdown', () => {
  it('writes the header, credit, sheets, paragraphs and footnotes', () => {
    expect(renderingToMarkdown(small())).toBe(
      [
        '# A test \\*document\\*',
        '',
        '- **Date:** July 20, 1951',
        '- **Original language:** Russian',
        '- **Citation:** Citation text <https://example.org/doc/1>',
        '- **Archive reference:** RGASPI f. 558',
        '',
        '*Translated by Anna Petrova.*',
        '',
        '*Draft: 3 of 4 passages translated; the others are marked “\\[untranslated: …\\]”.*',
        '',
        '— Sheet 1 —',
        '',
        'The *first* sentence. \\[untranslated: Второе предложение.\\][^1]',
        '',
        'A **third** paragraph with a [link](<https://example.org/a_b>).',
        '',
        '— Sheet 2 (numbered “8”) —',
        '',
        'The last \\<b\\>paragraph\\</b\\> \\* 2.',
        '',
        '[^1]: Literally “second”. — Ben Okafor',
        '',
      ].join('\n'),
    );
  });

  it('keeps the source text, or leaves it out, as the rendering says; headings for sheets when asked', () => {
    const source = renderingToMarkdown(small({ untranslated: 'source' }), { sheetMarkers: 'heading', progressNote: false });
    expect(source).toContain('The *first* sentence. Второе предложение.\n');
    expect(source).toContain('\n## Sheet 2 (numbered “8”)\n');
    expect(source).not.toContain('Draft');
    const omitted = renderingToMarkdown(small({ untranslated: 'omit' }), { sheetMarkers: 'none' });
    expect(omitted).toContain('\nThe *first* sentence.\n');
    expect(omitted).toContain('the others are left out');
    expect(omitted).not.toContain('Sheet');
  });

  it('writes lists, quotes, line breaks and several paragraphs from a body', () => {
    const r = small();
    const first = r.sheets[0]!.paragraphs[0]!.segments[0]!;
    first.english = {
      type: 'doc',
      content: [
        { type: 'paragraph', content: [{ type: 'text', text: 'Lead' }, { type: 'hard_break' }, { type: 'text', text: '# not a heading' }] },
        { type: 'bullet_list', content: [{ type: 'list_item', content: [{ type: 'paragraph', content: [{ type: 'text', text: 'one' }] }] }] },
        { type: 'ordered_list', content: [{ type: 'list_item', content: [{ type: 'paragraph', content: [{ type: 'text', text: 'two' }] }, { type: 'paragraph', content: [{ type: 'text', text: 'more' }] }] }] },
        { type: 'blockquote', content: [{ type: 'paragraph', content: [{ type: 'text', text: 'quoted' }] }] },
        { type: 'paragraph', content: [{ type: 'text', text: 'Tail.' }] },
      ],
    };
    expect(renderingToMarkdown(r)).toContain(
      ['Lead\\', '\\# not a heading', '', '- one', '', '1. two', '', '   more', '', '> quoted', '', 'Tail. \\[untranslated: Второе предложение.\\][^1]'].join('\n'),
    );
  });

  it('escapes what Markdown would read as markup', () => {
    expect(escapeMarkdown('a*b_c`d[e]f<g>h|i~j\\k', false)).toBe('a\\*b\\_c\\`d\\[e\\]f\\<g\\>h\\|i\\~j\\\\k');
    expect(escapeMarkdown('&amp; & &#35;', false)).toBe('\\&amp; & \\&#35;');
    expect(escapeMarkdown('1. Item', true)).toBe('1\\. Item');
    expect(escapeMarkdown('1. Item', false)).toBe('1. Item');
    expect(escapeMarkdown('- x', true)).toBe('\\- x');
    expect(escapeMarkdown('# x', true)).toBe('\\# x');
    expect(escapeMarkdown('    code', true)).toBe('&#32;&#32;&#32;&#32;code');
  });
});

function parseXhtml(html: string) {
  const errors: string[] = [];
  // Warnings (xmldom notes U+FFFD, which the exporters write for characters XML cannot carry) are not errors.
  const onError = (level: string, message: string) => {
    if (level !== 'warning') errors.push(`${level}: ${message}`);
  };
  const parsed = new DOMParser({ onError }).parseFromString(html, 'application/xhtml+xml');
  expect(errors).toEqual([]);
  return parsed;
}

describe('renderingToHtml', () => {
  it('is a standalone, well-formed document with the header, sheets, text and numbered footnotes', () => {
    const html = renderingToHtml(small());
    const parsed = parseXhtml(html);
    const root = parsed.documentElement!;
    expect(root.localName).toBe('html');
    expect(root.getAttribute('lang')).toBe('en');
    expect(parsed.getElementsByTagName('meta')[0]!.getAttribute('charset')).toBe('utf-8');
    expect(parsed.getElementsByTagName('style').length).toBe(1);
    expect(parsed.getElementsByTagName('title')[0]!.textContent).toBe('A test *document*');
    expect(html).toMatch(/^<!DOCTYPE html>\n/);
    expect(html).toContain('<dt>Citation</dt><dd>Citation text <a href="https://example.org/doc/1">https://example.org/doc/1</a></dd>');
    expect(html).toContain('<p class="credit">Translated by Anna Petrova.</p>');
    expect(html).toContain('<p class="sheet-marker">— Sheet 2 (numbered “8”) —</p>');
    expect(html).toContain(
      '<p>The <em>first</em> sentence. <span class="untranslated">[untranslated: <span lang="ru" xml:lang="ru">Второе предложение.</span>]</span>' +
        '<sup class="footnote-ref" id="fnref-1"><a href="#fn-1" role="doc-noteref">1</a></sup></p>',
    );
    expect(html).toContain('<p>A <strong>third</strong> paragraph with a <a href="https://example.org/a_b" rel="noopener noreferrer nofollow">link</a>.</p>');
    expect(html).toContain('<p>The last &lt;b&gt;paragraph&lt;/b&gt; * 2.</p>');
    expect(html).toContain(
      '<li id="fn-1"><p>Literally “second”. — Ben Okafor <a href="#fnref-1" class="footnote-back" role="doc-backlink" aria-label="Back to the text">↩</a></p></li>',
    );
    expect(parsed.getElementsByTagName('section').length).toBe(3);
  });

  it('never lets a body write markup: a script is text, a javascript: link is not a link', () => {
    const r = small();
    const first = r.sheets[0]!.paragraphs[0]!.segments[0]!;
    first.english = richBody(text('<script>alert("x")</script> & '), text('click', { href: 'javascript:alert(1)' }), text(' <img src=x onerror=alert(1)>'));
    r.metadata = { ...r.metadata, title: '</title><script>alert(1)</script>' };
    r.footnotes[0]!.body = body('<script>bad()</script>');
    const html = renderingToHtml(r);
    expect(html).not.toMatch(/<script|<img|javascript:/i);
    expect(html).toContain('&lt;script&gt;alert("x")&lt;/script&gt; &amp; click &lt;img src=x onerror=alert(1)&gt;');
    const parsed = parseXhtml(html);
    expect(parsed.getElementsByTagName('script').length).toBe(0);
    expect(parsed.getElementsByTagName('img').length).toBe(0);
    expect(parsed.getElementsByTagName('title')[0]!.textContent).toBe('</title><script>alert(1)</script>');
    const policy = parsed.getElementsByTagName('meta')[1]!;
    expect(policy.getAttribute('http-equiv')).toBe('Content-Security-Policy');
    expect(policy.getAttribute('content')).toMatch(/^default-src 'none'; style-src 'unsafe-inline';/);
  });

  it('stays well-formed with characters XML cannot carry, and breaks pages between sheets when asked', () => {
    const r = small();
    r.sheets[0]!.paragraphs[0]!.segments[0]!.english = body('Bell\u0007 and lone \uD800 surrogate\r\nand CR');
    const html = renderingToHtml(r, { pageBreakBetweenSheets: true, sheetMarkers: 'heading' });
    parseXhtml(html);
    expect(html).toContain('Bell\uFFFD and lone \uFFFD surrogate<br/>and CR');
    expect(html).toContain('section.sheet + section.sheet { break-before: page; }');
    expect(html).toContain('<h2 class="sheet-marker">Sheet 1</h2>');
  });
});

describe('renderingToDocx', () => {
  it('writes a Word document with the text, sheet markers, formatting and real footnotes', async () => {
    const bytes = await renderingToDocx(small());
    expect(bytes).toBeInstanceOf(Uint8Array);
    const files = unzipSync(bytes);
    expect(Object.keys(files)).toEqual(expect.arrayContaining(['[Content_Types].xml', 'word/document.xml', 'word/footnotes.xml', 'word/styles.xml']));
    const documentXml = strFromU8(files['word/document.xml']!);
    const footnotesXml = strFromU8(files['word/footnotes.xml']!);
    parseXhtml(documentXml);
    parseXhtml(footnotesXml);
    const text = runText(documentXml);
    expect(text).toContain('A test *document*');
    expect(text).toContain('Date: July 20, 1951');
    expect(text).toContain('Citation: Citation text https://example.org/doc/1');
    expect(text).toContain('Translated by Anna Petrova.');
    expect(text).toContain('— Sheet 1 —');
    expect(text).toContain('— Sheet 2 (numbered “8”) —');
    expect(text).toContain('The first sentence. [untranslated: Второе предложение.]');
    expect(text).toContain('The last <b>paragraph</b> * 2.');
    expect(documentXml).toMatch(/<w:i\/>(?:<[^>]+>)*<w:t[^>]*>first<\/w:t>/);
    expect(documentXml).toMatch(/<w:b\/>(?:<[^>]+>)*<w:t[^>]*>third<\/w:t>/);
    expect(documentXml).toMatch(/<w:hyperlink [^>]*r:id="[^"]+"[^>]*>(?:<[^>]+>)*<w:t[^>]*>link<\/w:t>/);
    expect(documentXml).toMatch(/<w:footnoteReference w:id="1"\/>/);
    expect(runText(footnotesXml)).toContain('Literally “second”. — Ben Okafor');
    const rels = strFromU8(files['word/_rels/document.xml.rels']!);
    expect(rels).toContain('Target="https://example.org/a_b"');
    expect(strFromU8(files['docProps/core.xml']!)).toContain('<dc:title>A test *document*</dc:title>');
  });

  it('starts sheets on new pages when asked', async () => {
    const documentXml = strFromU8(unzipSync(await renderingToDocx(small(), { pageBreakBetweenSheets: true, sheetMarkers: 'heading' }))['word/document.xml']!);
    expect(documentXml.match(/<w:pageBreakBefore\/>/g)?.length).toBe(1);
    expect(documentXml).toMatch(/<w:pStyle w:val="Heading2"\/>/);
  });
});
