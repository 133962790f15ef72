/**
 * The glossary dialog's logic, apart from React: an entry as the translator types it (text
 * fields, lists separated by ";"), its problems placed next to the field they concern, the
 * filter, and merging an imported glossary into the library's (replace it, or add to it).
 */
import { glossaryEntryProblems, newEntryId, type Glossary, type GlossaryEntry } from '../../shared/glossary/types';

/** The fields of the table, in column order. */
export const ENTRY_FIELDS = ['source', 'forms', 'stem', 'preferred', 'admitted', 'forbidden', 'notes'] as const;
export type EntryField = (typeof ENTRY_FIELDS)[number];

export const FIELD_LABELS: Readonly<Record<EntryField, string>> = {
  source: 'Source term',
  forms: 'Other forms',
  stem: 'Stem rule',
  preferred: 'Preferred rendering',
  admitted: 'Admitted renderings',
  forbidden: 'Forbidden renderings',
  notes: 'Notes',
};

/** The list fields, typed as text with items separated by this. */
export const LIST_SEPARATOR = ';';

/** An entry as the form holds it: every field a string. */
export type EntryDraft = Record<EntryField, string>;

export const EMPTY_DRAFT: EntryDraft = { source: '', forms: '', stem: '', preferred: '', admitted: '', forbidden: '', notes: '' };

export function draftOf(entry: GlossaryEntry): EntryDraft {
  return {
    source: entry.source,
    forms: entry.forms.join(`${LIST_SEPARATOR} `),
    stem: entry.stem,
    preferred: entry.preferred,
    admitted: entry.admitted.join(`${LIST_SEPARATOR} `),
    forbidden: entry.forbidden.join(`${LIST_SEPARATOR} `),
    notes: entry.notes,
  };
}

function listOf(text: string): string[] {
  return text
    .split(LIST_SEPARATOR)
    .map((item) => item.normalize('NFC').trim())
    .filter((item) => item !== '');
}

/** The entry a draft stands for, with the id given (a new entry's is made from its source term). */
export function entryOf(draft: EntryDraft, id: string): GlossaryEntry {
  const one = (text: string): string => text.normalize('NFC').trim();
  return {
    id,
    source: one(draft.source),
    forms: listOf(draft.forms),
    stem: one(draft.stem),
    preferred: one(draft.preferred),
    admitted: listOf(draft.admitted),
    forbidden: listOf(draft.forbidden),
    notes: draft.notes.normalize('NFC').trimEnd(),
  };
}

export function isBlankDraft(draft: EntryDraft): boolean {
  return ENTRY_FIELDS.every((field) => draft[field].trim() === '');
}

/** The problems of an entry, by the field each concerns (`entry` for the rest), in words. */
export type FieldProblems = Partial<Record<EntryField | 'entry', string[]>>;

/** Which field a problem of `glossaryEntryProblems` is about, from its wording. */
function fieldOfProblem(problem: string): EntryField | 'entry' {
  if (/forbidden one$/.test(problem)) return 'forbidden';
  if (/^the source term/.test(problem)) return 'source';
  if (/^the stem rule/.test(problem)) return 'stem';
  if (/the forms\b/.test(problem)) return 'forms';
  if (/admitted renderings/.test(problem)) return 'admitted';
  if (/forbidden renderings/.test(problem)) return 'forbidden';
  return 'entry';
}

/** A term's key for comparing source terms: case, "ё" and white space ignored. */
export function termKey(term: string): string {
  return term.normalize('NFC').trim().toLowerCase().replace(/ё/g, 'е').replace(/\s+/g, ' ');
}

/**
 * What is wrong with an entry the translator typed, by field: the shared checks, and a source
 * term that another entry of the glossary already has.
 */
export function draftProblems(entry: GlossaryEntry, others: readonly GlossaryEntry[]): FieldProblems {
  const problems: FieldProblems = {};
  const add = (field: EntryField | 'entry', text: string): void => {
    (problems[field] ??= []).push(capitalise(text));
  };
  for (const problem of glossaryEntryProblems(entry)) add(fieldOfProblem(problem), problem);
  // An empty source term says so once: "has no letters" would repeat it.
  if (entry.source === '' && problems.source) problems.source = ['The source term is empty'];
  const key = termKey(entry.source);
  if (key !== '' && others.some((other) => other.id !== entry.id && termKey(other.source) === key)) {
    add('source', `“${entry.source}” is already in the glossary; change that entry instead`);
  }
  return problems;
}

export function hasProblems(problems: FieldProblems): boolean {
  return Object.values(problems).some((list) => list && list.length > 0);
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** Whether an entry matches the filter: any of its fields contains the text (case and "ё" ignored). */
export function matchesFilter(entry: GlossaryEntry, filter: string): boolean {
  const wanted = termKey(filter);
  if (wanted === '') return true;
  const fields = [entry.source, ...entry.forms, entry.stem, entry.preferred, ...entry.admitted, ...entry.forbidden, entry.notes];
  return fields.some((field) => termKey(field).includes(wanted));
}

export type MergeMode = 'replace' | 'add';

export interface MergeResult {
  glossary: Glossary;
  /** Entries added that were not in the glossary. */
  added: number;
  /** Entries of the glossary changed to the file's version (same source term). */
  updated: number;
  /** Imported entries whose id was taken by another term, and that were given a new one. */
  renamed: number;
}

/**
 * The glossary after an import. `replace`: the file's glossary as it is. `add`: the library's
 * entries in their order, each one whose source term the file also has replaced by the file's
 * version (keeping the library's id, so nothing that names it breaks), then the file's other
 * entries; an imported id that another term already uses is replaced by a fresh one. The
 * languages stay the library's when adding.
 */
export function mergeGlossaries(existing: Glossary, imported: Glossary, mode: MergeMode): MergeResult {
  if (mode === 'replace') return { glossary: imported, added: imported.entries.length, updated: 0, renamed: 0 };
  const entries = [...existing.entries];
  const bySource = new Map(entries.map((entry, index) => [termKey(entry.source), index]));
  const taken = new Set(entries.map((entry) => entry.id));
  let added = 0;
  let updated = 0;
  let renamed = 0;
  for (const entry of imported.entries) {
    const at = bySource.get(termKey(entry.source));
    if (at !== undefined) {
      entries[at] = { ...entry, id: entries[at]!.id };
      updated++;
      continue;
    }
    let id = entry.id;
    if (taken.has(id)) {
      id = newEntryId(entry.source, taken);
      renamed++;
    } else taken.add(id);
    bySource.set(termKey(entry.source), entries.length);
    entries.push({ ...entry, id });
    added++;
  }
  return { glossary: { ...existing, entries }, added, updated, renamed };
}

/** How many of the file's entries are already in the glossary (by source term), for the import preview. */
export function alreadyPresent(existing: Glossary, imported: Glossary): number {
  const keys = new Set(existing.entries.map((entry) => termKey(entry.source)));
  return imported.entries.filter((entry) => keys.has(termKey(entry.source))).length;
}

/** Which reader a chosen file needs, by its name, else by its first characters. */
export function glossaryFileKind(name: string, bytes: Uint8Array): 'csv' | 'tbx' {
  const extension = /\.([^.]+)$/.exec(name)?.[1]?.toLowerCase();
  if (extension === 'tbx' || extension === 'xml') return 'tbx';
  if (extension === 'csv' || extension === 'tsv' || extension === 'txt') return 'csv';
  // Skip a byte-order mark and white space, then: "<" is XML.
  let i = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? 3 : 0;
  while (i < bytes.length && (bytes[i] === 0x20 || bytes[i] === 0x09 || bytes[i] === 0x0a || bytes[i] === 0x0d)) i++;
  return bytes[i] === 0x3c ? 'tbx' : 'csv';
}
