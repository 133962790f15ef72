/**
 * Inline content between ProseMirror and XML, for both schemas (transcription and annotation
 * body).
 *
 * Writing: ProseMirror keeps marks as a flat, ordered set on each inline node; XML needs them
 * nested. `inlineXml` keeps a stack of open mark elements and, from one node to the next, closes
 * only those no longer shared and opens the new ones — so overlapping marks become properly
 * nested elements (one mark is split into two elements where another begins inside it), and
 * reading them back yields the same marks on the same characters.
 *
 * Reading: the XML is walked into a flat list of items — text with its marks, leaf nodes, and
 * anchors (points that annotation targets are measured from) — which `buildInline` turns into
 * nodes, noting where each anchor fell.
 */
import type { Mark, Node as ProseMirrorNode, Schema } from 'prosemirror-model';
import { escapeText } from './xml';

/** A piece of XML to insert at a document position (an anchor). */
export interface InlinePoint {
  pos: number;
  xml: string;
}

/** How one schema's marks and leaf nodes are written. */
export interface InlineWriter {
  openMark(mark: Mark): string;
  closeMark(mark: Mark): string;
  /** A non-text inline node (a line break, a gap, a note). */
  leaf(node: ProseMirrorNode): string;
}

/**
 * The inline content of a textblock as XML. `contentStart` is the document position of the
 * block's content; `points` (sorted by position) are inserted where they fall: between nodes
 * after the marks that end there are closed and before those that begin are opened, inside a
 * text node within the marks open there (so that a point never splits a mark element).
 */
export function inlineXml(block: ProseMirrorNode, contentStart: number, points: readonly InlinePoint[], writer: InlineWriter): string {
  let out = '';
  const stack: Mark[] = [];
  let next = 0;
  const pointsUpTo = (pos: number) => {
    while (next < points.length && points[next]!.pos <= pos) out += points[next++]!.xml;
  };
  // Between two nodes: close the marks that end, insert the points, open the marks that begin.
  const boundary = (pos: number, marks: readonly Mark[]) => {
    let keep = 0;
    while (keep < stack.length && keep < marks.length && stack[keep]!.eq(marks[keep]!)) keep++;
    while (stack.length > keep) out += writer.closeMark(stack.pop()!);
    pointsUpTo(pos);
    for (let i = keep; i < marks.length; i++) {
      out += writer.openMark(marks[i]!);
      stack.push(marks[i]!);
    }
  };
  block.forEach((child, offset) => {
    const start = contentStart + offset;
    boundary(start, child.marks);
    if (child.isText) {
      const text = child.text!;
      let written = 0;
      while (next < points.length && points[next]!.pos < start + text.length) {
        const cut = points[next]!.pos - start;
        out += escapeText(text.slice(written, cut)) + points[next]!.xml;
        written = cut;
        next++;
      }
      out += escapeText(text.slice(written));
    } else {
      out += writer.leaf(child);
    }
  });
  boundary(contentStart + block.content.size, []);
  return out;
}

/** One piece of inline content read from XML. */
export type InlineItem =
  | { kind: 'text'; text: string; marks: readonly Mark[]; preserve: boolean }
  /** A leaf node with its marks; `lineBreak` for hard breaks, which white space is trimmed around. */
  | { kind: 'leaf'; node: ProseMirrorNode; lineBreak: boolean }
  | { kind: 'anchor'; key: string };

/**
 * Normalises the white space of text read without xml:space="preserve", as XML readers of
 * hand-indented files expect: runs of white space become one space, and none is kept at the
 * start or end of a block or next to a line break. Preserved text is kept as it is.
 */
export function normalizeInline(items: InlineItem[]): InlineItem[] {
  const out: InlineItem[] = [];
  let afterSpace = true; // at the start of a block or line, leading white space goes
  const trimTrailing = () => {
    for (let i = out.length - 1; i >= 0; i--) {
      const item = out[i]!;
      if (item.kind === 'anchor') continue;
      if (item.kind === 'text' && !item.preserve) {
        if (item.text === '') continue;
        if (item.text.endsWith(' ')) out[i] = { ...item, text: item.text.slice(0, -1) };
      }
      return;
    }
  };
  for (const item of items) {
    if (item.kind === 'text') {
      if (item.preserve) {
        out.push(item);
        if (item.text !== '') afterSpace = /[ \t\r\n]$/.test(item.text);
        continue;
      }
      let text = item.text.replace(/[ \t\r\n]+/g, ' ');
      if (afterSpace && text.startsWith(' ')) text = text.slice(1);
      if (text !== '') afterSpace = text.endsWith(' ');
      out.push({ ...item, text });
    } else if (item.kind === 'leaf') {
      if (item.lineBreak) trimTrailing();
      out.push(item);
      afterSpace = item.lineBreak;
    } else {
      out.push(item);
    }
  }
  trimTrailing();
  return out;
}

/** Inline nodes from items, and each anchor's offset within the block's content. */
export function buildInline(schema: Schema, items: readonly InlineItem[]): { nodes: ProseMirrorNode[]; anchors: Array<{ key: string; offset: number }> } {
  const nodes: ProseMirrorNode[] = [];
  const anchors: Array<{ key: string; offset: number }> = [];
  let offset = 0;
  for (const item of items) {
    if (item.kind === 'anchor') {
      anchors.push({ key: item.key, offset });
    } else if (item.kind === 'text') {
      if (item.text === '') continue;
      nodes.push(schema.text(item.text, item.marks));
      offset += item.text.length;
    } else {
      nodes.push(item.node);
      offset += item.node.nodeSize;
    }
  }
  return { nodes, anchors };
}
