import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { TextIndex } from '../anchoring/text-index';
import { parseWilsonCenterText } from '../importers/wilson-center';
import { transcriptionFromSheets, transcriptionSchema } from '../transcription/schema';
import { segmentText, segmentTranscription, transcriptionParagraphs, type Segment } from './segment';

const source = readFileSync(new URL('../../assets/sample/mao-to-filippov-1951-07-20.txt', import.meta.url), 'utf8');
const doc = transcriptionFromSheets(parseWilsonCenterText(source).sheets);
const TEXT = TextIndex.fromDoc(doc).text;
const segments = segmentTranscription(doc);

const texts = (list: readonly Segment[]): string[] => list.map((s) => s.text);
const ru = (text: string): string[] => texts(segmentText(text, 'ru'));
const en = (text: string): string[] => texts(segmentText(text, 'en'));

describe('the sample telegram (Mao to Filippov, 20 July 1951)', () => {
  it('has 76 segments: 28, 15, 16 and 17 on its four sheets', () => {
    expect(segments).toHaveLength(76);
    expect([0, 1, 2, 3].map((sheet) => segments.filter((s) => s.sheetIndex === sheet).length)).toEqual([28, 15, 16, 17]);
  });

  it('segments sheet 1 — its headers line by line, then its numbered points and prose — exactly so', () => {
    const sheet1 = segments.filter((s) => s.sheetIndex === 0).map((s) => [s.paragraphIndex, s.start, s.end, s.text]);
    expect(sheet1).toEqual([
      [0, 0, 11, '№143, I 245'],
      [1, 12, 70, 'ВТОРОЕ ГЛАВНОЕ УПРАВЛЕНИЕ ГЕНШТАБА СОВЕТОК ВОЕННО-ВОЗДУШНО'],
      [2, 71, 93, 'ШИФРТЕЛЕГРАММА № 22054'],
      [3, 94, 119, 'Снятие копий воспрещается'],
      [4, 120, 213, 'ПОДЛЕЖИТ ВОЗВРАТУ ЧЕРЕЗ СЛУЖБУ СООБЩЕНИЙ ГЛАВНОГО УПРАВЛЕНИЯ ГЕНШТАБА СОВЕТОК ВОЕННО-ВОЗДУШНО'],
      // The distribution table: one segment a row ("тов." and "Экз." do not end a sentence).
      [5, 214, 247, '1\tтов. Сталину\tЭкз. № 7\tЭкз. № 13'],
      [5, 248, 271, '2\tтов. Сталину\t№ 8\t№ 14'],
      [5, 272, 283, '3\t\t№ 9\t№ 15'],
      [5, 284, 296, '4\t\t№ 10\t№ 16'],
      [5, 297, 309, '5\t\t№ 11\t№ 17'],
      [5, 310, 322, '6\t\t№ 12\t№ 18'],
      [6, 323, 342, 'Получено 03.15.21.7'],
      // A stamp of three short lines: each line its own segment (a translator may join them).
      [7, 343, 354, 'Для заметок'],
      [7, 355, 356, 'и'],
      [7, 357, 369, 'редакционной'],
      // The address block: "В." is an initial, "195 г." ends the line.
      [8, 370, 387, 'ПОДЛЕЖИТ ВОЗВРАТУ'],
      [8, 388, 408, 'в IV часть ОС ВКП(б)'],
      [8, 409, 433, 'В. № 1476/шт 2/шт 195 г.'],
      [8, 434, 452, 'Товарищу Филиппову'],
      [9, 453, 461, 'СЕРИЯ 17'],
      [10, 462, 666, 'В течение пяти заседаний, после возобновления переговоров о прекращении военных действий в Корее, наши представители и представители противника по вопросу повестки дня достигли соглашения по трем пунктам:'],
      // Numbered points: "1." at a paragraph's start does not end a sentence.
      [11, 667, 817, '1. В целях создания буферной зоны, определить военную разгранлинию обеих сторон, в качестве основного условия прекращения враждебных действий в Корее.'],
      [12, 818, 1041, '2. Конкретные мероприятия по осуществлению прекращения огня и установлению перемирия в Корее, включая создание органов по наблюдению за выполнением условий прекращения огня и установления перемирия, их полномочия и функции.'],
      [13, 1042, 1077, '3. Мероприятия в отношении пленных.'],
      [14, 1078, 1376, 'Что касается вопроса о выводе всех иностранных войск из Кореи, то противник решительно против включения его в повестку дня, считая, что он не входит в круг вопросов, которые должны обсуждаться на переговорах о прекращении военных действий, а должен быть отложен до разрешения на мирных переговорах.'],
      [15, 1377, 1517, 'Хотя наши представители многократно опровергали этот довод противника, однако у противника попрежнему не видно никаких признаков на уступку.'],
      [16, 1518, 1532, '(см. сл. лист)'],
      [17, 1533, 1545, 'ИТ МВО 195-1'],
    ]);
  });

  it('splits the prose paragraphs of sheets 2 and 3 into their sentences', () => {
    const paragraph = (sheet: number, p: number): string[] => texts(segments.filter((s) => s.sheetIndex === sheet && s.paragraphIndex === p));
    expect(paragraph(1, 4)).toEqual([
      'Так называемые мирные переговоры — это пустая фраза.',
      'Если противник вынесет для обсуждения в ООН все вопросы, которые возникнут после прекращения военных действий, то мы навряд ли сможем согласиться с этим.',
      'Допустим даже, что мирная конференция состоится, однако противник в ходе борьбы попрежнему может оставить вопросы о выводе иностранных войск из Кореи и другие вопросы не решенными.',
    ]);
    expect(paragraph(1, 6)).toEqual([
      'Однако в настоящее время политически противник лишился важной базы в поддержании напряженной обстановки на Дальнем Востоке, поэтому он ни в коем случае не пойдет на это.',
      'Таким образом, мы, повидимому, должны заново пересмотреть вопрос о выводе иностранных войск из Кореи.',
      'Ранее, в целях восстановления отдельно Северной и Южной Кореи, мы предлагали и соглашались с прекращением военных действий на 38 параллели.',
      'Главной причиной этого является то, что в настоящее время наши вооруженные силы в состоянии только изгнать противника из Северной Кореи и недостаточны для изгнания его из Южной Кореи.',
    ]);
    // The sentence that runs over to the next sheet stays cut at the sheet's end.
    expect(paragraph(1, 7)).toEqual([
      'В случае затяжной войны, противнику можно будет нанести еще большие потери, однако тогда мы сильно ударим по нашим финансам, а также нам будет трудно увеличить оборонное строительство.',
      'Если',
    ]);
    expect(paragraph(2, 4)).toEqual([
      'Если переговоры сорвутся, то мы намерены еще воевать несколько месяцев.',
      'Если срыв наступит по вопросу о 38 параллели, то мы имеем возможность постепенно изгнать противника к югу от 38 параллели и тогда снова начать переговоры о прекращении военных действий.',
      'Инициатива попрежнему будет в наших руках.',
    ]);
  });

  it('keeps the last sheet’s service notes apart, line by line', () => {
    expect(texts(segments.filter((s) => s.sheetIndex === 3 && s.paragraphIndex >= 4))).toEqual([
      'С большевистскими приветом!',
      'MOUSE-ON',
      '№ 3653',
      '20.7.51 г.',
      'Раст. Мокров',
      '05.45 21.7.',
      'Отп. Щербакова',
      '07.00 21.7.',
      '№ 1969',
      'отп. в четырех экз. № 3,4 - 8 Отд.',
      'Проверил: майор',
      '/Мокров/',
    ]);
  });

  it('measures segments in the TextIndex plain text', () => {
    for (const s of segments) expect(TEXT.slice(s.start, s.end)).toBe(s.text);
    expect(transcriptionParagraphs(doc).text).toBe(TEXT);
  });

  it('gives every segment a distinct id made of its sheet, paragraph and opening words', () => {
    expect(new Set(segments.map((s) => s.id)).size).toBe(segments.length);
    expect(segments[0]!.id).toMatch(/^seg-0-0-[0-9a-z]{7}$/);
    // The same continuation header on three sheets: different ids, by sheet.
    const headers = segments.filter((s) => s.text === 'Продолжение шифртелеграммы № 22054').map((s) => s.id);
    expect(headers).toHaveLength(3);
    expect(new Set(headers.map((id) => id.replace(/^seg-\d+-/, ''))).size).toBe(1);
  });
});

describe('Russian sentence rules', () => {
  it('ends sentences at full stops, question and exclamation marks before a capital', () => {
    expect(ru('Переговоры сорвались. Что делать? Воевать! И ждать.')).toEqual(['Переговоры сорвались.', 'Что делать?', 'Воевать!', 'И ждать.']);
  });

  it('does not end a sentence at an abbreviation that never ends one', () => {
    for (const text of [
      'Передать тов. Сталину лично.',
      'Это, т.е. вывод войск, главное.',
      'Это, т.е. Корея, главное.',
      'Так как т.к. Малик согласен.',
      'Смотри ст. 5 договора.',
      'Смотри стр. 12 и сл. лист.',
      'Улица им. Ленина, ул. Горького.',
      'Подробнее см. Приложение 2.',
      '(см. сл. лист)',
      'Получено за № 22054 экз. № 7 сегодня.',
      'Исх. № 15 от вчерашнего дня.',
    ]) {
      expect(ru(text), text).toEqual([text]);
    }
  });

  it('ends a sentence after "и т.д.", "и т.п.", "и др." before a capital', () => {
    expect(ru('Войска, танки и т.д. Все это выводится.')).toEqual(['Войска, танки и т.д.', 'Все это выводится.']);
    expect(ru('Пленные, раненые и т.п. Вопрос решен.')).toEqual(['Пленные, раненые и т.п.', 'Вопрос решен.']);
    expect(ru('Корея, Япония и др. Мы согласны.')).toEqual(['Корея, Япония и др.', 'Мы согласны.']);
    expect(ru('Корея и пр. страны.')).toEqual(['Корея и пр. страны.']);
  });

  it('tells a year’s "г." from a town’s, and a century’s "в." from an initial', () => {
    expect(ru('Это было в 1951 г. Затем начались переговоры.')).toEqual(['Это было в 1951 г.', 'Затем начались переговоры.']);
    expect(ru('Это было в 1950–1951 гг. Затем начались переговоры.')).toEqual(['Это было в 1950–1951 гг.', 'Затем начались переговоры.']);
    expect(ru('Он прибыл в г. Москву вчера.')).toEqual(['Он прибыл в г. Москву вчера.']);
    expect(ru('Переговоры в г. Кэсон идут.')).toEqual(['Переговоры в г. Кэсон идут.']);
    expect(ru('Это было в XX в. Затем всё изменилось.')).toEqual(['Это было в XX в.', 'Затем всё изменилось.']);
    expect(ru('Это было в I в. н.э. Затем пришли другие.')).toEqual(['Это было в I в. н.э.', 'Затем пришли другие.']);
  });

  it('keeps initials with the name they abbreviate', () => {
    expect(ru('Сообщаю И.В. Сталину лично.')).toEqual(['Сообщаю И.В. Сталину лично.']);
    expect(ru('Сообщаю И. В. Сталину лично.')).toEqual(['Сообщаю И. В. Сталину лично.']);
    expect(ru('Ответ Мао Цзэ-дуна получен. Товарищ Ким Ир Сен согласен.')).toEqual(['Ответ Мао Цзэ-дуна получен.', 'Товарищ Ким Ир Сен согласен.']);
    // An initial after the name, before a word that opens a sentence: a boundary.
    expect(ru('Подписал Сталин И.В. Затем телеграмма ушла.')).toEqual(['Подписал Сталин И.В.', 'Затем телеграмма ушла.']);
    expect(ru('В. № 1476/шт 2/шт 195 г.')).toEqual(['В. № 1476/шт 2/шт 195 г.']);
  });

  it('treats "1.", "2.1." and "IV." at a sentence’s start as numbered points', () => {
    expect(ru('1. Мероприятия в отношении пленных.')).toEqual(['1. Мероприятия в отношении пленных.']);
    expect(ru('Достигли соглашения: 1. Буферная зона. 2. Перемирие. 3. Пленные.')).toEqual([
      'Достигли соглашения: 1. Буферная зона.',
      '2. Перемирие.',
      '3. Пленные.',
    ]);
    expect(ru('2.1. Подробности. IV. Часть четвертая.')).toEqual(['2.1. Подробности.', 'IV. Часть четвертая.']);
    expect(ru('Вернуть в IV часть ОС ВКП(б).')).toEqual(['Вернуть в IV часть ОС ВКП(б).']);
    // A number that ends a sentence in the middle of a paragraph is no numbered point.
    expect(ru('Войск было 38. Это много.')).toEqual(['Войск было 38.', 'Это много.']);
  });

  it('leaves decimal numbers, times and dates alone', () => {
    expect(ru('Получено 03.15.21.7 и отправлено 20.07.1951 в 3.5 часа.')).toEqual(['Получено 03.15.21.7 и отправлено 20.07.1951 в 3.5 часа.']);
    expect(ru('Отправлено в 03.15. Телеграмма дошла.')).toEqual(['Отправлено в 03.15.', 'Телеграмма дошла.']);
  });

  it('handles ellipses: a boundary before a capital, none before a small letter', () => {
    expect(ru('Мы подождем... Затем решим.')).toEqual(['Мы подождем...', 'Затем решим.']);
    expect(ru('Мы подождем… Затем решим.')).toEqual(['Мы подождем…', 'Затем решим.']);
    expect(ru('Мы подождем… и решим.')).toEqual(['Мы подождем… и решим.']);
  });

  it('keeps closing quotes and brackets with the sentence they close', () => {
    expect(ru('Он сказал: «Переговоры сорвутся.» Затем ушел.')).toEqual(['Он сказал: «Переговоры сорвутся.»', 'Затем ушел.']);
    expect(ru('Вопрос решен (так в оригинале.) Далее текст.')).toEqual(['Вопрос решен (так в оригинале.)', 'Далее текст.']);
    expect(ru('«Мирные переговоры — пустая фраза!» — сказал он. «Мы согласны?» Да.')).toEqual([
      '«Мирные переговоры — пустая фраза!» — сказал он.',
      '«Мы согласны?»',
      'Да.',
    ]);
    expect(ru('Так. (Это важно.) Дальше.')).toEqual(['Так.', '(Это важно.)', 'Дальше.']);
  });

  it('takes vowelless words for abbreviations but not acronyms', () => {
    expect(ru('Всего 5 млн. рублей.')).toEqual(['Всего 5 млн. рублей.']);
    expect(ru('Смотри табл. Три.')).toEqual(['Смотри табл. Три.']);
    expect(ru('Войска вернулись в СССР. Это хорошо.')).toEqual(['Войска вернулись в СССР.', 'Это хорошо.']);
    expect(ru('Вопрос передан в ООН. Ответа нет.')).toEqual(['Вопрос передан в ООН.', 'Ответа нет.']);
  });

  it('does not split where no white space follows, nor before a small letter', () => {
    expect(ru('Конец.Начало.')).toEqual(['Конец.Начало.']);
    expect(ru('Отп. в четырех экз.')).toEqual(['Отп. в четырех экз.']);
  });

  it('ends sentences at CJK full stops without a space', () => {
    expect(segmentText('我们同意。敌人拒绝！为什么？', 'zh').map((s) => s.text)).toEqual(['我们同意。', '敌人拒绝！', '为什么？']);
  });
});

describe('English sentence rules', () => {
  const paragraph =
    'Mr. Kennan met Mr. Malik on May 31, 1951. The U.S. Government, i.e. the State Department, proposed talks at 10 a.m. on July 10. ' +
    'Dr. J. F. Dulles said: "The armistice is near." Then he left for the U.S. The talks went on. ' +
    'See No. 5 and pp. 12-14, e.g. the third point, and cf. Art. 3 of the draft. He said no. Then he said yes... ' +
    'Gen. Ridgway (U.N. Command) agreed! Why? Because Marshal Kim Il Sung and Peng Dehuai wrote to him on Jul. 3 and Sept. 8.';

  it('splits a paragraph full of abbreviations, initials and acronyms into its sentences', () => {
    expect(en(paragraph)).toEqual([
      'Mr. Kennan met Mr. Malik on May 31, 1951.',
      'The U.S. Government, i.e. the State Department, proposed talks at 10 a.m. on July 10.',
      'Dr. J. F. Dulles said: "The armistice is near."',
      'Then he left for the U.S.',
      'The talks went on.',
      'See No. 5 and pp. 12-14, e.g. the third point, and cf. Art. 3 of the draft.',
      'He said no.',
      'Then he said yes...',
      'Gen. Ridgway (U.N. Command) agreed!',
      'Why?',
      'Because Marshal Kim Il Sung and Peng Dehuai wrote to him on Jul. 3 and Sept. 8.',
    ]);
  });

  it('treats numbered points at a paragraph’s start as part of their sentence', () => {
    expect(en('1. The buffer zone. 2. The cease-fire. 3. Prisoners of war.')).toEqual(['1. The buffer zone.', '2. The cease-fire.', '3. Prisoners of war.']);
    expect(en('II. Points of agreement')).toEqual(['II. Points of agreement']);
  });

  it('does not apply Russian abbreviations to English text', () => {
    expect(en('Signed by тов. Сталин today.')).toEqual(['Signed by тов.', 'Сталин today.']);
    expect(ru('Signed by тов. Сталин today.')).toEqual(['Signed by тов. Сталин today.']);
  });
});

describe('line breaks inside a paragraph', () => {
  it('end a segment after a short line', () => {
    expect(ru('ПОДЛЕЖИТ ВОЗВРАТУ\nв IV часть ОС ВКП(б)\nТоварищу Филиппову')).toEqual(['ПОДЛЕЖИТ ВОЗВРАТУ', 'в IV часть ОС ВКП(б)', 'Товарищу Филиппову']);
  });

  it('count as a space after a long line of running prose, and the sentence rules decide', () => {
    const wrapped = 'В течение пяти заседаний, после возобновления переговоров о\nпрекращении военных действий в Корее, наши представители и\nпредставители противника достигли соглашения. Инициатива\nпопрежнему будет в наших руках.';
    const result = segmentText(wrapped, 'ru');
    expect(result.map((s) => s.text)).toEqual([
      'В течение пяти заседаний, после возобновления переговоров о\nпрекращении военных действий в Корее, наши представители и\nпредставители противника достигли соглашения.',
      'Инициатива\nпопрежнему будет в наших руках.',
    ]);
    // A wrapped "тов." at a line's end still does not end the sentence.
    expect(ru('Настоящим сообщаем, что телеграмму следует передать лично тов.\nСталину без задержки.')).toEqual([
      'Настоящим сообщаем, что телеграмму следует передать лично тов.\nСталину без задержки.',
    ]);
  });

  it('always end a table row (a line with tabs), however long', () => {
    const row = '1\tтов. Сталину, Председателю Совета Министров СССР\tЭкз. № 7';
    expect(ru(`${row}\n${row}`)).toEqual([row, row]);
  });

  it('obey the run-on length option', () => {
    expect(texts(segmentText('ПОДЛЕЖИТ ВОЗВРАТУ\nв IV часть', 'ru', { runOnLineLength: 10 }))).toEqual(['ПОДЛЕЖИТ ВОЗВРАТУ\nв IV часть']);
  });
});

describe('segmentText', () => {
  it('numbers paragraphs at blank lines and sheets at form feeds, in the string’s own offsets', () => {
    const text = '  Первый абзац. Второе предложение.\n\n\nВторой абзац.\f\nЛист 2\n \nТретий.  ';
    const result = segmentText(text, 'ru');
    expect(result.map((s) => [s.sheetIndex, s.paragraphIndex, s.text])).toEqual([
      [0, 0, 'Первый абзац.'],
      [0, 0, 'Второе предложение.'],
      [0, 1, 'Второй абзац.'],
      [1, 0, 'Лист 2'],
      [1, 1, 'Третий.'],
    ]);
    for (const s of result) expect(text.slice(s.start, s.end)).toBe(s.text);
  });

  it('returns nothing for blank text', () => {
    expect(segmentText('', 'ru')).toEqual([]);
    expect(segmentText(' \n\t\n ', 'ru')).toEqual([]);
  });
});

describe('segment ids when the transcription is corrected', () => {
  const paragraphs = [
    'Если переговоры сорвутся, то мы намерены еще воевать несколько месяцев. Если срыв наступит по вопросу о 38 параллели, то мы начнем снова. Инициатива попрежнему будет в наших руках.',
    'Второй абзац. Его второе предложение.',
  ];
  const ids = (ps: string[]): string[] => segmentTranscription(transcriptionFromSheets([{ label: 'Sheet 1', numberAsWritten: '', paragraphs: ps }])).map((s) => s.id);
  const before = ids(paragraphs);

  it('survive a correction after a sentence’s opening words', () => {
    const after = ids([paragraphs[0]!.replace('несколько месяцев', 'несколько недель'), paragraphs[1]!]);
    expect(after).toEqual(before);
  });

  it('survive a sentence added before them in their paragraph, and edits in earlier paragraphs', () => {
    const after = ids(['Новое первое предложение. ' + paragraphs[0]!, paragraphs[1]!.replace('Второй', 'Второй и последний')]);
    expect(after.slice(1, 4)).toEqual(before.slice(0, 3));
    expect(after[4]).not.toBe(before[3]); // its own opening words changed
    expect(after[5]).toBe(before[4]);
  });

  it('change when a sentence’s opening words are corrected', () => {
    const after = ids([paragraphs[0]!.replace('Если срыв', 'Если разрыв'), paragraphs[1]!]);
    expect(after[0]).toBe(before[0]);
    expect(after[1]).not.toBe(before[1]);
    expect(after[2]).toBe(before[2]);
  });

  it('stay distinct for repeated sentences in one paragraph', () => {
    const repeated = ids(['Так. Так. Так.']);
    expect(new Set(repeated).size).toBe(3);
    expect(repeated[1]).toBe(`${repeated[0]}-2`);
  });
});

describe('transcriptions with editorial atoms', () => {
  it('measures segments in plain text where gaps and notes add nothing', () => {
    const { nodes } = transcriptionSchema;
    const paragraph = nodes.paragraph!.create(null, [
      transcriptionSchema.text('Первое предложение'),
      nodes.gap!.create({ extent: '2 words' }),
      transcriptionSchema.text('. Второе'),
      nodes.editorial_note!.create({ text: 'sic' }),
      nodes.hard_break!.create(),
      transcriptionSchema.text('предложение.'),
    ]);
    const d = nodes.doc!.create(null, [nodes.sheet!.create(null, [nodes.paragraph!.create(null, [transcriptionSchema.text('Заголовок')]), paragraph])]);
    const text = TextIndex.fromDoc(d).text;
    const result = segmentTranscription(d);
    expect(result.map((s) => [s.paragraphIndex, s.text])).toEqual([
      [0, 'Заголовок'],
      [1, 'Первое предложение.'],
      [1, 'Второе'],
      [1, 'предложение.'],
    ]);
    for (const s of result) expect(text.slice(s.start, s.end)).toBe(s.text);
  });
});
