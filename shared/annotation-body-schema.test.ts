import { afterEach, describe, expect, it, vi } from 'vitest';
import type { BodyDocJSON } from './annotation';
import { bodyPlainText, bodySchema } from './annotation-body-schema';
import { seededRandom, type Random } from './seeded-random';

/** What the body's text is by definition: the body restored and checked by ProseMirror, its textBetween trimmed; "" if refused. */
function proseMirrorText(json: unknown): string {
  try {
    const doc = bodySchema.nodeFromJSON(json);
    doc.check();
    return doc.textBetween(0, doc.content.size, '\n', ' ').trim();
  } catch {
    return '';
  }
}

const text = (value: string, marks?: unknown[]): Record<string, unknown> => (marks ? { type: 'text', text: value, marks } : { type: 'text', text: value });
const p = (...content: unknown[]): Record<string, unknown> => (content.length > 0 ? { type: 'paragraph', content } : { type: 'paragraph' });
const doc = (...content: unknown[]): BodyDocJSON => ({ type: 'doc', content });
const br = { type: 'hard_break' };
const link = (href: string): Record<string, unknown> => ({ type: 'link', attrs: { href } });

/** Bodies the app writes, and their text. */
const VALID: Array<[string, BodyDocJSON, string]> = [
  ['one paragraph', doc(p(text('Kennan met Malik.'))), 'Kennan met Malik.'],
  ['paragraphs, one empty, separated by lines', doc(p(text('first')), p(), p(text('third'))), 'first\n\nthird'],
  ['a line break as a space', doc(p(text('Филиппову'), br, text('Мао Цзэдун'))), 'Филиппову Мао Цзэдун'],
  ['marks, a link among them', doc(p(text('bold', [{ type: 'strong' }]), text(' and '), text('a link', [{ type: 'em' }, link('https://example.org/a')]))), 'bold and a link'],
  ['marks in any order', doc(p(text('x', [link('mailto:a@b.c'), { type: 'strong' }, { type: 'em' }]))), 'x'],
  [
    'lists and quotes, nested',
    doc(
      { type: 'bullet_list', content: [{ type: 'list_item', content: [p(text('one')), { type: 'ordered_list', content: [{ type: 'list_item', content: [p(text('one.a'))] }] }] }] },
      { type: 'blockquote', content: [p(text('quoted')), { type: 'blockquote', content: [p(text('deeper'))] }] },
    ),
    'one\none.a\nquoted\ndeeper',
  ],
  ['trimmed at both ends', doc(p(text('  \t')), p(text(' text ')), p(), p(br)), 'text'],
  ['an empty body', doc(p()), ''],
];

/** JSON the schema refuses (a body from a damaged or hand-made pack): no text. */
const INVALID: Array<[string, unknown]> = [
  ['no content', { type: 'doc' }],
  ['an empty content list', doc()],
  ['a list item that does not begin with a paragraph', doc({ type: 'bullet_list', content: [{ type: 'list_item', content: [{ type: 'blockquote', content: [p(text('x'))] }] }] })],
  ['a list holding a paragraph', doc({ type: 'bullet_list', content: [p(text('x'))] })],
  ['text directly in the document', doc(text('x'))],
  ['a paragraph in a paragraph', doc(p(p(text('x'))))],
  ['an unknown node', doc({ type: 'heading', content: [text('x')] })],
  ['an unknown mark', doc(p(text('x', [{ type: 'underline' }])))],
  ['a mark twice', doc(p(text('x', [{ type: 'strong' }, { type: 'strong' }])))],
  ['two links', doc(p(text('x', [link('https://a.org'), link('https://b.org')])))],
  ['a mark on a paragraph', doc({ ...p(text('x')), marks: [{ type: 'em' }] })],
  ['an empty text', doc(p(text('')))],
  ['a text that is not a string', doc(p({ type: 'text', text: 42 }))],
  ['content that is not a list', { type: 'doc', content: { 0: p(text('x')) } }],
  ['marks that are not a list', doc(p({ ...text('x'), marks: { type: 'em' } }))],
  ['a null child', doc(p(text('x')), null)],
  ['nothing', null],
  ['a string', 'doc'],
];

/** JSON outside the shapes toJSON writes that ProseMirror still accepts: the same text, whichever way it is read. */
const UNUSUAL: Array<[string, unknown]> = [
  ['empty attributes on a paragraph', doc({ ...p(text('x')), attrs: {} })],
  ['marks as an empty list', doc(p({ ...text('x'), marks: [] }))],
  ['null marks', doc(p({ ...text('x'), marks: null }))],
  ['a text type given as a list', doc(p({ type: ['text'], text: 'x' }))],
  ['a link with an extra attribute', doc(p(text('x', [{ type: 'link', attrs: { href: 'https://a.org', title: 't' } }])))],
  ['a link whose address is a number', doc(p(text('x', [{ type: 'link', attrs: { href: 1 } }])))],
  ['a paragraph carrying text', doc({ ...p(text('x')), text: 'ignored?' })],
  ['a line break with empty content', doc(p(text('a'), { type: 'hard_break', content: [] }, text('b')))],
  ['a line break with marks', doc(p(text('a'), { type: 'hard_break', marks: [{ type: 'em' }] }, text('b')))],
  ['marks on the document', { ...doc(p(text('x'))), marks: [{ type: 'em' }] }],
  ['a paragraph with null content', doc({ type: 'paragraph', content: null })],
  ['a link without its address', doc(p(text('x', [{ type: 'link' }])))],
  ['an unknown attribute on a paragraph', doc({ ...p(text('x')), attrs: { align: 'left' } })],
  ['not a document', p(text('x'))],
];

/** A random body: mostly the shapes the editor writes, now and then broken in one of many ways. */
function randomBody(random: Random): unknown {
  const pick = <T,>(list: readonly T[]): T => list[Math.floor(random() * list.length)]!;
  const chance = (p: number): boolean => random() < p;
  const words = ['Сообщаю', 'armistice', ' ', '  ', '\n', 'Кэсон', '38th', 'parallel', '', '\t'];
  const marksOf = (): unknown[] | undefined => {
    if (!chance(0.4)) return undefined;
    const marks: unknown[] = [];
    for (const m of [{ type: 'strong' }, { type: 'em' }, link(pick(['https://a.org', 'mailto:x@y.z']))]) if (chance(0.4)) marks.push(m);
    if (chance(0.05)) marks.push(pick([{ type: 'strong' }, { type: 'underline' }, { type: 'link' }, link('https://b.org')]));
    return marks.sort(() => random() - 0.5);
  };
  const inline = (): unknown => {
    if (chance(0.15)) return chance(0.9) ? br : { ...br, content: [] };
    const node = text(Array.from({ length: 1 + Math.floor(random() * 4) }, () => pick(words)).join(''), marksOf());
    return chance(0.02) ? { ...node, text: null } : node;
  };
  const paragraph = (): Record<string, unknown> => p(...Array.from({ length: Math.floor(random() * 4) }, inline));
  // Containers are mostly not empty (an empty one is refused: the schema wants a block or item).
  const count = (most: number): number => (chance(0.04) ? 0 : 1 + Math.floor(random() * most));
  const block = (depth: number): unknown => {
    const roll = random();
    if (depth > 2 || roll < 0.55) return paragraph();
    if (roll < 0.7) return { type: 'blockquote', content: Array.from({ length: count(2) }, () => block(depth + 1)) };
    const item = (): unknown => ({ type: 'list_item', content: chance(0.93) ? [paragraph(), ...Array.from({ length: Math.floor(random() * 2) }, () => block(depth + 1))] : [block(depth + 1)] });
    return { type: pick(['bullet_list', 'ordered_list']), content: Array.from({ length: count(2) }, item) };
  };
  const body: Record<string, unknown> = { type: 'doc', content: Array.from({ length: count(3) }, () => block(0)) };
  if (chance(0.03)) {
    // One more kind of damage, somewhere in the tree.
    const blocks = body.content as Record<string, unknown>[];
    const target = blocks[0];
    if (target) Object.assign(target, pick([{ marks: [{ type: 'em' }] }, { attrs: { x: 1 } }, { type: 'heading' }, { content: 'text' }]));
  }
  return body;
}

describe('bodyPlainText', () => {
  afterEach(() => vi.restoreAllMocks());

  it.each(VALID)('gives the text of a body: %s', (_, body, expected) => {
    expect(bodyPlainText(body)).toBe(expected);
    expect(proseMirrorText(body)).toBe(expected);
  });

  it.each(INVALID)('gives no text for a body the schema refuses: %s', (_, body) => {
    expect(proseMirrorText(body)).toBe('');
    expect(bodyPlainText(body as BodyDocJSON)).toBe('');
  });

  it.each(UNUSUAL)('gives what ProseMirror gives for unusual JSON: %s', (_, body) => {
    expect(bodyPlainText(body as BodyDocJSON)).toBe(proseMirrorText(body));
  });

  it('gives exactly what ProseMirror gives, over 5,000 random bodies valid and not', () => {
    const random = seededRandom(1951);
    let withText = 0;
    let refused = 0;
    for (let i = 0; i < 5_000; i++) {
      const body = randomBody(random);
      const expected = proseMirrorText(body);
      expect(bodyPlainText(body as BodyDocJSON), JSON.stringify(body)).toBe(expected);
      if (expected !== '') withText++;
      try {
        bodySchema.nodeFromJSON(body).check();
      } catch {
        refused++;
      }
    }
    // Both kinds were well represented.
    expect(withText).toBeGreaterThan(2_000);
    expect(refused).toBeGreaterThan(1_000);
  });

  it('reads a body as the editor writes it without restoring it in ProseMirror', () => {
    const restore = vi.spyOn(bodySchema, 'nodeFromJSON');
    const body = bodySchema.nodeFromJSON(doc(p(text('a', [{ type: 'em' }, link('https://a.org')]), br, text('b')), { type: 'bullet_list', content: [{ type: 'list_item', content: [p(text('c'))] }] })).toJSON() as BodyDocJSON;
    restore.mockClear();
    expect(bodyPlainText(body)).toBe('a b\nc');
    expect(restore).not.toHaveBeenCalled();
  });
});
