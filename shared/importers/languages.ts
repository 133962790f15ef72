/**
 * BCP 47 codes for the language names archives print ("Russian", "Chinese"), so that the
 * transcription and translations can carry a machine-readable language.
 */
const LANGUAGE_CODES: Readonly<Record<string, string>> = {
  russian: 'ru', chinese: 'zh', english: 'en', korean: 'ko', german: 'de', french: 'fr',
  japanese: 'ja', polish: 'pl', czech: 'cs', hungarian: 'hu', romanian: 'ro', bulgarian: 'bg',
  vietnamese: 'vi', spanish: 'es', italian: 'it', ukrainian: 'uk', mongolian: 'mn',
  serbian: 'sr', croatian: 'hr', albanian: 'sq', arabic: 'ar', persian: 'fa', hebrew: 'he',
};

/** The code for the first language named (e.g. "Russian" → "ru"), or "" when unknown. */
export function languageCodeFor(languageName: string): string {
  const first = languageName.split(/[,;/]| and /)[0]?.trim().toLowerCase() ?? '';
  return LANGUAGE_CODES[first] ?? '';
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
