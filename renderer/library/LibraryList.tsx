/** The documents in the library, and who is annotating. */
import { useState } from 'react';
import type { DocumentRecord } from '../db/records';
import { DocumentList } from './DocumentList';

interface Props {
  documents: readonly DocumentRecord[];
  openId: string | null;
  creatorName: string;
  onOpen: (id: string) => void;
  onRename: (name: string) => void;
  onImport: () => void;
  onOpenPack: () => void;
  onExportPack: () => void;
  onBackups: () => void;
  onGlossary: () => void;
}

export function LibraryList({ documents, openId, creatorName, onOpen, onRename, onImport, onOpenPack, onExportPack, onBackups, onGlossary }: Props) {
  const [name, setName] = useState(creatorName);
  return (
    <nav className="library" aria-label="Library">
      <div className="library-head-row">
        <h2 className="library-head">Library</h2>
        <button type="button" className="import-button" onClick={onImport} title="Import text or Markdown files (Ctrl+O)">
          Import…
        </button>
      </div>
      <DocumentList documents={documents} openId={openId} onOpen={onOpen} />
      <div className="library-packs" role="group" aria-label="Annotation packs">
        <button type="button" onClick={onOpenPack} title="Merge a pack from a colleague or a student, or W3C annotations from another tool">
          Open pack…
        </button>
        <button type="button" onClick={onExportPack} title="Share documents and annotations as a pack, or as W3C JSON-LD">
          Export pack…
        </button>
        <button type="button" onClick={onBackups} title="Back up the whole library, or restore a backup">
          Backups…
        </button>
      </div>
      <div className="library-packs" role="group" aria-label="Translation">
        <button type="button" onClick={onGlossary} title="Terms and their English renderings, for every document of the library">
          Glossary…
        </button>
      </div>
      <form
        className="creator-form"
        onSubmit={(e) => {
          e.preventDefault();
          onRename(name);
        }}
      >
        <label>
          Annotating as
          <input value={name} onChange={(e) => setName(e.target.value)} onBlur={() => onRename(name)} />
        </label>
      </form>
    </nav>
  );
}
