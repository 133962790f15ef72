/**
 * Glossary files in and out of the dialog: a chosen CSV or TBX file read into a glossary (or a
 * message saying why it cannot be), an import applied in one transaction and undoable, and the
 * glossary saved as CSV or TBX through the bridge.
 */
import type { MarginaliaBridge, OpenedFile, SaveFileResult } from '../../shared/bridge';
import { glossaryFromCsv, glossaryFromTbx, glossaryToCsv, glossaryToTbx, type Glossary } from '../../shared/glossary';
import { formatMegabytes, ImportError } from '../../shared/importers/import-error';
import type { UndoStack } from '../actions/undo-stack';
import type { MarginaliaDatabase } from '../db/database';
import { loadGlossary, replaceGlossary } from '../db/glossary-store';
import { glossaryFileKind, mergeGlossaries, type MergeMode, type MergeResult } from './glossary-edit';

export type ReadGlossaryResult = { ok: true; name: string; glossary: Glossary } | { ok: false; message: string };

/** Reads a chosen file as a glossary; never throws: a bad file gives a message for the translator. */
export function readGlossaryFile(file: OpenedFile, languages: { sourceLanguage: string; targetLanguage: string }): ReadGlossaryResult {
  if (file.bytes === null) {
    return { ok: false, message: `“${file.name}” cannot be imported: it is ${formatMegabytes(file.size, 'up')}, larger than the limit of ${formatMegabytes(file.limit)}.` };
  }
  const options = { sourceLanguage: languages.sourceLanguage, targetLanguage: languages.targetLanguage };
  try {
    const kind = glossaryFileKind(file.name, file.bytes);
    const glossary = kind === 'tbx' ? glossaryFromTbx(file.name, file.bytes, options) : glossaryFromCsv(file.name, file.bytes, options);
    if (glossary.entries.length === 0) {
      return { ok: false, message: `“${file.name}” holds no glossary entries: nothing to import.` };
    }
    return { ok: true, name: file.name, glossary };
  } catch (error) {
    if (error instanceof ImportError) return { ok: false, message: error.message };
    return { ok: false, message: `“${file.name}” cannot be imported: ${error instanceof Error ? error.message : String(error)}` };
  }
}

/**
 * Applies an import in one transaction and puts its undo on the stack (the glossary as it was,
 * written back whole). Answers what changed.
 */
export async function applyGlossaryImport(
  db: MarginaliaDatabase,
  undoStack: UndoStack,
  imported: Glossary,
  mode: MergeMode,
): Promise<MergeResult> {
  const before = await loadGlossary(db);
  const result = mergeGlossaries(before, imported, mode);
  await replaceGlossary(db, result.glossary);
  undoStack.push({ label: mode === 'replace' ? 'Replace the glossary' : 'Import glossary entries', undo: () => replaceGlossary(db, before) });
  return result;
}

/** The glossary as a file; answers where it went, or why not. */
export async function exportGlossary(bridge: MarginaliaBridge, glossary: Glossary, format: 'csv' | 'tbx'): Promise<SaveFileResult> {
  const name = `Glossary ${glossary.sourceLanguage}-${glossary.targetLanguage}`;
  if (format === 'csv') return bridge.saveFile('glossary-csv', name, new TextEncoder().encode(glossaryToCsv(glossary)));
  return bridge.saveFile('glossary-tbx', name, new TextEncoder().encode(glossaryToTbx(glossary, { title: 'Marginalia glossary' })));
}
