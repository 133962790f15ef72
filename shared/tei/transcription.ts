/**
 * A transcription (ProseMirror, schema version 2) as a TEI `<body>`, and back.
 *
 * Writing: each sheet starts with `<pb n="{number as written}" facs="#sheet-N"/>`, each
 * paragraph is a `<p xml:space="preserve">`, line breaks are `<lb/>`, and the editorial marks
 * and atoms become the TEI elements editorial.ts names. Annotation anchors (`<anchor xml:id>`)
 * are inserted at the document positions given.
 *
 * Reading takes Marginalia's own bodies and reasonable hand-written ones: `p`, `ab`, `head`, `l`
 * and the like are paragraphs; `div`, `lg`, `list` and other containers are looked into; a `pb`
 * anywhere (inside a paragraph too) starts a new sheet; elements not known here keep their
 * text. Positions of anchors, and of the start and end of every element with an `xml:id`, are
 * recorded so that annotation targets can be rebuilt from them.
 */
import type { Element, Node as XmlNode } from '@xmldom/xmldom';
import type { Mark, Node as ProseMirrorNode } from 'prosemirror-model';
import { transcriptionSchema } from '../transcription/schema';
import { handXmlId } from './header';
import { buildInline, inlineXml, normalizeInline, type InlineItem, type InlinePoint, type InlineWriter } from './inline';
import {
  attribute,
  CDATA_SECTION_NODE,
  closeTag,
  emptyTag,
  escapeText,
  isElement,
  openTag,
  preservesSpace,
  spaceOf,
  teiName,
  TEXT_NODE,
  textValue,
} from './xml';

/** The xml:id of the facsimile surface of the sheet at an index. */
export function sheetXmlId(index: number): string {
  return `sheet-${index + 1}`;
}

/** The distinct descriptions of other hands in the transcription, in order of first use. */
export function handDescriptions(doc: ProseMirrorNode): string[] {
  const seen = new Set<string>();
  doc.descendants((node) => {
    for (const mark of node.marks) {
      const description = mark.type.name === 'hand' ? (mark.attrs.description as string) : '';
      if (description !== '') seen.add(description);
    }
    return true;
  });
  return [...seen];
}

/** A point in the transcription where an `<anchor xml:id>` goes. */
export interface AnchorPlacement {
  pos: number;
  xmlId: string;
}

/** The transcription as a TEI `<body>` element, indented for its place in `<text>`. */
export function transcriptionBodyXml(doc: ProseMirrorNode, anchors: readonly AnchorPlacement[], hands: readonly string[]): string {
  const handIds = new Map(hands.map((description, i) => [description, handXmlId(i)]));
  const points: InlinePoint[] = [...anchors]
    .sort((a, b) => a.pos - b.pos)
    .map((a) => ({ pos: a.pos, xml: emptyTag('anchor', [['xml:id', a.xmlId]]) }));
  const writer = transcriptionWriter(handIds);
  let out = '    <body>\n';
  let next = 0;
  doc.forEach((sheet, sheetOffset, sheetIndex) => {
    const numberAsWritten = sheet.attrs.numberAsWritten as string;
    out += `      ${emptyTag('pb', [['n', numberAsWritten || undefined], ['facs', `#${sheetXmlId(sheetIndex)}`]])}\n`;
    sheet.forEach((paragraph, paragraphOffset) => {
      const contentStart = sheetOffset + 1 + paragraphOffset + 1;
      const contentEnd = contentStart + paragraph.content.size;
      const mine: InlinePoint[] = [];
      while (next < points.length && points[next]!.pos <= contentEnd) mine.push(points[next++]!);
      const content = inlineXml(paragraph, contentStart, mine, writer);
      out += `      ${content === '' ? emptyTag('p', [['xml:space', 'preserve']]) : `${openTag('p', [['xml:space', 'preserve']])}${content}${closeTag('p')}`}\n`;
    });
  });
  if (next < points.length) throw new RangeError('An anchor lies outside every paragraph of the transcription.');
  return out + '    </body>\n';
}

function nonEmpty(value: unknown): string | undefined {
  return typeof value === 'string' && value !== '' ? value : undefined;
}

function transcriptionWriter(handIds: ReadonlyMap<string, string>): InlineWriter {
  return {
    openMark(mark) {
      const a = mark.attrs;
      switch (mark.type.name) {
        case 'unclear':
          return openTag('unclear', [['reason', nonEmpty(a.reason)]]);
        case 'supplied':
          return openTag('supplied', [['reason', nonEmpty(a.reason)]]);
        case 'deleted':
          return openTag('del', [['rend', nonEmpty(a.rend)]]);
        case 'added':
          return openTag('add', [['place', nonEmpty(a.place)]]);
        case 'corrected': {
          const sic = a.sic as string;
          return `<choice>${sic === '' ? '<sic/>' : `<sic>${escapeText(sic)}</sic>`}<corr>`;
        }
        case 'abbreviation':
          return '<choice><abbr>';
        case 'hand': {
          const id = handIds.get(a.description as string);
          return openTag('seg', [['type', 'hand'], ['hand', id ? `#${id}` : undefined]]);
        }
        case 'printed':
          return a.kind === 'form' ? openTag('seg', [['type', 'printed']]) : '<stamp>';
        default:
          throw new RangeError(`No TEI encoding for the mark “${mark.type.name}”.`);
      }
    },
    closeMark(mark) {
      switch (mark.type.name) {
        case 'unclear':
          return '</unclear>';
        case 'supplied':
          return '</supplied>';
        case 'deleted':
          return '</del>';
        case 'added':
          return '</add>';
        case 'corrected':
          return '</corr></choice>';
        case 'abbreviation': {
          const expansion = mark.attrs.expansion as string;
          return `</abbr>${expansion === '' ? '<expan/>' : `<expan>${escapeText(expansion)}</expan>`}</choice>`;
        }
        case 'hand':
          return '</seg>';
        case 'printed':
          return mark.attrs.kind === 'form' ? '</seg>' : '</stamp>';
        default:
          throw new RangeError(`No TEI encoding for the mark “${mark.type.name}”.`);
      }
    },
    leaf(node) {
      switch (node.type.name) {
        case 'hard_break':
          return '<lb/>';
        case 'gap':
          return emptyTag('gap', [['reason', nonEmpty(node.attrs.reason)], ['extent', nonEmpty(node.attrs.extent)]]);
        case 'editorial_note': {
          const text = node.attrs.text as string;
          return text === '' ? '<note type="editorial"/>' : `<note type="editorial">${escapeText(text)}</note>`;
        }
        default:
          throw new RangeError(`No TEI encoding for the node “${node.type.name}”.`);
      }
    },
  };
}

// ---------------------------------------------------------------------------------------------
// Reading

/** Elements whose children are blocks (paragraphs and further containers). */
const CONTAINERS = new Set([
  'body', 'front', 'back', 'group', 'text', 'div', 'div1', 'div2', 'div3', 'div4', 'div5', 'div6', 'div7',
  'lg', 'list', 'listBibl', 'opener', 'closer', 'postscript', 'floatingText', 'sp', 'table', 'row',
  'quote', 'argument', 'epigraph', 'letter', 'titlePage', 'docImprint',
]);

/** Elements that are one paragraph each. */
const PARAGRAPHS = new Set([
  'p', 'ab', 'head', 'l', 'item', 'cell', 'salute', 'signed', 'dateline', 'byline', 'trailer',
  'docTitle', 'titlePart', 'docAuthor', 'docDate', 'label', 'speaker', 'stage', 'address', 'bibl',
]);

/** The transcription read from a TEI `<body>`, and where its anchors and identified elements lie. */
export interface TranscriptionRead {
  doc: ProseMirrorNode;
  /**
   * Document positions by key: `point:{id}` for an `<anchor>`, `start:{id}` and `end:{id}` for
   * the two ends of any other element with an xml:id.
   */
  positions: Map<string, number>;
}

interface SheetBuild {
  numberAsWritten: string;
  facs: string | null;
  paragraphs: InlineItem[][];
}

/**
 * Reads a TEI body. `labelFor(facs, index)` names a sheet from its page break's @facs; `hands`
 * gives the description of each hand by xml:id; `fail` throws the error to report.
 */
export function readTranscription(
  body: Element,
  options: { labelFor: (facs: string | null, index: number) => string; hands: ReadonlyMap<string, string>; fail: (reason: string) => never },
): TranscriptionRead {
  const builder = new TranscriptionBuilder(options.hands, options.fail);
  builder.blocks(body, preservesSpace(body));
  return builder.finish(options.labelFor);
}

class TranscriptionBuilder {
  private readonly sheets: SheetBuild[] = [];
  private paragraph: InlineItem[] | null = null;
  /** Anchors met between blocks, for the start of the next paragraph. */
  private pending: InlineItem[] = [];

  constructor(
    private readonly hands: ReadonlyMap<string, string>,
    private readonly fail: (reason: string) => never,
  ) {}

  private sheet(): SheetBuild {
    if (this.sheets.length === 0) this.sheets.push({ numberAsWritten: '', facs: null, paragraphs: [] });
    return this.sheets[this.sheets.length - 1]!;
  }

  private beginParagraph(): InlineItem[] {
    const paragraph = [...this.pending];
    this.pending = [];
    this.sheet().paragraphs.push(paragraph);
    this.paragraph = paragraph;
    return paragraph;
  }

  private push(item: InlineItem): void {
    (this.paragraph ?? this.beginParagraph()).push(item);
  }

  /** A point that belongs where it is if a paragraph is open, else at the next paragraph's start. */
  private pushPoint(key: string): void {
    const item: InlineItem = { kind: 'anchor', key };
    if (this.paragraph) this.paragraph.push(item);
    else this.pending.push(item);
  }

  /** The end of an element: where the open paragraph is, else the end of the last paragraph. */
  private pushEnd(key: string): void {
    const item: InlineItem = { kind: 'anchor', key };
    const last = this.sheets[this.sheets.length - 1]?.paragraphs.at(-1);
    if (this.paragraph) this.paragraph.push(item);
    else if (last) last.push(item);
    else this.pending.push(item);
  }

  private pageBreak(pb: Element): void {
    const open = this.paragraph;
    if (open && open.every((item) => item.kind === 'anchor' || (item.kind === 'text' && !item.preserve && /^[ \t\r\n]*$/.test(item.text)))) {
      // Nothing of the paragraph before the break: it starts on the new sheet instead.
      this.sheet().paragraphs.pop();
      this.pending.push(...open.filter((item) => item.kind === 'anchor'));
    }
    this.paragraph = null;
    this.sheets.push({ numberAsWritten: attribute(pb, 'n') ?? '', facs: attribute(pb, 'facs'), paragraphs: [] });
  }

  /** The children of a container element. */
  blocks(container: Element, preserve: boolean): void {
    for (let child: XmlNode | null = container.firstChild; child; child = child.nextSibling) {
      if (child.nodeType === TEXT_NODE || child.nodeType === CDATA_SECTION_NODE) {
        const text = (child as unknown as { data: string }).data;
        // White space between blocks is indentation; within a paragraph of loose inline content it counts.
        if (/[^ \t\r\n]/.test(text) || this.paragraph) this.push({ kind: 'text', text, marks: [], preserve });
        continue;
      }
      if (!isElement(child)) continue;
      const name = teiName(child);
      const childPreserve = spaceOf(child, preserve);
      const id = attribute(child, 'xml:id');
      if (name !== null && CONTAINERS.has(name)) {
        this.paragraph = null;
        if (id) this.pushPoint(`start:${id}`);
        this.blocks(child, childPreserve);
        this.paragraph = null;
        if (id) this.pushEnd(`end:${id}`);
      } else if (name !== null && PARAGRAPHS.has(name)) {
        this.beginParagraph();
        if (id) this.pushPoint(`start:${id}`);
        this.inline(child, [], childPreserve);
        if (id) this.pushEnd(`end:${id}`);
        this.paragraph = null;
      } else if (name === 'lb' && !this.paragraph) {
        // A line break between paragraphs breaks nothing.
      } else if (name === 'pb' || name === 'anchor') {
        this.inlineElement(child, [], childPreserve);
      } else {
        // Anything else at block level (a note, a figure, a gap) is inline content of a paragraph of its own.
        if (!this.paragraph) this.beginParagraph();
        this.inlineElement(child, [], childPreserve);
      }
    }
  }

  /** The children of an element holding inline content. */
  private inline(element: Element, marks: readonly Mark[], preserve: boolean): void {
    for (let child: XmlNode | null = element.firstChild; child; child = child.nextSibling) {
      if (child.nodeType === TEXT_NODE || child.nodeType === CDATA_SECTION_NODE) {
        this.push({ kind: 'text', text: (child as unknown as { data: string }).data, marks, preserve });
      } else if (isElement(child)) {
        this.inlineElement(child, marks, spaceOf(child, preserve));
      }
    }
  }

  private inlineElement(element: Element, marks: readonly Mark[], preserve: boolean): void {
    const name = teiName(element);
    const id = attribute(element, 'xml:id');
    if (name === 'anchor') {
      if (id) this.pushPoint(`point:${id}`);
      return;
    }
    if (name === 'pb') {
      this.pageBreak(element);
      return;
    }
    if (id) this.pushPoint(`start:${id}`);
    this.inlineContent(element, name, marks, preserve);
    if (id) this.pushPoint(`end:${id}`);
  }

  private inlineContent(element: Element, name: string | null, marks: readonly Mark[], preserve: boolean): void {
    const { marks: types, nodes } = transcriptionSchema;
    const withMark = (mark: Mark) => this.inline(element, mark.addToSet(marks), preserve);
    const leaf = (node: ProseMirrorNode, lineBreak = false) => this.push({ kind: 'leaf', node: node.mark(marks), lineBreak });
    switch (name) {
      case 'lb':
        return leaf(nodes.hard_break!.create(), true);
      case 'gap':
        return leaf(nodes.gap!.create({ reason: attribute(element, 'reason') || 'illegible', extent: attribute(element, 'extent') ?? '' }));
      case 'note':
        return leaf(nodes.editorial_note!.create({ text: textValue(element) }));
      case 'unclear':
        return withMark(types.unclear!.create({ reason: attribute(element, 'reason') ?? '' }));
      case 'supplied':
        return withMark(types.supplied!.create({ reason: attribute(element, 'reason') ?? '' }));
      case 'del':
        return withMark(types.deleted!.create({ rend: attribute(element, 'rend') ?? '' }));
      case 'add':
        return withMark(types.added!.create({ place: attribute(element, 'place') ?? '' }));
      case 'corr':
        return withMark(types.corrected!.create({ sic: '' }));
      case 'abbr':
        return withMark(types.abbreviation!.create({ expansion: '' }));
      case 'stamp':
        return withMark(types.printed!.create({ kind: 'stamp' }));
      case 'seg': {
        const type = attribute(element, 'type');
        if (type === 'hand') return withMark(types.hand!.create({ description: this.handDescription(attribute(element, 'hand')) }));
        if (type === 'printed') return withMark(types.printed!.create({ kind: 'form' }));
        return this.inline(element, marks, preserve);
      }
      case 'choice':
        return this.choice(element, marks);
      default:
        // sic and expan outside a choice, names, dates, hi, and elements of other namespaces: their text.
        return this.inline(element, marks, preserve);
    }
  }

  /** A choice: the corrected reading with the original kept, or the abbreviation with its expansion. */
  private choice(choice: Element, marks: readonly Mark[]): void {
    const { marks: types } = transcriptionSchema;
    const parts: Element[] = [];
    for (let child: XmlNode | null = choice.firstChild; child; child = child.nextSibling) if (isElement(child) && teiName(child) !== null) parts.push(child);
    const part = (name: string) => parts.find((p) => p.localName === name) ?? null;
    const corr = part('corr');
    const abbr = part('abbr');
    if (corr) {
      const mark = types.corrected!.create({ sic: textValue(part('sic')) });
      this.inlineWithId(corr, mark.addToSet(marks));
    } else if (abbr) {
      const mark = types.abbreviation!.create({ expansion: textValue(part('expan')) });
      this.inlineWithId(abbr, mark.addToSet(marks));
    } else {
      // orig/reg and other pairs: the regularised reading, else the first.
      const shown = part('reg') ?? parts[0];
      if (shown) this.inlineWithId(shown, marks);
    }
  }

  private inlineWithId(element: Element, marks: readonly Mark[]): void {
    const id = attribute(element, 'xml:id');
    if (id) this.pushPoint(`start:${id}`);
    this.inline(element, marks, preservesSpace(element));
    if (id) this.pushPoint(`end:${id}`);
  }

  private handDescription(pointer: string | null): string {
    if (!pointer) return '';
    const id = pointer.trim().split(/\s+/)[0]!.replace(/^#/, '');
    return this.hands.get(id) ?? id;
  }

  finish(labelFor: (facs: string | null, index: number) => string): TranscriptionRead {
    const { nodes } = transcriptionSchema;
    if (this.pending.length > 0) {
      const last = this.sheet().paragraphs.at(-1) ?? this.beginParagraph();
      last.push(...this.pending);
      this.pending = [];
    }
    if (this.sheets.length === 0) this.sheet();
    const positions = new Map<string, number>();
    let sheetPos = 0;
    const sheetNodes = this.sheets.map((sheet, index) => {
      const paragraphs = sheet.paragraphs.length > 0 ? sheet.paragraphs : [[]];
      let paragraphPos = sheetPos + 1;
      const paragraphNodes = paragraphs.map((items) => {
        const { nodes: inline, anchors } = buildInline(transcriptionSchema, normalizeInline(items));
        const paragraph = nodes.paragraph!.create(null, inline);
        for (const anchor of anchors) if (!positions.has(anchor.key)) positions.set(anchor.key, paragraphPos + 1 + anchor.offset);
        paragraphPos += paragraph.nodeSize;
        return paragraph;
      });
      const sheetNode = nodes.sheet!.create({ label: labelFor(sheet.facs, index), numberAsWritten: sheet.numberAsWritten }, paragraphNodes);
      sheetPos += sheetNode.nodeSize;
      return sheetNode;
    });
    const doc = nodes.doc!.create(null, sheetNodes);
    try {
      doc.check();
    } catch (error) {
      this.fail(`its transcription could not be read (${(error as Error).message}).`);
    }
    return { doc, positions };
  }
}
