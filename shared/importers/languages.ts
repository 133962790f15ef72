/**
 * BCP 47 codes for the language names archives print ("Russian", "Chinese"), so that the
 * transcription and translations can carry a machine-readable language.
 */
const LANGUAGE_CODES: Readonly<Record<string, string>> = {
  russian: 'ru', chinese: 'zh', english: 'en', korean: 'ko', german: 'de', french: 'fr',
  japanese: 'ja', polish: 'pl', czech: 'cs', hungarian: 'hu', romanian: 'ro', bulgarian: 'bg',
  vietnamese: 'vi', spanish: 'es', italian: 'it', ukrainian: 'uk', mongolian: 'mn',
  serbian: 'sr', croatian: 'hr', albanian: 'sq', arabic: 'ar', persian: 'fa', hebrew: 'he',
  // Further languages of Cold War archives, so that a page in any of them gets its code.
  mandarin: 'zh', cantonese: 'yue', portuguese: 'pt', dutch: 'nl', greek: 'el', turkish: 'tr',
  slovak: 'sk', slovenian: 'sl', macedonian: 'mk', belarusian: 'be', lithuanian: 'lt',
  latvian: 'lv', estonian: 'et', finnish: 'fi', swedish: 'sv', norwegian: 'no', danish: 'da',
  georgian: 'ka', armenian: 'hy', azerbaijani: 'az', kazakh: 'kk', uzbek: 'uz', hindi: 'hi',
  urdu: 'ur', indonesian: 'id', malay: 'ms', thai: 'th', lao: 'lo', khmer: 'km', burmese: 'my',
  tibetan: 'bo', uyghur: 'ug', amharic: 'am', swahili: 'sw', latin: 'la', yiddish: 'yi',
  'serbo-croatian': 'sh', farsi: 'fa', 'east german': 'de',
};

/**
 * The code for the first language named (e.g. "Russian" → "ru", "Chinese (Simplified)" →
 * "zh", "Russian, English" → "ru"; one per line likewise), or "" when unknown.
 */
export function languageCodeFor(languageName: string): string {
  const first = languageName.split(/[,;/\n]| and /)[0] ?? '';
  const name = first.replace(/\(.*?\)/g, '').trim().replace(/\s+/g, ' ').toLowerCase();
  return LANGUAGE_CODES[name] ?? '';
}

/** Whether `word` names a language we know ("english", "Korean"); used to read labels such as "English Translation". */
export function isLanguageName(word: string): boolean {
  return languageCodeFor(word) !== '' && !/[,;/\n]| and /.test(word);
}

/** Languages offered for translations and bodies, code → English name. */
export const BODY_LANGUAGES: ReadonlyArray<{ code: string; name: string }> = [
  { code: 'en', name: 'English' },
  { code: 'ru', name: 'Russian' },
  { code: 'zh', name: 'Chinese' },
  { code: 'ko', name: 'Korean' },
  { code: 'de', name: 'German' },
  { code: 'fr', name: 'French' },
  { code: 'ja', name: 'Japanese' },
  { code: 'es', name: 'Spanish' },
];
