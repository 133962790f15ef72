import { describe, expect, it } from 'vitest';
import { FUZZY_WINDOW, fuzzyErrorBudget, MIN_FUZZY_QUOTE_LENGTH, reanchorTextQuote } from './reanchor';
import { describeTextRange } from './selectors';

const text =
  'Ранее мы предлагали и соглашались с прекращением военных действий на 38 параллели. Главной причиной этого является то, ' +
  'что наши силы недостаточны. В этом случае мы попрежнему должны пошататься ценой кризиса. Если срыв наступит по вопросу ' +
  'о 38 параллели, то мы имеем возможность постепенно изгнать противника к югу от 38 параллели и тогда снова начать ' +
  'переговоры. Ведь товарищ Малик сказал, что отвод войск обеих сторон от 38 параллели будет первым шагом.';

function nth(words: string, occurrence = 0, in_ = text): number {
  let at = -1;
  for (let i = 0; i <= occurrence; i++) at = in_.indexOf(words, at + 1);
  if (at < 0) throw new Error(`no ${words} #${occurrence}`);
  return at;
}

function selectorsOf(words: string, occurrence = 0, in_ = text) {
  const start = nth(words, occurrence, in_);
  return describeTextRange(in_, { start, end: start + words.length });
}

function replace(words: string, by: string, occurrence = 0, in_ = text): string {
  const at = nth(words, occurrence, in_);
  return in_.slice(0, at) + by + in_.slice(at + words.length);
}

describe('reanchorTextQuote: position and exact quote', () => {
  it('keeps the stored position while the text there and its context hold', () => {
    const { quote, position } = selectorsOf('38 параллели', 2);
    expect(reanchorTextQuote(text, quote, position)).toMatchObject({ start: position.start, end: position.end, method: 'position' });
  });

  it('finds the right one of repeated words after an edit before them, by their context', () => {
    const { quote, position } = selectorsOf('38 параллели', 1);
    const edited = replace('наши силы', 'наши вооружённые силы');
    const found = reanchorTextQuote(edited, quote, position);
    expect(found).toMatchObject({ start: nth('38 параллели', 1, edited), method: 'quote' });
  });

  it('finds repeated words whose context on one side was rewritten', () => {
    const { quote, position } = selectorsOf('38 параллели', 2);
    const edited = replace('постепенно изгнать противника к югу от ', 'отбросить врага за линию ');
    expect(reanchorTextQuote(edited, quote, position)).toMatchObject({ start: nth('38 параллели', 2, edited), method: 'quote' });
  });

  it('makes an orphan of deleted words rather than moving them to another occurrence', () => {
    for (const k of [0, 1, 2, 3]) {
      const { quote, position } = selectorsOf('38 параллели', k);
      expect(reanchorTextQuote(replace('38 параллели', '', k), quote, position)).toBeNull();
    }
  });

  it('does not take other words at the old position without their context', () => {
    const { quote, position } = selectorsOf('38 параллели');
    const lead = 'Совсем другой текст, '.padEnd(position.start, '.');
    const foreign = lead + '38 параллели тоже встречается в нём, но в другой фразе.';
    expect(foreign.slice(position.start, position.end)).toBe('38 параллели');
    expect(reanchorTextQuote(foreign, quote, position)).toBeNull();
  });

  it('keeps words that slid into the old position with one whole side of the old context', () => {
    // Deleting from one "38 параллели" up to the next brings the second where the first stood,
    // after the first one's prefix: the stored selectors describe that place; it is taken.
    const first = selectorsOf('38 параллели', 1);
    const slid = text.slice(0, nth('38 параллели', 1)) + text.slice(nth('38 параллели', 2));
    expect(reanchorTextQuote(slid, first.quote, first.position)).toMatchObject({ start: first.position.start, method: 'position' });
  });

  it('does not move a one-letter quote to the same letter nearby', () => {
    const t = 'Для заметок\nи\nредакционной\nПОДЛЕЖИТ ВОЗВРАТУ';
    const { quote, position } = selectorsOf('и', 0, t);
    expect(reanchorTextQuote(t.replace('\nи\n', '\n\n'), quote, position)).toBeNull();
    const inserted = t.replace('Для', 'Для параллели');
    expect(reanchorTextQuote(inserted, quote, position)).toMatchObject({ start: inserted.indexOf('\nи\n') + 1 });
  });

  it('finds the first words of the text by the start of the text when their suffix changed', () => {
    const { quote, position } = selectorsOf('Ранее мы');
    const edited = replace('предлагали и соглашались с прекращением', 'соглашались на прекращение');
    expect(reanchorTextQuote(edited, quote, position)).toMatchObject({ start: 0, end: 8 });
  });
});

describe('reanchorTextQuote: fuzzy', () => {
  it('follows an OCR correction of the annotated word', () => {
    const { quote, position } = selectorsOf('пошататься');
    const edited = replace('пошататься', 'пошатнуться');
    expect(reanchorTextQuote(edited, quote, position)).toMatchObject({
      start: nth('пошатнуться', 0, edited),
      end: nth('пошатнуться', 0, edited) + 'пошатнуться'.length,
      method: 'fuzzy',
    });
  });

  it('finds the changed one of repeated words although the others still match exactly', () => {
    const { quote, position } = selectorsOf('38 параллели', 2);
    const edited = replace('38 параллели', '38-й параллели', 2);
    const found = reanchorTextQuote(edited, quote, position);
    expect(found?.method).toBe('fuzzy');
    expect(edited.slice(found!.start, found!.end)).toBe('38-й параллели');
    expect(found!.start).toBe(nth('38 параллели', 2));
  });

  it('takes in words typed inside the quote, as far as the stored context', () => {
    const { quote, position } = selectorsOf('38 параллели');
    const edited = replace('38 параллели', 'тридцать восьмой параллели');
    const found = reanchorTextQuote(edited, quote, position);
    // The match itself is "ой параллели" (two errors); the intact prefix moves its start back.
    expect(found && edited.slice(found.start, found.end)).toBe('тридцать восьмой параллели');
  });

  it('looks beyond the window around the old position when the words moved far', () => {
    const { quote, position } = selectorsOf('должны пошататься ценой кризиса');
    const edited = 'Вступление. '.repeat(Math.ceil((FUZZY_WINDOW * 2) / 12)) + replace('пошататься', 'пошатнуться');
    const found = reanchorTextQuote(edited, quote, position);
    expect(found?.method).toBe('fuzzy');
    expect(found!.start - position.start).toBeGreaterThan(FUZZY_WINDOW);
    expect(edited.slice(found!.start, found!.end)).toBe('должны пошатнуться ценой кризиса');
  });

  it('refuses a match over the error budget, and never matches short quotes fuzzily', () => {
    const { quote, position } = selectorsOf('пошататься');
    expect(reanchorTextQuote(replace('пошататься', 'пошевелиться'), quote, position)).toBeNull();
    const malik = selectorsOf('Малик');
    expect(reanchorTextQuote(replace('Малик', 'Малек'), malik.quote, malik.position)).toMatchObject({ start: nth('Малик'), method: 'fuzzy' });
    const short = selectorsOf('Ведь');
    expect(reanchorTextQuote(replace('Ведь', 'Вот'), short.quote, short.position)).toBeNull();
  });

  it('has a budget of a fifth of the quote, and none below the minimum length', () => {
    expect(MIN_FUZZY_QUOTE_LENGTH).toBe(5);
    expect([4, 5, 9, 10, 12, 42].map(fuzzyErrorBudget)).toEqual([0, 1, 1, 2, 2, 8]);
  });

  it('does not take a similar phrase elsewhere for a deleted one', () => {
    const t =
      'Что касается вопроса о выводе всех иностранных войск из Кореи, то противник решительно против. ' +
      'Что же касается других вопросов, включая и вопрос о выводе иностранных войск из Кореи, то противник рассчитывает.';
    const { quote, position } = selectorsOf('Кореи', 0, t);
    expect(reanchorTextQuote(t.replace('из Кореи, то противник решительно', 'из , то противник решительно'), quote, position)).toBeNull();
  });
});

describe('reanchorTextQuote: a quote occurring many times', () => {
  /** Every occurrence of `words` in `t`. */
  const occurrences = (words: string, t: string): number[] => {
    const all: number[] = [];
    for (let at = t.indexOf(words); at >= 0; at = t.indexOf(words, at + 1)) all.push(at);
    return all;
  };

  it('finds the occurrence whose context matches, near the old position or far from it', () => {
    const sentences = Array.from({ length: 400 }, (_, i) => `Пункт ${i + 1}: отвод войск от 38 параллели обсуждался снова.`).join(' ');
    const position = nth('38 параллели', 200, sentences);
    const { quote, position: stored } = describeTextRange(sentences, { start: position, end: position + '38 параллели'.length });
    for (const lead of ['', 'Вступление. ', 'Длинное вступление. '.repeat(Math.ceil((FUZZY_WINDOW * 3) / 20))]) {
      const edited = lead + sentences.replace('Пункт 7:', 'Пункт седьмой:');
      const expected = nth('38 параллели', 200, edited);
      expect(occurrences('38 параллели', edited).length).toBe(400);
      expect(reanchorTextQuote(edited, quote, stored)).toMatchObject({ start: expected, end: expected + '38 параллели'.length, method: 'quote' });
    }
  });

  it('among occurrences in the same context, takes the one nearest the old position', () => {
    const line = 'один два три четыре пять шесть семь восемь девять десять одиннадцать. ';
    const base = line.repeat(1000);
    const start = nth('три', 500, base);
    const { quote, position } = describeTextRange(base, { start, end: start + 3 });
    for (const shift of [7, 30, 50, FUZZY_WINDOW + 13, 5 * FUZZY_WINDOW + 1]) {
      const edited = 'ж'.repeat(shift) + base;
      const all = occurrences('три', edited);
      const nearest = all.reduce((best, at) => (Math.abs(at - start) < Math.abs(best - start) ? at : best));
      expect(reanchorTextQuote(edited, quote, position)).toMatchObject({ start: nearest, end: nearest + 3, method: 'quote' });
    }
  });

  it('finds the words by their context after an edit spoilt one side of it', () => {
    // Sentences with "38 параллели" amid made-up words, so that no two contexts are alike.
    let seed = 7;
    const next = (): number => (seed = (Math.imul(seed ^ (seed >>> 15), 0x2c1b3c6d) + 0x9e3779b9) >>> 0) % 1024;
    const letters = 'абвгдежзиклмнопрстуфхцчшщэюя';
    const word = (): string => Array.from({ length: 5 + (next() % 5) }, () => letters[next() % letters.length]).join('');
    const sentences = Array.from({ length: 300 }, () => `${word()} ${word()} ${word()}: отвод войск от 38 параллели ${word()} ${word()} ${word()}.`).join(' ');
    const at = nth('38 параллели', 150, sentences);
    const { quote, position } = describeTextRange(sentences, { start: at, end: at + '38 параллели'.length });
    // The words after them rewritten, and text put in far before: only the prefix still stands.
    const edited = 'Вступление. '.repeat(400) + sentences.slice(0, at + 12) + ' никто не обсуждал' + sentences.slice(at + 12 + 20);
    const expected = 'Вступление. '.repeat(400).length + at;
    expect(occurrences('38 параллели', edited).length).toBe(300);
    expect(reanchorTextQuote(edited, quote, position)).toMatchObject({ start: expected, end: expected + 12, method: 'quote' });
  });
});
