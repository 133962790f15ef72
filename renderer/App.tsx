/**
 * The workstation's window: the library beside the open document, menu commands, dialogs and
 * the message bar. Navigation between documents (including following cross-references and
 * choosing a passage for one) is decided here.
 */
import { useLiveQuery } from 'dexie-react-hooks';
import { useCallback, useEffect, useRef, useState } from 'react';
import type { Annotation, CrossReferenceTarget, TextTarget } from '../shared/annotation';
import type { MenuCommand } from '../shared/bridge';
import { saveCrossReference } from './db/annotation-store';
import { DocumentView, type DocumentCommandRequest, type PassageFocus, type PickState } from './document/DocumentView';
import type { Layout } from './document/SplitPane';
import { fromFile, fromOpenedFile, isDocumentFile } from './import/import-source';
import { ImportStatus } from './import/ImportStatus';
import { useImports } from './import/useImports';
import { isPackFile, usePacks } from './packs/use-packs';
import { BackupsDialog } from './backups/BackupsDialog';
import { GlossaryDialog } from './glossary/GlossaryDialog';
import { backUpIfChanged, scheduleBackups } from './backups/library-backup';
import { commandForKey, SHORTCUTS } from './keyboard-shortcuts';
import { LibraryList } from './library/LibraryList';
import { BrowserBridge } from './platform/browser-bridge';
import { Dialog } from './ui/Dialog';
import { Toast, type ToastMessage } from './ui/Toast';
import { useWorkspace } from './workspace';

const LAST_DOCUMENT_KEY = 'marginalia:last-document';

interface Props {
  onRename: (name: string) => void;
  toast: ToastMessage | null;
  onDismissToast: () => void;
}

export function App({ onRename, toast, onDismissToast }: Props) {
  const { db, bridge, creator, undoStack, notify, autosave } = useWorkspace();
  const documents = useLiveQuery(() => db.documents.orderBy('title').toArray(), []);
  // undefined: nothing chosen yet (first run), so the first document opens; null: the user closed it.
  const [openId, setOpenId] = useState<string | null | undefined>(() => {
    const stored = localStorage.getItem(LAST_DOCUMENT_KEY);
    return stored === null ? undefined : stored || null;
  });
  const [openAnnotationId, setOpenAnnotationId] = useState<string | null>(null);
  const [showMetadata, setShowMetadata] = useState(true);
  const [showAnnotations, setShowAnnotations] = useState(true);
  const [focus, setFocus] = useState<PassageFocus | null>(null);
  const [picking, setPicking] = useState<PickState | null>(null);
  const [sheetStep, setSheetStep] = useState<{ delta: number; nonce: number } | null>(null);
  const [layoutRequest, setLayoutRequest] = useState<{ layout: Layout; nonce: number } | null>(null);
  const [documentCommand, setDocumentCommand] = useState<DocumentCommandRequest | null>(null);
  const [dialog, setDialog] = useState<'about' | 'shortcuts' | null>(null);
  const [appVersion, setAppVersion] = useState('');
  const libraryRef = useRef<HTMLDivElement>(null);
  const imports = useImports();
  const [dragging, setDragging] = useState(false);
  const packs = usePacks(documents ?? [], openId ?? null);
  const { openPack, startExport } = packs;
  const [backupsOpen, setBackupsOpen] = useState(false);
  const [glossaryOpen, setGlossaryOpen] = useState(false);
  // Desktop backups: on a schedule, and when the window closes if the library changed.
  const creatorRef = useRef(creator);
  creatorRef.current = creator;
  useEffect(() => {
    const stop = scheduleBackups(db, bridge, () => creatorRef.current, (error) => console.error('Backup failed', error));
    const unregister = autosave.addFlusher(async () => void (await backUpIfChanged(db, bridge, creatorRef.current).catch(() => false)));
    return () => {
      stop();
      unregister();
    };
  }, [db, bridge, autosave]);

  const openDocument = useCallback((id: string | null) => {
    setOpenId(id);
    // A command given to the document open before (Edit, Translate, Export as TEI) is not the new one's.
    setDocumentCommand(null);
    setOpenAnnotationId(null);
    setFocus(null);
    localStorage.setItem(LAST_DOCUMENT_KEY, id ?? '');
  }, []);

  // On first run the first document opens; a remembered document that is gone is forgotten.
  useEffect(() => {
    if (!documents || openId === null) return;
    if (openId && documents.some((d) => d.id === openId)) return;
    openDocument(documents[0]?.id ?? null);
  }, [documents, openId, openDocument]);

  useEffect(() => void bridge.appInfo().then((info) => setAppVersion(`${info.version} (${info.shell})`)), [bridge]);

  const runCommand = useCallback(
    (command: MenuCommand) => {
      switch (command) {
        case 'file.importDocuments':
          void bridge
            .openFiles('documents')
            .then((files) => imports.importDocumentFiles(files.map(fromOpenedFile)))
            .then((ids) => ids[0] && openDocument(ids[0]));
          return;
        case 'file.addScans':
          if (!openId) {
            notify('Open a document first: scans are added to the open document.');
            return;
          }
          void bridge.openFiles('scans').then((files) => imports.importScanFiles(openId, files.map(fromOpenedFile)));
          return;
        case 'file.closeDocument':
          openDocument(null);
          return;
        case 'edit.toggleTranscriptionEditing':
          setDocumentCommand({ command: 'toggleEditing', nonce: Date.now() });
          return;
        case 'file.openPack':
          void bridge.openFiles('packs').then((files) => files[0] && openPack(fromOpenedFile(files[0])));
          return;
        case 'file.exportPack':
          void startExport();
          return;
        case 'file.backups':
          setBackupsOpen(true);
          return;
        case 'file.exportTei':
          if (!openId) notify('Open a document first, then export it as TEI.');
          else setDocumentCommand({ command: 'exportTei', nonce: Date.now() });
          return;
        case 'file.exportEnglish':
          if (!openId) notify('Open a document first, then export its English translation.');
          else setDocumentCommand({ command: 'exportEnglish', nonce: Date.now() });
          return;
        case 'file.glossary':
          setGlossaryOpen(true);
          return;
        case 'view.toggleTranslation':
          if (!openId) notify('Open a document first, then translate it.');
          else setDocumentCommand({ command: 'toggleTranslation', nonce: Date.now() });
          return;
        case 'edit.undoAnnotationChange':
          void undoStack.undo().then((label) => notify(label ? `Undone: ${label}.` : 'Nothing to undo.'));
          return;
        case 'view.nextSheet':
          setSheetStep({ delta: 1, nonce: Date.now() });
          return;
        case 'view.previousSheet':
          setSheetStep({ delta: -1, nonce: Date.now() });
          return;
        case 'view.toggleMetadata':
          setShowMetadata((v) => !v);
          return;
        case 'view.toggleAnnotations':
          setShowAnnotations((v) => !v);
          return;
        case 'view.focusLibrary':
          (libraryRef.current?.querySelector<HTMLElement>('.library-item[aria-current="true"]') ?? libraryRef.current?.querySelector<HTMLElement>('.library-item'))?.focus();
          return;
        case 'view.layoutSideBySide':
        case 'view.layoutStacked':
        case 'view.layoutScanOnly':
        case 'view.layoutTextOnly':
          setLayoutRequest({ layout: LAYOUT_FOR_COMMAND[command], nonce: Date.now() });
          return;
        case 'help.about':
          setDialog('about');
          return;
        case 'help.shortcuts':
          setDialog('shortcuts');
          return;
      }
    },
    [openDocument, undoStack, notify, bridge, imports, openId, openPack, startExport],
  );

  useEffect(() => bridge.onMenuCommand(runCommand), [bridge, runCommand]);

  /** Files dropped on the window: texts become documents, images and PDFs scans of the open document. */
  const onDrop = useCallback(
    async (files: File[]) => {
      for (const pack of files.filter((f) => isPackFile(f.name))) await openPack(fromFile(pack));
      const texts = files.filter((f) => isDocumentFile(f.name));
      const scans = files.filter((f) => !isDocumentFile(f.name) && !isPackFile(f.name));
      if (scans.length > 0 && !openId) notify('Open a document first: scans are added to the open document.');
      if (texts.length > 0) {
        const ids = await imports.importDocumentFiles(texts.map(fromFile));
        if (ids[0] && scans.length === 0) openDocument(ids[0]);
      }
      if (scans.length > 0 && openId) await imports.importScanFiles(openId, scans.map(fromFile));
    },
    [imports, openId, openDocument, notify, openPack],
  );

  useEffect(() => {
    const onKey = (event: KeyboardEvent): void => {
      const command = commandForKey(event, bridge.shell);
      if (!command) return;
      event.preventDefault();
      if (bridge instanceof BrowserBridge) bridge.dispatchMenuCommand(command);
      else runCommand(command);
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [bridge, runCommand]);

  const follow = useCallback(
    async (crossref: CrossReferenceTarget) => {
      if (crossref.type === 'external') {
        const result = await bridge.openExternal(crossref.url);
        notify(result.opened ? `Opened ${crossref.url} in your browser.` : result.reason);
      } else if (crossref.type === 'document') {
        openDocument(crossref.documentId);
      } else {
        const target = crossref.target;
        if (!documents?.some((d) => d.id === target.documentId)) {
          notify('The document this cross-reference points to is not in the library.');
          return;
        }
        if (target.documentId !== openId) openDocument(target.documentId);
        setFocus({ target, nonce: Date.now() });
      }
    },
    [bridge, notify, openDocument, documents, openId],
  );

  const startPick = useCallback(
    (annotation: Annotation) => {
      setPicking({ annotationId: annotation.id, fromDocumentId: annotation.documentId });
      notify('Select the words to point to, then choose “Link cross-reference here”.');
    },
    [notify],
  );

  const finishPick = useCallback(
    async (target: TextTarget) => {
      if (!picking) return;
      await saveCrossReference(db, picking.annotationId, { type: 'passage', target });
      setPicking(null);
      if (picking.fromDocumentId !== openId) openDocument(picking.fromDocumentId);
      setOpenAnnotationId(picking.annotationId);
      notify('Cross-reference linked to the passage.');
    },
    [db, picking, openId, openDocument, notify],
  );

  const openDoc = documents?.find((d) => d.id === openId);

  return (
    <div
      className="app"
      onDragOver={(e) => {
        if (!e.dataTransfer.types.includes('Files')) return;
        e.preventDefault();
        e.dataTransfer.dropEffect = 'copy';
        setDragging(true);
      }}
      onDragLeave={(e) => {
        if (e.relatedTarget === null) setDragging(false);
      }}
      onDrop={(e) => {
        if (!e.dataTransfer.types.includes('Files')) return;
        e.preventDefault();
        setDragging(false);
        void onDrop([...e.dataTransfer.files]);
      }}
    >
      {dragging && (
        <div className="drop-overlay" aria-hidden="true">
          Drop text files to import them as documents, images and PDFs to add them as scans
          {openDoc ? ` of “${openDoc.title}”` : ''}.
        </div>
      )}
      <div className="sidebar" ref={libraryRef}>
        <div className="brand">Marginalia</div>
        <LibraryList
          documents={documents ?? []}
          openId={openId ?? null}
          creatorName={creator.name}
          onOpen={openDocument}
          onRename={onRename}
          onImport={() => runCommand('file.importDocuments')}
          onOpenPack={() => runCommand('file.openPack')}
          onExportPack={() => runCommand('file.exportPack')}
          onBackups={() => runCommand('file.backups')}
          onGlossary={() => runCommand('file.glossary')}
        />
      </div>
      {openDoc ? (
        <DocumentView
          key={openDoc.id}
          document={openDoc}
          documents={documents ?? []}
          showMetadata={showMetadata}
          showAnnotations={showAnnotations}
          onToggleMetadata={() => setShowMetadata((v) => !v)}
          onToggleAnnotations={() => setShowAnnotations((v) => !v)}
          onAddScans={() => runCommand('file.addScans')}
          focus={focus}
          openAnnotationId={openAnnotationId}
          picking={picking}
          sheetStep={sheetStep}
          layoutRequest={layoutRequest}
          documentCommand={documentCommand}
          onOpenAnnotation={setOpenAnnotationId}
          onPickPassage={startPick}
          onPicked={(target) => void finishPick(target)}
          onCancelPick={() => setPicking(null)}
          onFollow={(crossref) => void follow(crossref)}
        />
      ) : (
        <main className="document-view empty">
          <p className="empty-hint">{documents?.length ? 'Choose a document in the library.' : 'The library is empty.'}</p>
        </main>
      )}
      {dialog === 'about' && (
        <Dialog title="About Marginalia" onClose={() => setDialog(null)}>
          <p>Marginalia {appVersion}</p>
          <p>An offline workstation for annotating archival documents. Everything stays on this computer.</p>
        </Dialog>
      )}
      {dialog === 'shortcuts' && (
        <Dialog title="Keyboard shortcuts" onClose={() => setDialog(null)}>
          <table className="shortcuts">
            <tbody>
              {SHORTCUTS.map((s) => (
                <tr key={s.command}>
                  <td><kbd>{s.label}</kbd></td>
                  <td>{SHORTCUT_DESCRIPTIONS[s.command]}</td>
                </tr>
              ))}
              <tr><td><kbd>↑</kbd> <kbd>↓</kbd> <kbd>Home</kbd> <kbd>End</kbd></td><td>Move between the documents of the library</td></tr>
              <tr><td><kbd>C</kbd> / <kbd>T</kbd> / <kbd>R</kbd></td><td>Annotate selected words as commentary / translation / cross-reference</td></tr>
              <tr><td><kbd>Ctrl+B</kbd> <kbd>Ctrl+I</kbd> <kbd>Ctrl+K</kbd></td><td>Bold, italic, link in an annotation</td></tr>
              <tr><td><kbd>Ctrl+Z</kbd> / <kbd>Ctrl+Shift+Z</kbd></td><td>Undo / redo typing in an annotation</td></tr>
            </tbody>
          </table>
        </Dialog>
      )}
      {packs.dialogs}
      {backupsOpen && (
        <BackupsDialog
          onRestore={(name, bytes) => {
            setBackupsOpen(false);
            void openPack({ name, size: bytes.byteLength, read: async () => bytes });
          }}
          onClose={() => setBackupsOpen(false)}
        />
      )}
      {glossaryOpen && <GlossaryDialog onClose={() => setGlossaryOpen(false)} />}
      <ImportStatus imports={imports} />
      <Toast toast={toast} onDismiss={onDismissToast} />
    </div>
  );
}

const LAYOUT_FOR_COMMAND = {
  'view.layoutSideBySide': 'side-by-side',
  'view.layoutStacked': 'stacked',
  'view.layoutScanOnly': 'scan-only',
  'view.layoutTextOnly': 'text-only',
} as const satisfies Record<string, Layout>;

const SHORTCUT_DESCRIPTIONS: Record<MenuCommand, string> = {
  'file.importDocuments': 'Import documents (text or Markdown files)',
  'file.addScans': 'Add scans (images or PDFs) to the open document',
  'file.exportTei': 'Export the open document as TEI XML',
  'file.exportEnglish': 'Export the English translation of the open document (Word, Markdown, HTML, PDF)',
  'file.glossary': 'The glossary: terms and their English renderings',
  'file.openPack': 'Open an annotation pack, or W3C annotations from another tool',
  'file.exportPack': 'Export documents and annotations as a pack',
  'file.backups': 'Back up the library, or restore a backup',
  'file.closeDocument': 'Close the document',
  'edit.toggleTranscriptionEditing': 'Edit the transcription, or finish editing',
  'edit.undoAnnotationChange': 'Undo adding or deleting an annotation',
  'view.nextSheet': 'Next sheet',
  'view.previousSheet': 'Previous sheet',
  'view.toggleMetadata': 'Show or hide the metadata',
  'view.toggleAnnotations': 'Show or hide the annotations',
  'view.toggleTranslation': 'Translate the open document segment by segment, or go back to reading',
  'view.focusLibrary': 'Go to the library',
  'view.layoutSideBySide': 'Scan and text side by side',
  'view.layoutStacked': 'Scan above text',
  'view.layoutScanOnly': 'Scan only',
  'view.layoutTextOnly': 'Text only',
  'help.about': 'About Marginalia',
  'help.shortcuts': 'This list',
};
