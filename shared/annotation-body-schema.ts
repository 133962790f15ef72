/**
 * The ProseMirror schema of an annotation body, version 1: paragraphs, block quotes, bulleted
 * and numbered lists, line breaks; bold, italic and links.
 *
 * Bodies come back in packs from other people, so they are only ever rendered through this
 * schema, never as HTML, and links only keep http(s) and mailto addresses.
 */
import { Schema, type ContentMatch, type MarkType, type Node as ProseMirrorNode, type NodeType } from 'prosemirror-model';
import type { BodyDocJSON } from './annotation';

export const BODY_SCHEMA_VERSION = 1;

/** Whether a link target may be stored in a body. */
export function isAllowedLinkHref(href: string): boolean {
  return /^(https?:\/\/|mailto:)[^\s]+$/i.test(href.trim());
}

export const bodySchema = new Schema({
  nodes: {
    doc: { content: 'block+' },
    paragraph: { content: 'inline*', group: 'block', toDOM: () => ['p', 0], parseDOM: [{ tag: 'p' }] },
    blockquote: {
      content: 'block+',
      group: 'block',
      defining: true,
      toDOM: () => ['blockquote', 0],
      parseDOM: [{ tag: 'blockquote' }],
    },
    bullet_list: { content: 'list_item+', group: 'block', toDOM: () => ['ul', 0], parseDOM: [{ tag: 'ul' }] },
    ordered_list: { content: 'list_item+', group: 'block', toDOM: () => ['ol', 0], parseDOM: [{ tag: 'ol' }] },
    list_item: { content: 'paragraph block*', defining: true, toDOM: () => ['li', 0], parseDOM: [{ tag: 'li' }] },
    text: { group: 'inline' },
    hard_break: { inline: true, group: 'inline', selectable: false, toDOM: () => ['br'], parseDOM: [{ tag: 'br' }] },
  },
  marks: {
    strong: {
      toDOM: () => ['strong', 0],
      parseDOM: [{ tag: 'strong' }, { tag: 'b' }, { style: 'font-weight=bold' }],
    },
    em: { toDOM: () => ['em', 0], parseDOM: [{ tag: 'em' }, { tag: 'i' }, { style: 'font-style=italic' }] },
    link: {
      attrs: { href: {} },
      inclusive: false,
      toDOM: (mark) => [
        'a',
        { href: mark.attrs.href as string, title: mark.attrs.href as string, rel: 'noopener noreferrer nofollow' },
        0,
      ],
      parseDOM: [
        {
          tag: 'a[href]',
          getAttrs: (dom) => {
            const href = (dom as { getAttribute(name: string): string | null }).getAttribute('href') ?? '';
            return isAllowedLinkHref(href) ? { href } : false;
          },
        },
      ],
    },
  },
});

/** An empty body: one empty paragraph. */
export function emptyBodyDoc(): BodyDocJSON {
  return { type: 'doc', content: [{ type: 'paragraph' }] };
}

/** Restores a body, checking it against the schema (a malformed body throws). */
export function bodyFromJSON(json: BodyDocJSON): ProseMirrorNode {
  const doc = bodySchema.nodeFromJSON(json);
  doc.check();
  return doc;
}

/**
 * The plain text of a body, for previews, search and exports: ProseMirror's
 * `textBetween(0, size, "\n", " ")` of the restored body (a line between paragraphs, a space for
 * a line break), trimmed; "" for a body the schema refuses. A pack's export asks it of 11,000
 * bodies, so it reads the text off the JSON where the JSON is plainly valid, and restores the
 * body with ProseMirror only for anything else (the answer is the same either way; a unit test
 * compares the two over many bodies, valid and not).
 */
export function bodyPlainText(json: BodyDocJSON): string {
  const read: TextRead = { text: '', first: true };
  if (isTopNodeJson(json) && collectText(json, bodySchema.topNodeType, read)) return read.text.trim();
  try {
    const doc = bodyFromJSON(json);
    return doc.textBetween(0, doc.content.size, '\n', ' ').trim();
  } catch {
    return '';
  }
}

/** The text read so far, and whether no textblock has been met yet (the first has no line before it). */
interface TextRead {
  text: string;
  first: boolean;
}

/** Whether `json` is a plain body's top node: its type, and no marks (a body's top node never has any). */
function isTopNodeJson(json: unknown): json is Record<string, unknown> {
  return typeof json === 'object' && json !== null && (json as { type?: unknown }).type === bodySchema.topNodeType.name && !('marks' in json);
}

/**
 * Adds the text of `json`, a node of `type` in the body schema, to `read`, as `textBetween`
 * would write it — and answers false, `read` then to be discarded, the moment the JSON is not
 * of the plain shape ProseMirror's `toJSON` writes and the schema accepts: only the keys toJSON
 * writes, no node attributes, marks only on inline nodes and only those their parent allows,
 * none twice, non-empty text, and children the node's content expression accepts. Anything else
 * goes to ProseMirror itself, which knows best whether it is valid.
 */
function collectText(json: Record<string, unknown>, type: NodeType, read: TextRead): boolean {
  for (const key in json) if (key !== 'type' && key !== 'content' && key !== 'marks' && (key !== 'text' || !type.isText)) return false;
  if (type.isText) {
    const text = json.text;
    if (typeof text !== 'string' || text === '') return false;
    read.text += text;
    return true;
  }
  if (type.isTextblock) {
    if (read.first) read.first = false;
    else read.text += '\n';
  }
  const content = json.content;
  if (type.isLeaf) {
    if (content !== undefined) return false;
    read.text += ' ';
    return true;
  }
  if (content !== undefined && !Array.isArray(content)) return false;
  let match: ContentMatch | null = type.contentMatch;
  if (content) {
    for (let i = 0; i < content.length; i++) {
      const child: unknown = content[i];
      if (typeof child !== 'object' || child === null) return false;
      const childJson = child as Record<string, unknown>;
      const name = childJson.type;
      const childType = typeof name === 'string' ? bodySchema.nodes[name] : undefined;
      if (!childType || !(match = match.matchType(childType))) return false;
      if (childJson.marks !== undefined && !(childType.isInline && plainMarks(childJson.marks, type))) return false;
      if (!collectText(childJson, childType, read)) return false;
    }
  }
  return match.validEnd;
}

/** Whether `marks` is a list of marks as toJSON writes them, each allowed in `parent` and none excluding another. */
function plainMarks(marks: unknown, parent: NodeType): boolean {
  if (!Array.isArray(marks)) return false;
  for (let i = 0; i < marks.length; i++) {
    const mark: unknown = marks[i];
    if (typeof mark !== 'object' || mark === null) return false;
    for (const key in mark) if (key !== 'type' && key !== 'attrs') return false;
    const { type: name, attrs } = mark as { type?: unknown; attrs?: unknown };
    const type = typeof name === 'string' ? bodySchema.marks[name] : undefined;
    if (!type || !parent.allowsMarkType(type) || !plainAttrs(attrs, type)) return false;
    for (let j = 0; j < i; j++) {
      const other = bodySchema.marks[(marks[j] as { type: string }).type]!;
      if (other.excludes(type) || type.excludes(other)) return false;
    }
  }
  return true;
}

/** Whether a mark's attributes are exactly those of its type, each a string its type takes as it is. */
function plainAttrs(attrs: unknown, type: MarkType): boolean {
  const specs = type.spec.attrs;
  if (!specs) return attrs === undefined;
  if (typeof attrs !== 'object' || attrs === null || Array.isArray(attrs)) return false;
  const given = attrs as Record<string, unknown>;
  let count = 0;
  for (const name in given) {
    if (!Object.hasOwn(specs, name) || typeof given[name] !== 'string' || specs[name]!.validate) return false;
    count++;
  }
  return count === Object.keys(specs).length;
}
