/**
 * An English rendering as a standalone HTML5 document, written so that it is also well-formed
 * XML (XHTML syntax: every element closed, void elements self-closed, only XML's own character
 * references), with a small stylesheet for screen and print. This is what the app prints to PDF.
 *
 * Nothing from a body or the metadata is ever written as markup: bodies go through the whitelist
 * of blocks.ts and every string through `escapeText`/`escapeAttribute`. The document also carries
 * a Content-Security-Policy that allows no script and no remote resource at all, should it be
 * opened in a browser.
 */
import { escapeAttribute, escapeText } from '../tei/xml';
import { cleanText, type Block, type Inline, type TextInline } from './blocks';
import {
  creditLine,
  footnoteBlocks,
  footnoteNumbers,
  headerFields,
  paragraphBlocks,
  progressLine,
  resolveOptions,
  sheetMarkerText,
  type ResolvedOptions,
} from './layout';
import type { EnglishRendering, RenderingExportOptions } from './types';

const XHTML_NAMESPACE = 'http://www.w3.org/1999/xhtml';

/** The page's policy: its own inline stylesheet and nothing else. */
const POLICY = "default-src 'none'; style-src 'unsafe-inline'; img-src data:; base-uri 'none'; form-action 'none'";

export function renderingToHtml(r: EnglishRendering, options: RenderingExportOptions = {}): string {
  const o = resolveOptions(options);
  const notes = footnoteNumbers(r);
  const referenced = new Set([...notes.values()].flat());
  const writer = new InlineHtml(r.sourceLanguage);
  const title = oneLine(r.metadata.title) || 'Untitled document';

  let body = '<header>\n';
  body += `<h1>${escapeText(title)}</h1>\n`;
  const fields = headerFields(r.metadata);
  if (fields.length > 0) {
    body += '<dl class="metadata">\n';
    for (const f of fields) {
      const link = f.url ? `<a href="${escapeAttribute(f.url)}">${escapeText(f.url)}</a>` : '';
      body += `<dt>${escapeText(f.label)}</dt><dd>${[escapeText(f.text), link].filter((s) => s !== '').join(' ')}</dd>\n`;
    }
    body += '</dl>\n';
  }
  const credit = creditLine(r);
  if (credit) body += `<p class="credit">${escapeText(credit)}</p>\n`;
  const draft = o.progressNote ? progressLine(r) : null;
  if (draft) body += `<p class="progress">${escapeText(draft)}</p>\n`;
  body += '</header>\n';

  r.sheets.forEach((sheet, i) => {
    const marker = sheetMarkerText(sheet);
    body += `<section class="sheet" id="sheet-${i + 1}" aria-label="${escapeAttribute(marker)}">\n`;
    if (o.sheetMarkers === 'line') body += `<p class="sheet-marker">— ${escapeText(marker)} —</p>\n`;
    else if (o.sheetMarkers === 'heading') body += `<h2 class="sheet-marker">${escapeText(marker)}</h2>\n`;
    for (const paragraph of sheet.paragraphs) {
      for (const block of paragraphBlocks(paragraph, r, notes)) body += `${blockHtml(block, writer)}\n`;
    }
    body += '</section>\n';
  });

  if (r.footnotes.length > 0) {
    body += '<section class="footnotes" role="doc-endnotes" aria-label="Notes">\n<h2>Notes</h2>\n<ol>\n';
    r.footnotes.forEach((_, i) => {
      const n = i + 1;
      const blocks = footnoteBlocks(r, i, o);
      const back = referenced.has(n) ? `<a href="#fnref-${n}" class="footnote-back" role="doc-backlink" aria-label="Back to the text">↩</a>` : '';
      const last = blocks[blocks.length - 1];
      let items: string;
      if (back !== '' && last?.kind === 'paragraph') {
        items = blocks.slice(0, -1).map((b) => blockHtml(b, writer)).join('') + `<p>${writer.write(last.inlines)} ${back}</p>`;
      } else {
        items = blocks.map((b) => blockHtml(b, writer)).join('') + (back === '' ? '' : `<p>${back}</p>`);
      }
      body += `<li id="fn-${n}">${items}</li>\n`;
    });
    body += '</ol>\n</section>\n';
  }

  return (
    '<!DOCTYPE html>\n' +
    `<html xmlns="${XHTML_NAMESPACE}" lang="en" xml:lang="en">\n` +
    '<head>\n' +
    '<meta charset="utf-8"/>\n' +
    `<meta http-equiv="Content-Security-Policy" content="${escapeAttribute(POLICY)}"/>\n` +
    '<meta name="viewport" content="width=device-width, initial-scale=1"/>\n' +
    '<meta name="referrer" content="no-referrer"/>\n' +
    `<title>${escapeText(title)}</title>\n` +
    `<style>\n${stylesheet(o)}</style>\n` +
    '</head>\n' +
    '<body>\n<article>\n' +
    body +
    '</article>\n</body>\n</html>\n'
  );
}

function oneLine(text: string): string {
  return cleanText(text).replace(/\s+/g, ' ').trim();
}

function stylesheet(o: ResolvedOptions): string {
  return `@page { margin: 2cm; }
html { font-family: "PT Serif", Georgia, "Times New Roman", serif; font-size: 11pt; line-height: 1.45; color: #000; background: #fff; }
body { max-width: 38em; margin: 2em auto; padding: 0 1em; }
h1 { font-size: 1.6em; line-height: 1.2; margin: 0 0 0.6em; }
h2 { font-size: 1.1em; }
dl.metadata { display: grid; grid-template-columns: max-content 1fr; gap: 0.15em 1em; margin: 0 0 1em; font-size: 0.9em; }
dl.metadata dt { font-weight: bold; }
dl.metadata dd { margin: 0; overflow-wrap: anywhere; }
.credit { font-style: italic; }
.progress { font-style: italic; color: #555; }
.sheet-marker { text-align: center; color: #555; margin: 1.6em 0 1em; break-after: avoid; }
.untranslated { color: #666; font-style: italic; }
p { margin: 0 0 0.8em; orphans: 2; widows: 2; }
blockquote { margin: 0.5em 0 0.8em 1.5em; padding-left: 0.8em; border-left: 2px solid #bbb; }
a { color: inherit; }
sup.footnote-ref { line-height: 0; font-size: 0.75em; }
sup.footnote-ref a { text-decoration: none; }
.footnotes { border-top: 1px solid #999; margin-top: 2em; font-size: 0.9em; }
.footnotes li p { margin: 0 0 0.4em; }
a.footnote-back { text-decoration: none; }
@media print {
  body { max-width: none; margin: 0; padding: 0; }
  a.footnote-back { display: none; }${o.pageBreakBetweenSheets ? '\n  section.sheet + section.sheet { break-before: page; }' : ''}
}
`;
}

function blockHtml(block: Block, writer: InlineHtml): string {
  switch (block.kind) {
    case 'paragraph':
      return `<p>${writer.write(block.inlines)}</p>`;
    case 'blockquote':
      return `<blockquote>${block.blocks.map((b) => blockHtml(b, writer)).join('')}</blockquote>`;
    case 'list': {
      const tag = block.ordered ? 'ol' : 'ul';
      return `<${tag}>${block.items.map((item) => `<li>${item.map((b) => blockHtml(b, writer)).join('')}</li>`).join('')}</${tag}>`;
    }
  }
}

class InlineHtml {
  constructor(private readonly sourceLanguage: string) {}

  write(inlines: readonly Inline[]): string {
    let out = '';
    let i = 0;
    while (i < inlines.length) {
      const item = inlines[i]!;
      if (item.kind === 'break') {
        out += '<br/>';
        i++;
      } else if (item.kind === 'noteRef') {
        const n = item.number;
        out += `<sup class="footnote-ref" id="fnref-${n}"><a href="#fn-${n}" role="doc-noteref">${n}</a></sup>`;
        i++;
      } else if (item.kind === 'untranslated') {
        const lang = this.sourceLanguage ? ` lang="${escapeAttribute(this.sourceLanguage)}" xml:lang="${escapeAttribute(this.sourceLanguage)}"` : '';
        const source = item.source.split('\n').map(escapeText).join('<br/>');
        out +=
          item.mode === 'placeholder'
            ? `<span class="untranslated">[untranslated: <span${lang}>${source}</span>]</span>`
            : `<span class="source"${lang}>${source}</span>`;
        i++;
      } else {
        let j = i;
        while (j < inlines.length && inlines[j]!.kind === 'text' && (inlines[j] as TextInline).href === item.href) j++;
        const runs = (inlines.slice(i, j) as TextInline[]).map(styled).join('');
        out += item.href ? `<a href="${escapeAttribute(item.href)}" rel="noopener noreferrer nofollow">${runs}</a>` : runs;
        i = j;
      }
    }
    return out;
  }
}

function styled(run: TextInline): string {
  let out = escapeText(run.text);
  if (run.em) out = `<em>${out}</em>`;
  if (run.strong) out = `<strong>${out}</strong>`;
  return out;
}
