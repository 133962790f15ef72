/**
 * The app's imports as React state: what is being imported, how far it got, and what went
 * wrong. One import runs at a time; a scan import can be cancelled.
 */
import { useCallback, useMemo, useRef, useState } from 'react';
import type { ImportError } from '../../shared/importers/import-error';
import { useWorkspace } from '../workspace';
import { importDocuments } from './import-documents';
import { ImportCancelled, ImportFailure } from './import-failure';
import { importScans, type ScanImportProgress } from './import-scans';
import type { ImportSource } from './import-source';

export interface ImportState {
  /** Progress of the running scan import, or null. */
  progress: ScanImportProgress | null;
  /** True while any import runs. */
  busy: boolean;
  /** Problems of the last import that was refused, file by file. */
  problems: readonly ImportError[];
  summary: string;
}

export interface Imports extends ImportState {
  importDocumentFiles: (sources: readonly ImportSource[]) => Promise<string[]>;
  importScanFiles: (documentId: string, sources: readonly ImportSource[]) => Promise<void>;
  cancel: () => void;
  dismissProblems: () => void;
}

export function useImports(): Imports {
  const { db, notify } = useWorkspace();
  const [state, setState] = useState<ImportState>({ progress: null, busy: false, problems: [], summary: '' });
  const controller = useRef<AbortController | null>(null);

  const fail = useCallback(
    (error: unknown) => {
      if (error instanceof ImportFailure) {
        setState({ progress: null, busy: false, problems: error.problems, summary: error.message });
      } else if (error instanceof ImportCancelled) {
        setState({ progress: null, busy: false, problems: [], summary: '' });
        notify(error.message);
      } else {
        console.error(error);
        setState({ progress: null, busy: false, problems: [], summary: '' });
        notify(`The import failed and nothing was added: ${error instanceof Error ? error.message : String(error)}`);
      }
    },
    [notify],
  );

  const importDocumentFiles = useCallback(
    async (sources: readonly ImportSource[]): Promise<string[]> => {
      if (sources.length === 0 || controller.current) return [];
      setState({ progress: null, busy: true, problems: [], summary: '' });
      try {
        const documents = await importDocuments(db, sources);
        setState({ progress: null, busy: false, problems: [], summary: '' });
        notify(documents.length === 1 ? `Imported “${documents[0]!.title}”.` : `Imported ${documents.length} documents.`);
        return documents.map((d) => d.id);
      } catch (error) {
        fail(error);
        return [];
      }
    },
    [db, notify, fail],
  );

  const importScanFiles = useCallback(
    async (documentId: string, sources: readonly ImportSource[]): Promise<void> => {
      if (sources.length === 0 || controller.current) return;
      const abort = new AbortController();
      controller.current = abort;
      setState({ progress: null, busy: true, problems: [], summary: '' });
      try {
        const scans = await importScans(db, documentId, sources, {
          signal: abort.signal,
          onProgress: (progress) => setState((s) => ({ ...s, progress })),
        });
        setState({ progress: null, busy: false, problems: [], summary: '' });
        notify(scans.length === 1 ? 'Added 1 scan.' : `Added ${scans.length} scans.`);
      } catch (error) {
        fail(error);
      } finally {
        controller.current = null;
      }
    },
    [db, notify, fail],
  );

  const cancel = useCallback(() => controller.current?.abort(), []);
  const dismissProblems = useCallback(() => setState((s) => ({ ...s, problems: [], summary: '' })), []);

  // One object per state, so components that depend on it (the menu command handler) are not rebuilt on every render.
  return useMemo(
    () => ({ ...state, importDocumentFiles, importScanFiles, cancel, dismissProblems }),
    [state, importDocumentFiles, importScanFiles, cancel, dismissProblems],
  );
}
