/**
 * The document head's “Export English…” button, and File › Export English Translation (the
 * `exportEnglish` document command): both open the export dialog for the open document.
 */
import { useEffect, useRef, useState } from 'react';
import type { DocumentCommandRequest } from '../document/DocumentView';
import { ExportEnglishDialog } from './ExportEnglishDialog';

export function ExportEnglishButton({ documentId, command }: { documentId: string; command: DocumentCommandRequest | null }) {
  const [open, setOpen] = useState(false);
  // A request made before this document was opened (for another one) is not acted on.
  const seen = useRef(command?.nonce);
  useEffect(() => {
    if (command?.command !== 'exportEnglish' || command.nonce === seen.current) return;
    seen.current = command.nonce;
    setOpen(true);
  }, [command]);
  return (
    <>
      <button type="button" title="Save the English translation as Word, Markdown, HTML or PDF" onClick={() => setOpen(true)}>
        Export English…
      </button>
      {open && <ExportEnglishDialog documentId={documentId} onClose={() => setOpen(false)} />}
    </>
  );
}
