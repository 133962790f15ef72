/**
 * A generated corpus of edits to the sample's transcription, checking both ways an annotation
 * survives a correction of the text:
 *  (a) mapping its ProseMirror range through the editor's transaction (mapped-anchors.ts), and
 *  (b) finding its stored selectors again in the edited plain text with no mapping at all
 *      (reanchor.ts), as when a document edited elsewhere is opened or a pack is imported.
 *
 * The expected outcome of every (anchor, edit) pair is worked out from how the edit was made, in
 * plain-text offsets, without the code under test:
 *  - (a) ProseMirror's mapping rule: a position before the edit stays, after it shifts; at the
 *    start of a replaced range it stays before the new text, at its end after it; strictly
 *    inside a replaced range, or at an insertion point, `from` goes after the new text (assoc 1)
 *    and `to` before it (assoc -1). A range left empty is an orphan.
 *  - (b) an edit that leaves the annotated words alone must find them exactly where (a) puts
 *    them ("held" or "moved"). For an edit that changes them, what is left of them is worked
 *    out: `core` spans their surviving characters, `hull` also the text the edit put in or
 *    beside them. Words found must cover the core and stay within the hull, give or take the
 *    match's own errors at either end (a fuzzy match is only as sharp as its errors): "moved,
 *    words changed" (or "moved" when exactly where (a) puts them). An orphan is right when no
 *    remnant (mapped range, core or hull) is within the fuzzy error budget of the quote, or the
 *    quote is too short for fuzzy matching — also when (a) keeps a remnant of the words.
 * A result is WRONG when it is none of these. One further outcome is told apart rather than
 * hidden: "indistinguishable", where the edit left the quote standing elsewhere with one whole
 * side of its stored context exactly (deleting the text from one "38 параллели" to the next, or
 * from inside "тов. Сталину" to inside the next "тов. Сталину") — the stored selectors describe
 * that place as well as the original, and re-anchoring takes it.
 */
import { readFileSync } from 'node:fs';
import type { Node as ProseMirrorNode } from 'prosemirror-model';
import { EditorState, type Transaction } from 'prosemirror-state';
import { afterAll, describe, expect, it } from 'vitest';
import type { TextPositionSelector, TextQuoteSelector } from '../annotation';
import { parseWilsonCenterText } from '../importers/wilson-center';
import { transcriptionFromSheets, transcriptionSchema } from '../transcription/schema';
import { mapAnchorRanges } from './mapped-anchors';
import { fuzzyErrorBudget, MIN_FUZZY_QUOTE_LENGTH, reanchorTextQuote, type AnchorMethod } from './reanchor';
import { seededRandom } from '../seeded-random';
import { describeTextRange } from './selectors';
import { TextIndex } from './text-index';

// The sample as the app installs it (assets/sample holds the seed of ../shared/seed, byte for byte).
const source = readFileSync(new URL('../../assets/sample/mao-to-filippov-1951-07-20.txt', import.meta.url), 'utf8');
const doc = transcriptionFromSheets(parseWilsonCenterText(source).sheets);
const index = TextIndex.fromDoc(doc);
const TEXT = index.text;

// ---------------------------------------------------------------------------------------------
// Anchors

interface AnchorSpec {
  /** The words; with `in`, found inside the first occurrence of that longer text. */
  words: string;
  occurrence?: number;
  in?: string;
}

const ANCHOR_SPECS: AnchorSpec[] = [
  // Words.
  { words: 'Кенана' },
  { words: 'Маликом' },
  { words: 'Малик', occurrence: 1 }, // "товарищ Малик"; the first "Малик" is inside "Маликом"
  { words: 'пошататься' },
  { words: 'MOUSE-ON' },
  { words: 'Филиппову' },
  { words: 'Тайвана' },
  { words: 'Японией' },
  { words: 'Ким Ир Сен' },
  { words: 'буферной зоны' },
  { words: 'противника', occurrence: 0 },
  { words: 'противника', occurrence: 4 },
  { words: 'попрежнему', occurrence: 1 },
  { words: 'попрежнему', occurrence: 3 },
  { words: 'Сталину', occurrence: 0 }, // "1 тов. Сталину Экз. № 7" and "2 тов. Сталину № 8"
  { words: 'Сталину', occurrence: 1 },
  { words: 'Мокров', occurrence: 0 },
  // Short words, some repeated.
  { words: 'ООН' },
  { words: 'Кореи', occurrence: 0 },
  { words: 'Кореи', occurrence: 3 },
  { words: '38', in: 'на 38 параллели' },
  { words: 'и', in: 'заметок\nи\nредакционной' },
  { words: 'г.', in: '20.7.51 г.' },
  // Repeated phrases.
  { words: '38 параллели', occurrence: 0 },
  { words: '38 параллели', occurrence: 1 },
  { words: '38 параллели', occurrence: 2 },
  { words: '38 параллели', occurrence: 3 },
  { words: 'прекращении военных действий', occurrence: 0 },
  { words: 'прекращении военных действий', occurrence: 2 },
  { words: 'вопрос о выводе иностранных войск из Кореи', occurrence: 0 },
  { words: 'вопрос о выводе иностранных войск из Кореи', occurrence: 2 },
  { words: 'Продолжение шифртелеграммы № 22054', occurrence: 0 },
  { words: 'Продолжение шифртелеграммы № 22054', occurrence: 1 },
  { words: 'Продолжение шифртелеграммы № 22054', occurrence: 2 },
  // Sentences and passages.
  { words: 'Так называемые мирные переговоры — это пустая фраза.' },
  { words: 'отвод войск обеих сторон от 38 параллели будет первым шагом' },
  { words: 'мы попрежнему должны пошататься ценой кризиса' },
  { words: 'Инициатива попрежнему будет в наших руках.' },
  { words: '3. Мероприятия в отношении пленных.' },
  // Across line breaks, paragraphs and the sheet break.
  { words: 'Для заметок\nи\nредакционной' },
  { words: 'Если\nПродолжение шифртелеграммы № 22054\nЭкз. №\nЛист 8\nзатянуть время' },
  { words: 'на уступку.\n(см. сл. лист)' },
  { words: 'приветом!\nMOUSE-ON' },
  { words: 'Товарищу Филиппову\nСЕРИЯ 17' },
  { words: 'Раст. Мокров\n05.45 21.7.' },
  // The first and the last words of the text.
  { words: '№143, I 245' },
  { words: '/Мокров/' },
];

interface Anchor {
  name: string;
  start: number;
  end: number;
  quote: TextQuoteSelector;
  position: TextPositionSelector;
  from: number;
  to: number;
}

function occurrenceOf(text: string, words: string, occurrence = 0): number {
  let at = -1;
  for (let i = 0; i <= occurrence; i++) {
    at = text.indexOf(words, at + 1);
    if (at < 0) throw new Error(`“${words}” does not occur ${occurrence + 1} times in the sample.`);
  }
  return at;
}

const ANCHORS: Anchor[] = ANCHOR_SPECS.map((spec) => {
  const start = spec.in ? occurrenceOf(TEXT, spec.in) + spec.in.indexOf(spec.words) : occurrenceOf(TEXT, spec.words, spec.occurrence);
  const end = start + spec.words.length;
  const name = `${JSON.stringify(spec.words)}${spec.occurrence ? ` #${spec.occurrence + 1}` : ''}`;
  return { name, start, end, ...describeTextRange(TEXT, { start, end }), from: index.posAt(start, 1), to: index.posAt(end, -1) };
});

// ---------------------------------------------------------------------------------------------
// Edits, in plain-text offsets of the original: text[at, end) is replaced by `insert`.

interface Edit {
  kind: string;
  at: number;
  end: number;
  insert: string;
}


const random = seededRandom(19510720);
const int = (lo: number, hi: number): number => lo + Math.floor(random() * (hi - lo + 1));
const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)]!;
const clamp = (n: number): number => Math.max(0, Math.min(TEXT.length, n));

const INSERTIONS = ['не ', 'однако ', '[нрзб.] ', 'по-', 'товарищ ', 'параллели ', '38 ', 'срочно, ', 'Кореи ', 'й'];
const LETTERS = 'абвгдеёжзийклмнопрстуфхцчшщъыьэюя';

/** A letter other than the one it stands for, as an OCR misreading (or its correction) would be. */
function otherLetter(c: string): string {
  let letter = pick([...LETTERS]);
  while (letter === c.toLowerCase()) letter = pick([...LETTERS]);
  return letter;
}

function replaceLetters(at: number, count: number): Edit {
  const end = Math.min(at + count, TEXT.length);
  return { kind: 'OCR fix inside', at, end, insert: [...TEXT.slice(at, end)].map(otherLetter).join('') };
}

/** Edits around, at the edges of and inside one anchor, with random sizes and places. */
function editsAround(a: Anchor): Edit[] {
  const len = a.end - a.start;
  const inner = (): number => a.start + int(1, Math.max(1, len - 1));
  const edits: Edit[] = [
    { kind: 'insert before', at: clamp(a.start - int(1, 150)), end: -1, insert: pick(INSERTIONS) },
    { kind: 'insert after', at: clamp(a.end + int(1, 150)), end: -1, insert: pick(INSERTIONS) },
    { kind: 'insert at start edge', at: a.start, end: -1, insert: pick(INSERTIONS) },
    { kind: 'insert at end edge', at: a.end, end: -1, insert: ' ' + pick(INSERTIONS).trim() },
    { kind: 'delete before', at: clamp(a.start - int(40, 400)), end: -1, insert: '' },
    { kind: 'delete touching start', at: clamp(a.start - int(1, 50)), end: a.start, insert: '' },
    { kind: 'delete after', at: clamp(a.end + int(1, 300)), end: -1, insert: '' },
    { kind: 'delete touching end', at: a.end, end: clamp(a.end + int(1, 50)), insert: '' },
    { kind: 'delete the anchored words', at: a.start, end: a.end, insert: '' },
    { kind: 'delete a passage around them', at: clamp(a.start - int(1, 80)), end: clamp(a.end + int(1, 80)), insert: '' },
    { kind: 'delete overlapping start', at: clamp(a.start - int(1, 40)), end: a.start + int(1, Math.max(1, len - 1)), insert: '' },
    { kind: 'delete overlapping end', at: a.end - int(1, Math.max(1, len - 1)), end: clamp(a.end + int(1, 40)), insert: '' },
    { kind: 'replace the anchored words', at: a.start, end: a.end, insert: pick(['Сталину', 'вопросу о перемирии', 'MOSHKIN', '[нрзб.]']) },
    { kind: 'replace before', at: clamp(a.start - int(5, 200)), end: -1, insert: pick(['мир', 'война', 'Пхеньян']) },
    { kind: 'copy of the words far away', at: pick([clamp(a.start - int(60, 3000)), clamp(a.end + int(60, 3000))]), end: -1, insert: TEXT.slice(a.start, a.end) + ' ' },
  ];
  if (len >= 2) {
    edits.push({ kind: 'insert inside', at: inner(), end: -1, insert: pick(INSERTIONS) });
    const at = inner();
    edits.push({ kind: 'delete inside', at, end: Math.min(a.end - 1, at + int(1, 3)), insert: '' });
    const k = int(1, 3);
    edits.push(replaceLetters(a.start + int(0, Math.max(0, len - k)), Math.min(k, len)));
  }
  for (const edit of edits) {
    if (edit.kind.startsWith('delete') || edit.kind.startsWith('replace')) {
      if (edit.end === -1) edit.end = clamp(edit.at + int(1, 60));
    } else if (!edit.kind.startsWith('OCR')) {
      edit.end = edit.at;
    }
  }
  return edits.filter((e) => e.at <= e.end && (e.at < e.end || e.insert !== ''));
}

function nth(words: string, occurrence = 0): number {
  return occurrenceOf(TEXT, words, occurrence);
}
function replaceWords(kind: string, words: string, by: string, occurrence = 0): Edit {
  const at = nth(words, occurrence);
  return { kind, at, end: at + words.length, insert: by };
}

/** Hand-made edits: OCR corrections, and changes to one of several repeated phrases. */
const SCENARIOS: Edit[] = [
  replaceWords('OCR: MOUSE-ON → MOSHKIN', 'MOUSE-ON', 'MOSHKIN'),
  replaceWords('OCR: пошататься → пошатнуться', 'пошататься', 'пошатнуться'),
  { kind: 'OCR: пошат[а→ну]ться', at: nth('пошататься') + 5, end: nth('пошататься') + 6, insert: 'ну' },
  replaceWords('OCR: попрежнему → по-прежнему', 'попрежнему', 'по-прежнему', 1),
  replaceWords('OCR: повидимому → по-видимому', 'повидимому', 'по-видимому'),
  replaceWords('OCR: Кенана → Кеннана', 'Кенана', 'Кеннана'),
  replaceWords('OCR: СОВЕТОК → СОВЕТСКОЙ', 'СОВЕТОК', 'СОВЕТСКОЙ'),
  replaceWords('OCR: насильную → насильственную', 'насильную', 'насильственную'),
  replaceWords('OCR: Лист 8 → Лист 3', 'Лист 8', 'Лист 3'),
  replaceWords('OCR: С большевистскими → С большевистским', 'С большевистскими', 'С большевистским'),
  ...[0, 1, 2, 3].flatMap((k) => [
    replaceWords(`38 параллели #${k + 1} → 38-й параллели`, '38 параллели', '38-й параллели', k),
    replaceWords(`38 параллели #${k + 1} → тридцать восьмой параллели`, '38 параллели', 'тридцать восьмой параллели', k),
    replaceWords(`38 параллели #${k + 1} deleted`, '38 параллели', '', k),
  ]),
  replaceWords('Продолжение шифртелеграммы #3: № 22054 → № 22045', '№ 22054', '№ 22045', 3),
  { kind: 'delete from one 38 параллели to the next', at: nth('38 параллели', 1), end: nth('38 параллели', 2), insert: '' },
  {
    kind: 'delete from the end of one 38 параллели to the end of the next',
    at: nth('38 параллели', 1) + '38 параллели'.length,
    end: nth('38 параллели', 2) + '38 параллели'.length,
    insert: '',
  },
  replaceWords('delete a whole paragraph', '3. Мероприятия в отношении пленных.\n', ''),
  replaceWords('delete the sheet heading inside a sentence', 'Продолжение шифртелеграммы № 22054\nЭкз. №\nЛист 8\n', ''),
  replaceWords('join two sheets', 'строительство. Если\nПродолжение', 'строительство. Если Продолжение'),
];

const EDITS: Edit[] = [...SCENARIOS, ...ANCHORS.flatMap(editsAround)];

/** A session of corrections made elsewhere at once (several edits, applied from the end). */
const OCR_SESSION: Edit[] = [
  replaceWords('', 'MOUSE-ON', 'MOSHKIN'),
  replaceWords('', 'пошататься', 'пошатнуться'),
  replaceWords('', 'повидимому', 'по-видимому'),
  replaceWords('', 'Кенана', 'Кеннана'),
  replaceWords('', 'насильную', 'насильственную'),
  replaceWords('', 'СОВЕТОК', 'СОВЕТСКОЙ', 0),
  replaceWords('', 'СОВЕТОК', 'СОВЕТСКОЙ', 1),
  ...[0, 1, 2, 3, 4].map((k) => replaceWords('', 'попрежнему', 'по-прежнему', k)),
].sort((x, y) => y.at - x.at);

// ---------------------------------------------------------------------------------------------
// Ground truth, in plain-text offsets

/** ProseMirror's rule for mapping one position through one replacement (see the header). */
function mapOffset(x: number, assoc: -1 | 1, edit: Edit): number {
  const { at, end } = edit;
  const size = edit.insert.length;
  if (x < at) return x;
  if (x > end) return x + size - (end - at);
  if (at === end) return assoc < 0 ? at : at + size;
  if (x === at) return at;
  if (x === end) return at + size;
  return assoc < 0 ? at : at + size;
}

interface Range {
  start: number;
  end: number;
}

function mapRange(range: Range, edits: readonly Edit[]): Range | null {
  let { start, end } = range;
  for (const edit of edits) {
    start = mapOffset(start, 1, edit);
    end = mapOffset(end, -1, edit);
    if (start >= end) return null;
  }
  return { start, end };
}

function touches(range: Range, edit: Edit): boolean {
  return edit.at === edit.end ? range.start < edit.at && edit.at < range.end : edit.at < range.end && edit.end > range.start;
}

function applyEdits(text: string, edits: readonly Edit[]): string {
  return edits.reduce((t, e) => t.slice(0, e.at) + e.insert + t.slice(e.end), text);
}

function levenshtein(a: string, b: string): number {
  let row = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const next = [i];
    for (let j = 1; j <= b.length; j++) {
      next[j] = Math.min(row[j]! + 1, next[j - 1]! + 1, row[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
    }
    row = next;
  }
  return row[b.length]!;
}

// ---------------------------------------------------------------------------------------------
// Applying an edit as the editor would, and classifying

type Verdict = 'held' | 'moved' | 'moved, words changed' | 'orphaned' | 'indistinguishable' | 'WRONG';

const newTally = () => ({
  a: new Map<string, number>(),
  b: new Map<string, number>(),
  bMethods: new Map<string, number>(),
  /** (b) for anchors whose words an edit changed but mapping kept: found again, or orphaned. */
  bChangedKept: new Map<string, number>(),
});
const tallies = { single: newTally(), session: newTally() };
let tally = tallies.single;
const wrong: string[] = [];
const notes: string[] = [];
const timings = { mapping: 0, reanchoring: 0 };

function count(map: Map<string, number>, key: string): void {
  map.set(key, (map.get(key) ?? 0) + 1);
}

/** Applies edits (in order; offsets of each in the text before it) to the document, as transactions would. */
function transact(edits: readonly Edit[]): { tr: Transaction; text: string; index: TextIndex } {
  const tr = EditorState.create({ doc }).tr;
  let current = index;
  for (const edit of edits) {
    // Both ends with side -1: an offset on a block boundary is the end of the block before it.
    const from = current.posAt(edit.at, -1);
    const to = current.posAt(edit.end, -1);
    if (edit.insert === '') tr.delete(from, to);
    else tr.replaceWith(from, to, transcriptionSchema.text(edit.insert));
    current = TextIndex.fromDoc(tr.doc);
  }
  return { tr, text: current.text, index: current };
}

function judgeMapping(anchor: Anchor, expected: Range | null, got: Range | null, label: string): void {
  let verdict: Verdict;
  if (!expected) verdict = got ? 'WRONG' : 'orphaned';
  else if (!got || got.start !== expected.start || got.end !== expected.end) verdict = 'WRONG';
  else verdict = expected.start === anchor.start && expected.end === anchor.end ? 'held' : 'moved';
  count(tally.a, verdict);
  if (verdict === 'WRONG') wrong.push(`(a) ${label} ${anchor.name}: expected ${show(expected)}, got ${show(got)}`);
}

/**
 * What an edit left of an anchor's words, in the edited text: `core` spans the original
 * characters that survive; `hull` also spans the text the touching edits put in or beside them.
 */
function remains(anchor: Range, edits: readonly Edit[]): { core: Range | null; hull: Range | null; touched: boolean } {
  let core: Range | null = null;
  for (let x = anchor.start; x < anchor.end; x++) {
    let pos: number | null = x;
    for (const edit of edits) {
      if (edit.at <= pos && pos < edit.end) {
        pos = null;
        break;
      }
      pos = mapOffset(pos, 1, edit);
    }
    if (pos !== null) core = core ? { start: Math.min(core.start, pos), end: Math.max(core.end, pos + 1) } : { start: pos, end: pos + 1 };
  }
  let hull = core;
  let touched = false;
  let current: Range | null = anchor;
  for (const [i, edit] of edits.entries()) {
    if (current && touches(current, edit)) touched = true;
    const adjoining = current ? edit.at <= current.end && edit.end >= current.start : false;
    if (adjoining && edit.insert !== '') {
      // The inserted text, carried through the later edits.
      let piece: Range | null = { start: edit.at, end: edit.at + edit.insert.length };
      for (const later of edits.slice(i + 1)) piece = piece && { start: mapOffset(piece.start, -1, later), end: mapOffset(piece.end, 1, later) };
      if (piece) hull = hull ? { start: Math.min(hull.start, piece.start), end: Math.max(hull.end, piece.end) } : piece;
    }
    current = current && mapRange(current, [edit]);
  }
  return { core, hull, touched };
}

function judgeReanchoring(anchor: Anchor, edits: readonly Edit[], edited: string, label: string): void {
  const t0 = performance.now();
  const found = reanchorTextQuote(edited, anchor.quote, anchor.position);
  timings.reanchoring += performance.now() - t0;
  count(tally.bMethods, found ? found.method : 'orphan');

  const quote = anchor.quote;
  const mapped = mapRange(anchor, edits);
  const { core, hull, touched } = remains(anchor, edits);
  const same = (r: Range | null): boolean => !!found && !!r && found.start === r.start && found.end === r.end;
  // The selectors describe the place found as well as the original: the quote, and one whole side of context.
  const indistinguishable =
    !!found &&
    edited.slice(found.start, found.end) === quote.exact &&
    ((quote.prefix !== '' && edited.slice(Math.max(0, found.start - quote.prefix.length), found.start) === quote.prefix) ||
      (quote.suffix !== '' && edited.slice(found.end, found.end + quote.suffix.length) === quote.suffix));

  let verdict: Verdict;
  let expected = show(mapped);
  if (!touched) {
    if (same(mapped)) verdict = mapped!.start === anchor.start && mapped!.end === anchor.end ? 'held' : 'moved';
    else verdict = 'WRONG';
  } else if (!found) {
    // Orphaned rightly unless what is left of the words is within the fuzzy budget of the quote.
    const budget = fuzzyErrorBudget(quote.exact.length);
    const closest = Math.min(
      ...[mapped, core, hull].filter((r): r is Range => r !== null).map((r) => levenshtein(quote.exact, edited.slice(r.start, r.end))),
    );
    expected = `orphan unless ${closest} ≤ ${budget} errors`;
    verdict = quote.exact.length < MIN_FUZZY_QUOTE_LENGTH || !(closest <= budget) ? 'orphaned' : 'WRONG';
  } else {
    // Found: it must be what is left of the words, with what the edit put in their place — give or
    // take the match's own errors at either end.
    const e = found.errors;
    const inPlace =
      !!hull &&
      found.start >= hull.start - e &&
      found.end <= hull.end + e &&
      found.start < hull.end &&
      found.end > hull.start &&
      (!core || (found.start <= core.start + e && found.end >= core.end - e));
    expected = `within ${show(hull)} covering ${show(core)}`;
    verdict = inPlace ? (same(mapped) ? 'moved' : 'moved, words changed') : 'WRONG';
  }
  if (verdict === 'WRONG' && indistinguishable) verdict = 'indistinguishable';
  count(tally.b, verdict);
  if (touched && mapped) {
    const why = anchor.quote.exact.length < MIN_FUZZY_QUOTE_LENGTH ? 'orphaned (short quote)' : 'orphaned (over the budget)';
    count(tally.bChangedKept, found ? 'found' : why);
    if (!found && tally === tallies.session) notes.push(`session orphan: ${anchor.name} → ${JSON.stringify(edited.slice(mapped.start, mapped.end))}`);
  }
  if (verdict === 'indistinguishable' || verdict === 'moved, words changed') {
    notes.push(`${verdict}: ${label} ${anchor.name}: expected ${expected}, got ${show(found)} ${JSON.stringify(edited.slice(found!.start, found!.end))} (${found!.errors} errors); mapped ${show(mapped)} ${mapped ? JSON.stringify(edited.slice(mapped.start, mapped.end)) : ''}`);
  }
  if (verdict === 'WRONG') {
    const shown = found ? `${show(found)} ${JSON.stringify(edited.slice(found.start, found.end))} by ${found.method} (${found.errors} errors)` : 'orphan';
    wrong.push(`(b) ${label} ${anchor.name}: expected ${expected}${touched ? ' (touched)' : ''}, got ${shown}; edit ${JSON.stringify(edits.map((e) => [e.at, e.end, e.insert]))}`);
  }
}

function show(r: (Range & { method?: AnchorMethod }) | null): string {
  return r ? `${r.start}–${r.end}` : 'orphan';
}

/**
 * The plain-text offset of a ProseMirror position. TextIndex.offsetAt snaps a position inside an
 * empty paragraph forward, past the separator after it; an anchor whose last words were deleted
 * with their whole paragraph ends in that empty paragraph, which is the offset before that separator.
 */
function offsetOf(doc: ProseMirrorNode, index: TextIndex, pos: number): number {
  const parent = doc.resolve(pos).parent;
  if (parent.isTextblock && parent.content.size === 0) return doc.textBetween(0, pos, '\n', '\n').length;
  return index.offsetAt(pos);
}

function runCase(label: string, edits: readonly Edit[]): void {
  const { tr, text, index: editedIndex } = transact(edits);
  if (text !== applyEdits(TEXT, edits)) wrong.push(`${label}: the transaction did not give the edited text`);

  const t0 = performance.now();
  const { anchors, orphans } = mapAnchorRanges(
    ANCHORS.map((a) => ({ id: a.name, from: a.from, to: a.to })),
    tr.mapping,
  );
  timings.mapping += performance.now() - t0;
  const byId = new Map(anchors.map((r) => [r.id, r]));
  const orphaned = new Set(orphans.map((o) => o.id));
  if (anchors.length + orphans.length !== ANCHORS.length) wrong.push(`${label}: anchors lost in mapping`);

  for (const anchor of ANCHORS) {
    const m = byId.get(anchor.name);
    const got = m ? { start: offsetOf(tr.doc, editedIndex, m.from), end: offsetOf(tr.doc, editedIndex, m.to) } : null;
    if (!!m === orphaned.has(anchor.name)) wrong.push(`${label}: ${anchor.name} both mapped and orphaned, or neither`);
    judgeMapping(anchor, mapRange(anchor, edits), got, label);
    judgeReanchoring(anchor, edits, text, label);
  }
}

// ---------------------------------------------------------------------------------------------

describe('re-anchoring corpus over the sample transcription', () => {
  afterAll(() => {
    const rows: Verdict[] = ['held', 'moved', 'moved, words changed', 'orphaned', 'indistinguishable', 'WRONG'];
    const { single, session } = tallies;
    const cell = (map: Map<string, number>, key: string, width: number): string => String(map.get(key) ?? 0).padStart(width);
    const lines = [
      `Re-anchoring corpus: ${ANCHORS.length} anchors × ${EDITS.length} single edits, and × 1 session of ${OCR_SESSION.length} OCR corrections`,
      `${''.padEnd(22)}${'—— single edits ——'.padStart(28)}${'— OCR session —'.padStart(20)}`,
      `${'outcome'.padEnd(22)}${'(a) mapped'.padStart(12)}${'(b) re-anchored'.padStart(16)}${'(a)'.padStart(10)}${'(b)'.padStart(10)}`,
      ...rows.map((r) => `${r.padEnd(22)}${cell(single.a, r, 12)}${cell(single.b, r, 16)}${cell(session.a, r, 10)}${cell(session.b, r, 10)}`),
      `(b) by method, single edits: ${[...single.bMethods].sort().map(([k, v]) => `${k} ${v}`).join(', ')}`,
      `(b) where an edit changed the words and mapping kept a part: ${[...single.bChangedKept].sort().map(([k, v]) => `${k} ${v}`).join(', ')}`,
      `time: mapping ${timings.mapping.toFixed(0)} ms, re-anchoring ${timings.reanchoring.toFixed(0)} ms`,
      ...notes,
      ...wrong.slice(0, 40),
    ];
    console.info(lines.join('\n'));
  });

  it('maps and re-anchors every anchor through every single edit', () => {
    expect(ANCHORS).toHaveLength(47);
    for (const [i, edit] of EDITS.entries()) runCase(`#${i} ${edit.kind}`, [edit]);
    expect(wrong).toEqual([]);
  });

  it('re-anchors every anchor after a session of OCR corrections made elsewhere', () => {
    // Applied from the end of the text backwards, each edit's offsets stay those of the original.
    tally = tallies.session;
    runCase('OCR session', OCR_SESSION);
    expect(wrong).toEqual([]);
  });

  it('gives the expected counts', () => {
    const counts = (map: Map<string, number>) => Object.fromEntries(map);
    expect(counts(tallies.single.a)).toEqual({ held: 21104, moved: 18873, orphaned: 208 });
    expect(counts(tallies.single.b)).toEqual({
      held: 21040,
      moved: 18653,
      'moved, words changed': 12,
      orphaned: 476,
      indistinguishable: 4,
    });
    expect(counts(tallies.single.bMethods)).toEqual({ position: 21044, quote: 18466, fuzzy: 199, orphan: 476 });
    expect(counts(tallies.single.bChangedKept)).toEqual({
      found: 203,
      'orphaned (over the budget)': 255,
      'orphaned (short quote)': 16,
    });
    expect(counts(tallies.session.a)).toEqual({ held: 1, moved: 46 });
    expect(counts(tallies.session.b)).toEqual({ held: 1, moved: 44, orphaned: 2 });
  });
});
