/**
 * An English rendering as a Word document (.docx), written with the `docx` library: the title,
 * the metadata header, the credit, each sheet's marker (a centred line or a heading, optionally
 * on a new page), the paragraphs, and the commentary as real Word footnotes. Bold, italic, links,
 * lists and quotes come from the bodies (block quotes as indented paragraphs).
 *
 * `docx` builds the document's XML itself and escapes what it writes; every string it gets has
 * already been through `cleanText`, which replaces what XML cannot carry at all.
 */
import {
  AlignmentType,
  Document,
  ExternalHyperlink,
  FootnoteReferenceRun,
  HeadingLevel,
  LevelFormat,
  Packer,
  Paragraph,
  TextRun,
  type IParagraphOptions,
  type ParagraphChild,
} from 'docx';
import { cleanText, type Block, type Inline, type TextInline } from './blocks';
import {
  creditLine,
  footnoteBlocks,
  footnoteNumbers,
  headerFields,
  joinNames,
  paragraphBlocks,
  progressLine,
  resolveOptions,
  sheetMarkerText,
} from './layout';
import type { EnglishRendering, RenderingExportOptions } from './types';

export interface DocxOptions extends RenderingExportOptions {
  /** The language Word checks the English in ("en-US" by default; "en-GB" for British spelling). */
  wordLanguage?: string;
}

const ORDERED_LIST = 'marginalia-ordered-list';
/** Indentation of one level of quote or list, in twentieths of a point (half an inch). */
const INDENT = 720;
const GREY = '666666';

export async function renderingToDocx(r: EnglishRendering, options: DocxOptions = {}): Promise<Uint8Array> {
  const o = resolveOptions(options);
  const notes = footnoteNumbers(r);
  const writer = new DocxWriter(r.sourceLanguage);
  const title = oneLine(r.metadata.title) || 'Untitled document';
  const children: Paragraph[] = [];

  children.push(new Paragraph({ heading: HeadingLevel.TITLE, children: [new TextRun(title)] }));
  for (const f of headerFields(r.metadata)) {
    const runs: ParagraphChild[] = [new TextRun({ text: `${f.label}: `, bold: true })];
    if (f.text !== '') runs.push(new TextRun(f.text));
    if (f.url) {
      if (f.text !== '') runs.push(new TextRun(' '));
      runs.push(new ExternalHyperlink({ link: f.url, children: [new TextRun({ text: f.url, style: 'Hyperlink' })] }));
    }
    children.push(new Paragraph({ children: runs, spacing: { after: 60 } }));
  }
  const credit = creditLine(r);
  if (credit) children.push(new Paragraph({ children: [new TextRun({ text: credit, italics: true })], spacing: { before: 200 } }));
  const draft = o.progressNote ? progressLine(r) : null;
  if (draft) children.push(new Paragraph({ children: [new TextRun({ text: draft, italics: true, color: GREY })] }));

  r.sheets.forEach((sheet, i) => {
    const pageBreakBefore = o.pageBreakBetweenSheets && i > 0;
    const marker = sheetMarkerText(sheet);
    const body: Paragraph[] = [];
    for (const paragraph of sheet.paragraphs) {
      for (const block of paragraphBlocks(paragraph, r, notes)) body.push(...writer.block(block, { quote: 0, list: 0 }, true));
    }
    if (o.sheetMarkers === 'line') {
      children.push(
        new Paragraph({
          alignment: AlignmentType.CENTER,
          pageBreakBefore,
          keepNext: true,
          spacing: { before: 360, after: 240 },
          children: [new TextRun({ text: `— ${marker} —`, color: GREY })],
        }),
      );
    } else if (o.sheetMarkers === 'heading') {
      children.push(new Paragraph({ heading: HeadingLevel.HEADING_2, pageBreakBefore, children: [new TextRun(marker)] }));
    } else if (pageBreakBefore) {
      children.push(new Paragraph({ pageBreakBefore: true, children: [] }));
    }
    children.push(...body);
  });

  const footnotes: Record<string, { children: Paragraph[] }> = {};
  r.footnotes.forEach((_, i) => {
    const blocks = footnoteBlocks(r, i, o);
    // Word writes a space between a footnote's number and its text.
    const first = blocks[0];
    if (first?.kind === 'paragraph') first.inlines.unshift({ kind: 'text', text: ' ', strong: false, em: false, href: null });
    const paragraphs = blocks.flatMap((block) => writer.block(block, { quote: 0, list: 0 }, false));
    footnotes[String(i + 1)] = { children: paragraphs.length > 0 ? paragraphs : [new Paragraph('')] };
  });

  const translators = r.translators.map((n) => oneLine(n)).filter((n) => n !== '');
  const document = new Document({
    title,
    creator: translators.length > 0 ? joinNames(translators) : 'Marginalia',
    description: `English translation of “${title}”`,
    ...(oneLine(r.metadata.originalLanguage) !== '' ? { subject: `Translated from ${oneLine(r.metadata.originalLanguage)}` } : {}),
    styles: {
      default: {
        document: { run: { font: 'Georgia', size: 22, language: { value: options.wordLanguage ?? 'en-US' } } },
      },
    },
    numbering: {
      config: [
        {
          reference: ORDERED_LIST,
          levels: Array.from({ length: 9 }, (_, level) => ({
            level,
            format: LevelFormat.DECIMAL,
            text: `%${level + 1}.`,
            alignment: AlignmentType.START,
            style: { paragraph: { indent: { left: INDENT * (level + 1), hanging: 360 } } },
          })),
        },
      ],
    },
    footnotes,
    sections: [{ children }],
  });
  return Packer.pack(document, 'uint8array');
}

function oneLine(text: string): string {
  return cleanText(text).replace(/\s+/g, ' ').trim();
}

interface Depth {
  quote: number;
  list: number;
}

class DocxWriter {
  /** Each numbered list is its own instance of the numbering, so that it starts at 1. */
  private listInstance = 0;

  constructor(private readonly sourceLanguage: string) {}

  /** A block as paragraphs; `inBody` is false in footnotes (where Word allows no footnote marks). */
  block(block: Block, depth: Depth, inBody: boolean, list?: IParagraphOptions['numbering'] | 'bullet'): Paragraph[] {
    switch (block.kind) {
      case 'paragraph': {
        const indentLevels = depth.quote + depth.list;
        const options: IParagraphOptions = {
          children: this.inlines(block.inlines, inBody),
          ...(inBody || list ? {} : { style: 'FootnoteText' }),
          ...(list === 'bullet'
            ? { bullet: { level: Math.min(depth.list - 1, 8) } }
            : list
              ? { numbering: list }
              : indentLevels > 0
                ? { indent: { left: INDENT * indentLevels } }
                : {}),
        };
        return [new Paragraph(options)];
      }
      case 'blockquote':
        return block.blocks.flatMap((b) => this.block(b, { ...depth, quote: depth.quote + 1 }, inBody));
      case 'list': {
        const inner: Depth = { ...depth, list: depth.list + 1 };
        const instance = block.ordered ? ++this.listInstance : 0;
        return block.items.flatMap((item) =>
          item.flatMap((b, i) => {
            // The item's first paragraph carries its bullet or number; what follows is indented under it.
            const marker =
              i > 0 || b.kind !== 'paragraph'
                ? undefined
                : block.ordered
                  ? { reference: ORDERED_LIST, level: Math.min(inner.list - 1, 8), instance }
                  : ('bullet' as const);
            return this.block(b, inner, inBody, marker);
          }),
        );
      }
    }
  }

  inlines(inlines: readonly Inline[], inBody: boolean): ParagraphChild[] {
    const out: ParagraphChild[] = [];
    let i = 0;
    while (i < inlines.length) {
      const item = inlines[i]!;
      if (item.kind === 'break') {
        out.push(new TextRun({ break: 1 }));
        i++;
      } else if (item.kind === 'noteRef') {
        if (inBody) out.push(new FootnoteReferenceRun(item.number));
        i++;
      } else if (item.kind === 'untranslated') {
        const source = item.source.split('\n').map(
          (line, n) =>
            new TextRun({
              text: line,
              ...(n > 0 ? { break: 1 } : {}),
              ...(this.sourceLanguage ? { language: { value: this.sourceLanguage } } : {}),
              ...(item.mode === 'placeholder' ? { italics: true, color: GREY } : {}),
            }),
        );
        if (item.mode === 'placeholder') {
          out.push(new TextRun({ text: '[untranslated: ', italics: true, color: GREY }), ...source, new TextRun({ text: ']', italics: true, color: GREY }));
        } else {
          out.push(...source);
        }
        i++;
      } else {
        let j = i;
        while (j < inlines.length && inlines[j]!.kind === 'text' && (inlines[j] as TextInline).href === item.href) j++;
        const runs = (inlines.slice(i, j) as TextInline[]).map(
          (run) =>
            new TextRun({
              text: run.text,
              ...(run.strong ? { bold: true } : {}),
              ...(run.em ? { italics: true } : {}),
              ...(item.href ? { style: 'Hyperlink' } : {}),
            }),
        );
        if (item.href) out.push(new ExternalHyperlink({ link: item.href, children: runs }));
        else out.push(...runs);
        i = j;
      }
    }
    return out;
  }
}
