/**
 * The library's glossary: read whole, saved an entry at a time, replaced whole on import. Every
 * write is one transaction.
 */
import type { Glossary, GlossaryEntry } from '../../shared/glossary/types';
import { glossaryEntryProblems } from '../../shared/glossary/types';
import type { MarginaliaDatabase } from './database';
import { nowIso } from './ids';
import type { GlossaryEntryRecord } from './translation-records';

const LANGUAGES_KEY = 'glossary-languages';

/** The glossary's entries in the translator's order, as plain entries. */
export async function loadGlossary(db: MarginaliaDatabase): Promise<Glossary> {
  const [records, languages] = await db.transaction('r', db.glossary, db.settings, async () => [
    await db.glossary.orderBy('order').toArray(),
    (await db.settings.get(LANGUAGES_KEY))?.value as { source: string; target: string } | undefined,
  ] as const);
  return {
    sourceLanguage: languages?.source ?? 'ru',
    targetLanguage: languages?.target ?? 'en',
    entries: records.map(entryOf),
  };
}

function entryOf(record: GlossaryEntryRecord): GlossaryEntry {
  const { order: _order, modified: _modified, ...entry } = record;
  return entry;
}

/** Adds or changes one entry; refuses (throws, saying why) an entry with problems. */
export async function saveGlossaryEntry(db: MarginaliaDatabase, entry: GlossaryEntry): Promise<void> {
  const problems = glossaryEntryProblems(entry);
  if (problems.length > 0) throw new Error(`This glossary entry cannot be saved: ${problems.join('; ')}.`);
  await db.transaction('rw', db.glossary, async () => {
    const existing = await db.glossary.get(entry.id);
    const last = await db.glossary.orderBy('order').last();
    const order = existing?.order ?? (last ? last.order + 1 : 0);
    await db.glossary.put({ ...entry, order, modified: nowIso() });
  });
}

export async function deleteGlossaryEntry(db: MarginaliaDatabase, id: string): Promise<GlossaryEntryRecord | undefined> {
  return db.transaction('rw', db.glossary, async () => {
    const existing = await db.glossary.get(id);
    await db.glossary.delete(id);
    return existing;
  });
}

/** Puts a deleted entry back where it was (undo). */
export async function restoreGlossaryEntry(db: MarginaliaDatabase, record: GlossaryEntryRecord): Promise<void> {
  await db.transaction('rw', db.glossary, () => db.glossary.put(record));
}

/**
 * Replaces the whole glossary (an imported file, or undoing an import) in one transaction, so
 * the library has the old glossary or the new one, never a mixture.
 */
export async function replaceGlossary(db: MarginaliaDatabase, glossary: Glossary): Promise<void> {
  const modified = nowIso();
  await db.transaction('rw', db.glossary, db.settings, async () => {
    await db.glossary.clear();
    await db.glossary.bulkAdd(glossary.entries.map((entry, order) => ({ ...entry, order, modified })));
    await db.settings.put({ key: LANGUAGES_KEY, value: { source: glossary.sourceLanguage, target: glossary.targetLanguage } });
  });
}
