/**
 * A small Russian–English glossary of the sample telegram's terms, for the glossary's tests.
 * Pure, like the rest of shared/; nothing in the app uses it.
 */
import type { Glossary, GlossaryEntry } from './types';

export function entry(fields: Partial<GlossaryEntry> & Pick<GlossaryEntry, 'id' | 'source'>): GlossaryEntry {
  return { forms: [], stem: '', preferred: '', admitted: [], forbidden: [], notes: '', ...fields };
}

export function sampleGlossary(): Glossary {
  return {
    sourceLanguage: 'ru',
    targetLanguage: 'en',
    entries: [
      entry({ id: 'enemy', source: 'противник', preferred: 'enemy', admitted: ['adversary'], forbidden: ['opponent'], notes: 'Military usage; not “opponent” (sport, debate).' }),
      entry({ id: 'buffer-zone', source: 'буферная зона', preferred: 'buffer zone' }),
      entry({ id: 'demarcation-line', source: 'военная разгранлиния', forms: ['разгранлиния'], preferred: 'military demarcation line', forbidden: ['line of contact'] }),
      entry({ id: 'cessation', source: 'прекращение военных действий', preferred: 'cessation of hostilities', forbidden: ['cease-fire', 'ceasefire'] }),
      entry({ id: 'withdrawal', source: 'вывод иностранных войск', preferred: 'withdrawal of foreign troops' }),
      entry({ id: 'parallel-38', source: '38 параллель', preferred: '38th parallel' }),
      entry({ id: 'un', source: 'ООН', stem: 'none', preferred: 'UN', admitted: ['United Nations'] }),
      entry({ id: 'kim', source: 'Ким Ир Сен', stem: 'none', forms: ['Ким Ир Сена', 'Ким Ир Сену'], preferred: 'Kim Il Sung' }),
      entry({ id: 'vkpb', source: 'ВКП(б)', stem: 'none', preferred: 'VKP(b)', notes: 'All-Union Communist Party (Bolsheviks).' }),
    ],
  };
}
