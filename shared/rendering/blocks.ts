/**
 * The neutral form every exporter writes from: blocks of inline content.
 *
 * Annotation bodies reach the exporters only through `bodyBlocks`, which restores a body through
 * the body schema (so only its node and mark types can occur) and keeps of each node exactly
 * what the whitelist below names: paragraphs, block quotes, lists and list items, text, line
 * breaks; bold, italic, and links to http(s)/mailto addresses. Nothing in a body is ever passed
 * on as markup: a "<script>" in a body is text, escaped by each writer.
 */
import type { Node as ProseMirrorNode } from 'prosemirror-model';
import type { BodyDocJSON } from '../annotation';
import { bodyFromJSON, isAllowedLinkHref } from '../annotation-body-schema';

export interface TextInline {
  kind: 'text';
  text: string;
  strong: boolean;
  em: boolean;
  /** An allowed link address, or null. */
  href: string | null;
}

/** An untranslated segment: "[untranslated: <source>]" or the source text itself. */
export interface UntranslatedInline {
  kind: 'untranslated';
  source: string;
  mode: 'placeholder' | 'source';
}

export type Inline = TextInline | UntranslatedInline | { kind: 'break' } | { kind: 'noteRef'; number: number };

export type Block =
  | { kind: 'paragraph'; inlines: Inline[] }
  | { kind: 'blockquote'; blocks: Block[] }
  | { kind: 'list'; ordered: boolean; items: Block[][] };

/** Characters XML 1.0 (and so HTML written as XHTML, and DOCX) cannot carry. */
const NOT_XML_CHARACTER = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/** Text made safe to carry in any of the outputs: CR LF and CR become LF, unrepresentable characters U+FFFD. */
export function cleanText(text: string): string {
  return text.replace(/\r\n?/g, '\n').replace(NOT_XML_CHARACTER, '\uFFFD');
}

export function plainText(text: string): TextInline {
  return { kind: 'text', text, strong: false, em: false, href: null };
}

/**
 * A body as blocks. A body that does not fit the schema (it cannot come from the app, but packs
 * come from elsewhere) is read as one paragraph of the text found in it, rather than lost.
 */
export function bodyBlocks(json: BodyDocJSON): Block[] {
  let doc: ProseMirrorNode;
  try {
    doc = bodyFromJSON(json);
  } catch {
    const text = looseText(json).replace(/\s+/g, ' ').trim();
    return text === '' ? [] : [{ kind: 'paragraph', inlines: textInlines(plainText(text)) }];
  }
  return childBlocks(doc);
}

function childBlocks(node: ProseMirrorNode): Block[] {
  const out: Block[] = [];
  node.forEach((child) => {
    const block = blockOf(child);
    if (block) out.push(block);
  });
  return out;
}

function blockOf(node: ProseMirrorNode): Block | null {
  switch (node.type.name) {
    case 'paragraph':
      return { kind: 'paragraph', inlines: inlinesOf(node) };
    case 'blockquote':
      return { kind: 'blockquote', blocks: childBlocks(node) };
    case 'bullet_list':
    case 'ordered_list': {
      const items: Block[][] = [];
      node.forEach((item) => items.push(childBlocks(item)));
      return { kind: 'list', ordered: node.type.name === 'ordered_list', items };
    }
    default:
      // Not in the whitelist: its text only.
      return { kind: 'paragraph', inlines: textInlines(plainText(node.textContent)) };
  }
}

function inlinesOf(paragraph: ProseMirrorNode): Inline[] {
  const out: Inline[] = [];
  paragraph.forEach((child) => {
    if (child.isText) {
      let strong = false;
      let em = false;
      let href: string | null = null;
      for (const mark of child.marks) {
        if (mark.type.name === 'strong') strong = true;
        else if (mark.type.name === 'em') em = true;
        else if (mark.type.name === 'link') {
          const target = String(mark.attrs.href ?? '').trim();
          href = isAllowedLinkHref(target) ? target : null;
        }
      }
      out.push(...textInlines({ kind: 'text', text: child.text ?? '', strong, em, href }));
    } else if (child.type.name === 'hard_break') {
      out.push({ kind: 'break' });
    }
  });
  return out;
}

/** A text inline cleaned, with any newline in it made a line break. */
export function textInlines(inline: TextInline): Inline[] {
  const out: Inline[] = [];
  cleanText(inline.text)
    .split('\n')
    .forEach((line, i) => {
      if (i > 0) out.push({ kind: 'break' });
      if (line !== '') out.push({ ...inline, text: line });
    });
  return out;
}

/** Every `text` string in a JSON value, in order, space-separated. */
function looseText(value: unknown, depth = 0): string {
  if (depth > 100 || value === null || typeof value !== 'object') return '';
  if (Array.isArray(value)) return value.map((v) => looseText(v, depth + 1)).join(' ');
  const record = value as Record<string, unknown>;
  const own = typeof record.text === 'string' ? record.text : '';
  return `${own} ${looseText(record.content, depth + 1)}`;
}

// ---------------------------------------------------------------------------------------------
// Trimming and joining

/** Whether blocks hold anything to show. */
export function hasContent(blocks: readonly Block[]): boolean {
  return blocks.some((block) =>
    block.kind === 'paragraph'
      ? block.inlines.some((i) => i.kind !== 'text' || i.text.trim() !== '')
      : block.kind === 'blockquote'
        ? hasContent(block.blocks)
        : block.items.some((item) => hasContent(item)),
  );
}

/** Inlines without white space (or line breaks) at either end. */
export function trimInlines(inlines: readonly Inline[]): Inline[] {
  const out = [...inlines];
  while (out.length > 0) {
    const first = out[0]!;
    if (first.kind === 'break') out.shift();
    else if (first.kind === 'text' && first.text.trimStart() !== first.text) {
      const text = first.text.trimStart();
      if (text === '') out.shift();
      else out[0] = { ...first, text };
    } else break;
  }
  while (out.length > 0) {
    const last = out[out.length - 1]!;
    if (last.kind === 'break') out.pop();
    else if (last.kind === 'text' && last.text.trimEnd() !== last.text) {
      const text = last.text.trimEnd();
      if (text === '') out.pop();
      else out[out.length - 1] = { ...last, text };
    } else break;
  }
  return out;
}

/** Adds an inline at the end of the last paragraph within the blocks (descending into quotes and lists). */
export function appendToLastParagraph(blocks: Block[], inline: Inline): boolean {
  const last = blocks[blocks.length - 1];
  if (!last) return false;
  if (last.kind === 'paragraph') {
    last.inlines.push(inline);
    return true;
  }
  if (last.kind === 'blockquote') return appendToLastParagraph(last.blocks, inline);
  const item = last.items[last.items.length - 1];
  return item ? appendToLastParagraph(item, inline) : false;
}
