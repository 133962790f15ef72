/**
 * The ProseMirror schema of an annotation body, version 1: paragraphs, block quotes, bulleted
 * and numbered lists, line breaks; bold, italic and links.
 *
 * Bodies come back in packs from other people, so they are only ever rendered through this
 * schema, never as HTML, and links only keep http(s) and mailto addresses.
 */
import { Schema, type Node as ProseMirrorNode } from 'prosemirror-model';
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

/** The plain text of a body, for previews, search and exports. */
export function bodyPlainText(json: BodyDocJSON): string {
  try {
    const doc = bodyFromJSON(json);
    return doc.textBetween(0, doc.content.size, '\n', ' ').trim();
  } catch {
    return '';
  }
}
