/**
 * An annotation's rich-text body (annotation-body-schema.ts) as TEI, and back.
 *
 * paragraph → `p`; blockquote → `quote` (holding `p`s); bullet and numbered lists → `list
 * rend="bulleted"` / `list rend="numbered"` of `item`s; line break → `lb`; bold and italic →
 * `hi rend="bold"` / `hi rend="italic"`; link → `ref target`.
 *
 * Reading also takes what hand-written annotations use: `emph`, `hi` with other renditions
 * (kept as plain text unless bold or italic), `ptr`, text directly in the note. Links keep only
 * the addresses the body schema allows (http, https, mailto); any other becomes plain text.
 */
import type { Element, Node as XmlNode } from '@xmldom/xmldom';
import type { Mark, Node as ProseMirrorNode } from 'prosemirror-model';
import type { BodyDocJSON } from '../annotation';
import { bodyFromJSON, bodySchema, isAllowedLinkHref } from '../annotation-body-schema';
import { buildInline, inlineXml, normalizeInline, type InlineItem, type InlineWriter } from './inline';
import { attribute, CDATA_SECTION_NODE, closeTag, isElement, openTag, rawText, spaceOf, teiName, TEXT_NODE } from './xml';

const bodyWriter: InlineWriter = {
  openMark(mark) {
    switch (mark.type.name) {
      case 'strong':
        return '<hi rend="bold">';
      case 'em':
        return '<hi rend="italic">';
      case 'link':
        return openTag('ref', [['target', mark.attrs.href as string]]);
      default:
        throw new RangeError(`No TEI encoding for the body mark “${mark.type.name}”.`);
    }
  },
  closeMark(mark) {
    return mark.type.name === 'link' ? '</ref>' : '</hi>';
  },
  leaf(node) {
    if (node.type.name === 'hard_break') return '<lb/>';
    throw new RangeError(`No TEI encoding for the body node “${node.type.name}”.`);
  },
};

/** The body as TEI block elements, on one line (white space inside is significant). */
export function bodyXml(json: BodyDocJSON): string {
  const doc = bodyFromJSON(json);
  let out = '';
  doc.forEach((block) => (out += blockXml(block)));
  return out;
}

function blockXml(node: ProseMirrorNode): string {
  const children = () => {
    let out = '';
    node.forEach((child) => (out += blockXml(child)));
    return out;
  };
  switch (node.type.name) {
    case 'paragraph': {
      const content = inlineXml(node, 0, [], bodyWriter);
      return content === '' ? '<p/>' : `<p>${content}</p>`;
    }
    case 'blockquote':
      return `<quote>${children()}</quote>`;
    case 'bullet_list':
      return `${openTag('list', [['rend', 'bulleted']])}${children()}${closeTag('list')}`;
    case 'ordered_list':
      return `${openTag('list', [['rend', 'numbered']])}${children()}${closeTag('list')}`;
    case 'list_item':
      return `<item>${children()}</item>`;
    default:
      throw new RangeError(`No TEI encoding for the body node “${node.type.name}”.`);
  }
}

// ---------------------------------------------------------------------------------------------
// Reading

/**
 * The body held by a TEI element (Marginalia's `note type="body"`, or any annotation note).
 * Never throws for content: what does not fit the schema is read as plain paragraphs.
 */
export function readBody(note: Element, preserve: boolean): BodyDocJSON {
  const reader = new BodyReader();
  const blocks = reader.blocks(note, preserve);
  const doc = bodySchema.nodes.doc!.create(null, blocks.length > 0 ? blocks : [emptyParagraph()]);
  try {
    doc.check();
    return doc.toJSON() as BodyDocJSON;
  } catch {
    const paragraphs = rawText(note)
      .split(/\n{2,}/)
      .map((p) => p.replace(/[ \t\r\n]+/g, ' ').trim())
      .filter((p) => p !== '');
    return {
      type: 'doc',
      content: paragraphs.length > 0 ? paragraphs.map((text) => ({ type: 'paragraph', content: [{ type: 'text', text }] })) : [{ type: 'paragraph' }],
    };
  }
}

function emptyParagraph(): ProseMirrorNode {
  return bodySchema.nodes.paragraph!.create();
}

const ORDERED_LIST_RENDITIONS = /\b(numbered|ordered|decimal|arabic|roman|alpha)\b/i;

class BodyReader {
  blocks(container: Element, preserve: boolean): ProseMirrorNode[] {
    const blocks: ProseMirrorNode[] = [];
    let loose: InlineItem[] | null = null;
    const flush = () => {
      if (loose) blocks.push(this.paragraph(loose));
      loose = null;
    };
    for (let child: XmlNode | null = container.firstChild; child; child = child.nextSibling) {
      if (child.nodeType === TEXT_NODE || child.nodeType === CDATA_SECTION_NODE) {
        const text = (child as unknown as { data: string }).data;
        if (/[^ \t\r\n]/.test(text) || loose) (loose ??= []).push({ kind: 'text', text, marks: [], preserve });
        continue;
      }
      if (!isElement(child)) continue;
      const name = teiName(child);
      const childPreserve = spaceOf(child, preserve);
      if (name === 'p' || name === 'ab' || name === 'head' || name === 'l' || name === 'label') {
        flush();
        const items: InlineItem[] = [];
        this.inline(child, [], childPreserve, items);
        blocks.push(this.paragraph(items));
      } else if (name === 'quote' || name === 'cit') {
        flush();
        const inner = this.blocks(child, childPreserve);
        blocks.push(bodySchema.nodes.blockquote!.create(null, inner.length > 0 ? inner : [emptyParagraph()]));
      } else if (name === 'list') {
        flush();
        const list = this.list(child, childPreserve);
        if (list) blocks.push(list);
      } else if (name === 'lb' && !loose) {
        // A line break between blocks breaks nothing.
      } else {
        this.inlineElement(child, [], childPreserve, (loose ??= []));
      }
    }
    flush();
    return blocks;
  }

  private list(list: Element, preserve: boolean): ProseMirrorNode | null {
    const items: ProseMirrorNode[] = [];
    for (let child: XmlNode | null = list.firstChild; child; child = child.nextSibling) {
      if (!isElement(child) || teiName(child) !== 'item') continue;
      const blocks = this.blocks(child, spaceOf(child, preserve));
      // A list item starts with a paragraph.
      if (blocks[0]?.type.name !== 'paragraph') blocks.unshift(emptyParagraph());
      items.push(bodySchema.nodes.list_item!.create(null, blocks));
    }
    if (items.length === 0) return null;
    const rendition = `${attribute(list, 'rend') ?? ''} ${attribute(list, 'type') ?? ''}`;
    const type = ORDERED_LIST_RENDITIONS.test(rendition) ? bodySchema.nodes.ordered_list! : bodySchema.nodes.bullet_list!;
    return type.create(null, items);
  }

  private paragraph(items: InlineItem[]): ProseMirrorNode {
    return bodySchema.nodes.paragraph!.create(null, buildInline(bodySchema, normalizeInline(items)).nodes);
  }

  private inline(element: Element, marks: readonly Mark[], preserve: boolean, out: InlineItem[]): void {
    for (let child: XmlNode | null = element.firstChild; child; child = child.nextSibling) {
      if (child.nodeType === TEXT_NODE || child.nodeType === CDATA_SECTION_NODE) {
        out.push({ kind: 'text', text: (child as unknown as { data: string }).data, marks, preserve });
      } else if (isElement(child)) {
        this.inlineElement(child, marks, spaceOf(child, preserve), out);
      }
    }
  }

  private inlineElement(element: Element, marks: readonly Mark[], preserve: boolean, out: InlineItem[]): void {
    const { marks: types, nodes } = bodySchema;
    switch (teiName(element)) {
      case 'lb':
        out.push({ kind: 'leaf', node: nodes.hard_break!.create().mark(marks), lineBreak: true });
        return;
      case 'hi': {
        const rend = attribute(element, 'rend') ?? '';
        let set = marks;
        if (/\b(bold|b|strong)\b/i.test(rend)) set = types.strong!.create().addToSet(set);
        if (/\b(italics?|i|em)\b/i.test(rend)) set = types.em!.create().addToSet(set);
        return this.inline(element, set, preserve, out);
      }
      case 'emph':
        return this.inline(element, types.em!.create().addToSet(marks), preserve, out);
      case 'ref': {
        const href = attribute(element, 'target') ?? '';
        const set = isAllowedLinkHref(href) ? types.link!.create({ href }).addToSet(marks) : marks;
        return this.inline(element, set, preserve, out);
      }
      case 'ptr': {
        const href = attribute(element, 'target') ?? '';
        if (isAllowedLinkHref(href)) out.push({ kind: 'text', text: href, marks: types.link!.create({ href }).addToSet(marks), preserve: true });
        return;
      }
      case 'note':
      case 'anchor':
        return; // notes within a note, and anchors, are not part of the body's text
      default:
        return this.inline(element, marks, preserve, out);
    }
  }
}
