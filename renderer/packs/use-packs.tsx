/**
 * Packs in the app: File › Export Annotation Pack (a dialog, then a file saved or downloaded)
 * and File › Open Annotation Pack (read and checked, a preview of what would change, then one
 * atomic merge) — also for W3C JSON-LD from other tools, put onto the open document.
 */
import { useCallback, useState, type ReactNode } from 'react';
import {
  anchorForeignAnnotations,
  applyMergePlan,
  exportAnnotationsJsonLd,
  isEmptyMerge,
  planMerge,
  readAnnotationsJsonLd,
  readPackAsync,
  selectPackAnnotations,
  writePackAsync,
  type MergePlan,
  type MergeWrites,
} from '../../shared/pack';
import { contentHash } from '../../shared/annotation-version';
import type { Annotation } from '../../shared/annotation';
import { decodeTextFile } from '../../shared/importers/decode-text';
import { ImportError, MAX_PACK_FILE_BYTES } from '../../shared/importers/import-error';
import { newId, nowIso } from '../db/ids';
import type { DocumentRecord } from '../db/records';
import { readWithin, type ImportSource } from '../import/import-source';
import { authorsOf, type Author } from '../seminar/authors';
import { useWorkspace } from '../workspace';
import { ExportPackDialog, type ExportChoice } from './ExportPackDialog';
import { MergePreviewDialog, type ItemStatus, type MergePreview } from './MergePreviewDialog';
import { gatherPackInput, gatherPackInputInParts, loadMergeLibrary, writeMerge } from './pack-library';

/** Whether a file is a pack or W3C annotations (rather than a text or a scan). */
export function isPackFile(name: string): boolean {
  return /\.(mpack|jsonld|json)$/i.test(name);
}

interface PendingMerge {
  preview: MergePreview;
  writes: MergeWrites;
  /** Shown when the merge is done. */
  done: string;
}

export function usePacks(documents: readonly DocumentRecord[], openId: string | null) {
  const { db, bridge, creator, notify } = useWorkspace();
  const [exporting, setExporting] = useState<{ authors: Author[]; progress: { done: number; total: number } | null } | null>(null);
  const [pending, setPending] = useState<PendingMerge | null>(null);
  const [merging, setMerging] = useState(false);

  const startExport = useCallback(async () => {
    const annotations = (await db.annotations.toArray()).filter((a) => !a.deleted);
    setExporting({ authors: authorsOf(annotations), progress: null });
  }, [db]);

  const runExport = useCallback(
    async (choice: ExportChoice) => {
      try {
        const info = await bridge.appInfo();
        const generator = `${info.name} ${info.version}`;
        setExporting((e) => e && { ...e, progress: { done: 0, total: choice.documentIds.length + 1 } });
        const gathering = { includeScans: choice.includeScans, creator, generator };
        const read = <T,>(input: Promise<T>): Promise<T> =>
          input.then((gathered) => {
            setExporting((e) => e && { ...e, progress: { done: choice.documentIds.length, total: choice.documentIds.length + 1 } });
            return gathered;
          });
        const options = { documentIds: choice.documentIds, includeScans: choice.includeScans, ...(choice.authorIds ? { authorIds: choice.authorIds } : {}), ...(choice.kinds ? { kinds: choice.kinds } : {}) };
        const title = choice.documentIds.length === 1 ? (documents.find((d) => d.id === choice.documentIds[0])?.title ?? 'Marginalia') : 'Marginalia library';
        const result =
          choice.format === 'pack'
            ? // Handed over while the library is read (the worker starts meanwhile; the annotations are written as they come).
              await bridge.saveFile('pack', `${title} — ${creator.name}`, await writePackAsync(read(gatherPackInputInParts(db, choice.documentIds, gathering)), options))
            : await bridge.saveFile(
                'annotations',
                `${title} — annotations`,
                new TextEncoder().encode(
                  exportAnnotationsJsonLd(selectPackAnnotations((await read(gatherPackInput(db, choice.documentIds, gathering))).annotations, new Set(choice.documentIds), options), { creator, generator }),
                ),
              );
        setExporting(null);
        if (result.saved) notify(`Exported to ${result.where}.`);
        else if (result.reason) notify(result.reason);
      } catch (error) {
        setExporting(null);
        notify(`The pack could not be made: ${error instanceof Error ? error.message : String(error)}`);
      }
    },
    [db, bridge, creator, documents, notify],
  );

  /** Reads a pack (or W3C annotations) and shows what merging it would change. */
  const openPack = useCallback(
    async (source: ImportSource) => {
      try {
        const bytes = await readWithin(source, MAX_PACK_FILE_BYTES);
        if (/\.mpack$/i.test(source.name)) {
          const pack = await readPackAsync(bytes, { fileName: source.name });
          const plan = planMerge(await loadMergeLibrary(db, pack), pack);
          const writes = applyMergePlan(plan, { newId, now: nowIso() });
          setPending({ preview: previewOf(plan), writes, done: mergedMessage(plan) });
          return;
        }
        if (!openId) throw new ImportError(source.name, 'it holds annotations from another tool; open the document they belong to first, then open the file again.');
        const foreign = readAnnotationsJsonLd(decodeTextFile(source.name, bytes).text, { fileName: source.name });
        const transcription = await db.transcriptions.get(openId);
        if (!transcription) throw new ImportError(source.name, 'the open document has no transcription to put the annotations on.');
        const anchored = anchorForeignAnnotations(foreign.annotations, {
          documentId: openId,
          transcription: transcription.doc,
          fallbackCreator: { id: 'urn:marginalia:imported', name: 'Imported annotations' },
          newId,
          now: nowIso(),
        });
        const existing = await db.annotations.bulkGet(anchored.annotations.map((a) => a.id));
        const fresh = anchored.annotations.filter((a, i) => !existing[i] || existing[i]!.documentId !== openId || contentHash(existing[i]!) !== contentHash(a));
        const byAuthor = countNew(anchored.annotations, fresh);
        const title = documents.find((d) => d.id === openId)?.title ?? 'the open document';
        setPending({
          preview: {
            source: `Annotations from ${source.name}, to be put on “${title}”: ${anchored.anchored} found their words, ${anchored.orphaned} did not and will be listed as orphans.`,
            documents: [{ title, status: 'unchanged' }],
            byAuthor,
            warnings: foreign.warnings,
          },
          writes: { documents: [], transcriptions: [], revisions: [], scans: [], scanSheetIndexes: [], annotations: fresh },
          done: `${fresh.length} annotation${fresh.length === 1 ? '' : 's'} imported onto “${title}”.`,
        });
      } catch (error) {
        notify(error instanceof ImportError ? error.message : `${source.name} could not be read: ${error instanceof Error ? error.message : String(error)}`);
      }
    },
    [db, openId, documents, notify],
  );

  const merge = useCallback(async () => {
    if (!pending) return;
    setMerging(true);
    try {
      if (!isEmptyMerge(pending.writes)) await writeMerge(db, pending.writes);
      notify(pending.done);
      setPending(null);
    } catch (error) {
      notify(`Nothing was merged: ${error instanceof Error ? error.message : String(error)}`);
    } finally {
      setMerging(false);
    }
  }, [db, pending, notify]);

  const dialogs: ReactNode = (
    <>
      {exporting && (
        <ExportPackDialog
          documents={documents}
          openId={openId}
          authors={exporting.authors}
          progress={exporting.progress}
          onExport={(choice) => void runExport(choice)}
          onClose={() => setExporting(null)}
        />
      )}
      {pending && <MergePreviewDialog preview={pending.preview} busy={merging} onMerge={() => void merge()} onClose={() => setPending(null)} />}
    </>
  );

  return { startExport, openPack, dialogs };
}

function previewOf(plan: MergePlan): MergePreview {
  return {
    source: `From ${plan.source}.`,
    documents: plan.documents.map((d) => ({ title: d.title, status: d.status })),
    byAuthor: plan.byAuthor.map((a) => ({ name: a.creator.name || a.creator.id, new: a.new, updated: a.updated, unchanged: a.unchanged + a.skipped, conflict: a.conflict })),
    warnings: plan.warnings,
  };
}

function mergedMessage(plan: MergePlan): string {
  const count = (status: ItemStatus): number => plan.annotations.filter((a) => a.status === status).length;
  const conflicts = count('conflict');
  return `Merged ${plan.source}: ${count('new')} new and ${count('updated')} updated annotations${conflicts ? `, ${conflicts} in conflict, marked for you to choose` : ''}.`;
}

function countNew(all: readonly Annotation[], fresh: readonly Annotation[]): MergePreview['byAuthor'] {
  const freshIds = new Set(fresh.map((a) => a.id));
  const byName = new Map<string, Record<ItemStatus, number>>();
  for (const a of all) {
    const counts = byName.get(a.creator.name) ?? { new: 0, updated: 0, unchanged: 0, conflict: 0 };
    counts[freshIds.has(a.id) ? 'new' : 'unchanged']++;
    byName.set(a.creator.name, counts);
  }
  return [...byName].map(([name, counts]) => ({ name, ...counts }));
}
