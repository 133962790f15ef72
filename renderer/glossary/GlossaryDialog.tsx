/**
 * File › Glossary…: the library's glossary as a table — source term, other forms, stem rule,
 * preferred, admitted and forbidden renderings, notes — with a filter, an entry form, inline
 * editing, deleting with undo, and CSV/TBX import (replace or add, in one transaction,
 * undoable) and export. Problems with an entry are shown in words beside the field concerned,
 * and such an entry is not saved.
 */
import { useLiveQuery } from 'dexie-react-hooks';
import { useMemo, useState, type KeyboardEvent } from 'react';
import type { GlossaryEntry } from '../../shared/glossary/types';
import { newEntryId, type Glossary } from '../../shared/glossary/types';
import type { UndoEntry } from '../actions/undo-stack';
import { deleteGlossaryEntry, loadGlossary, restoreGlossaryEntry, saveGlossaryEntry } from '../db/glossary-store';
import { Dialog } from '../ui/Dialog';
import { useWorkspace } from '../workspace';
import {
  alreadyPresent,
  draftOf,
  draftProblems,
  EMPTY_DRAFT,
  ENTRY_FIELDS,
  entryOf,
  FIELD_LABELS,
  hasProblems,
  isBlankDraft,
  matchesFilter,
  type EntryDraft,
  type EntryField,
  type FieldProblems,
  type MergeMode,
} from './glossary-edit';
import { applyGlossaryImport, exportGlossary, readGlossaryFile } from './glossary-files';
import './glossary.css';

const PLACEHOLDERS: Readonly<Record<EntryField, string>> = {
  source: 'военная разгранлиния',
  forms: 'разгранлиния; …',
  stem: 'automatic',
  preferred: 'military demarcation line',
  admitted: 'demarcation line; …',
  forbidden: 'line of contact; …',
  notes: '',
};

const HINTS: Partial<Record<EntryField, string>> = {
  forms: 'Separate with “;”. Found word for word, besides what the stem rule finds.',
  stem: 'Empty: every inflected form is found. “none”: only the forms listed. Or a pattern such as “военн* разгранлини*”.',
};

interface Status {
  message: string;
  kind: 'info' | 'error';
  undo?: UndoEntry;
}

export function GlossaryDialog({ onClose }: { onClose: () => void }) {
  const { db, bridge, undoStack, notify } = useWorkspace();
  const glossary = useLiveQuery(() => loadGlossary(db), [db]);
  const entries = useMemo(() => glossary?.entries ?? [], [glossary]);
  const [filter, setFilter] = useState('');
  const [newDraft, setNewDraft] = useState<EntryDraft>(EMPTY_DRAFT);
  const [triedAdd, setTriedAdd] = useState(false);
  const [editing, setEditing] = useState<{ id: string; draft: EntryDraft; tried: boolean } | null>(null);
  const [status, setStatus] = useState<Status | null>(null);
  const [pendingImport, setPendingImport] = useState<{ name: string; glossary: Glossary; present: number } | null>(null);
  const [busy, setBusy] = useState(false);

  const shown = useMemo(() => entries.filter((entry) => matchesFilter(entry, filter)), [entries, filter]);

  const newEntry = useMemo(() => entryOf(newDraft, newEntryId(newDraft.source, new Set(entries.map((e) => e.id)))), [newDraft, entries]);
  const newProblems = useMemo(
    () => (isBlankDraft(newDraft) ? {} : draftProblems(newEntry, entries)),
    [newDraft, newEntry, entries],
  );

  function pushUndo(entry: UndoEntry, message: string): void {
    undoStack.push(entry);
    setStatus({ message, kind: 'info', undo: entry });
  }

  async function undo(entry: UndoEntry): Promise<void> {
    if (undoStack.peek() === entry) await undoStack.undo();
    else await entry.undo();
    setStatus({ message: `Undone: ${entry.label}.`, kind: 'info' });
  }

  async function report(work: () => Promise<void>, failure: string): Promise<void> {
    setBusy(true);
    try {
      await work();
    } catch (error) {
      setStatus({ message: `${failure}: ${error instanceof Error ? error.message : String(error)}`, kind: 'error' });
    } finally {
      setBusy(false);
    }
  }

  async function add(): Promise<void> {
    setTriedAdd(true);
    if (isBlankDraft(newDraft)) {
      setStatus({ message: 'Type a source term first.', kind: 'error' });
      return;
    }
    if (hasProblems(newProblems)) {
      setStatus({ message: 'The entry was not added: put right what is marked under its fields.', kind: 'error' });
      return;
    }
    const entry = newEntry;
    await report(async () => {
      await saveGlossaryEntry(db, entry);
      setNewDraft(EMPTY_DRAFT);
      setTriedAdd(false);
      pushUndo({ label: `Add “${entry.source}” to the glossary`, undo: async () => void (await deleteGlossaryEntry(db, entry.id)) }, `“${entry.source}” added.`);
    }, 'The entry could not be saved');
  }

  async function saveEdit(): Promise<void> {
    if (!editing) return;
    const before = entries.find((e) => e.id === editing.id);
    const entry = entryOf(editing.draft, editing.id);
    if (hasProblems(draftProblems(entry, entries))) {
      setEditing({ ...editing, tried: true });
      setStatus({ message: 'The change was not saved: put right what is marked under its fields.', kind: 'error' });
      return;
    }
    await report(async () => {
      await saveGlossaryEntry(db, entry);
      setEditing(null);
      if (before) pushUndo({ label: `Change “${entry.source}” in the glossary`, undo: () => saveGlossaryEntry(db, before) }, `“${entry.source}” changed.`);
    }, 'The entry could not be saved');
  }

  async function remove(entry: GlossaryEntry): Promise<void> {
    await report(async () => {
      const record = await deleteGlossaryEntry(db, entry.id);
      if (editing?.id === entry.id) setEditing(null);
      if (record) pushUndo({ label: `Delete “${entry.source}” from the glossary`, undo: () => restoreGlossaryEntry(db, record) }, `“${entry.source}” deleted.`);
    }, 'The entry could not be deleted');
  }

  function chooseImport(): void {
    // Called straight from the click: a browser opens its file chooser only then.
    const chosen = bridge.openFiles('glossary');
    void report(async () => {
      const [file] = await chosen;
      if (!file || !glossary) return;
      const read = readGlossaryFile(file, glossary);
      if (!read.ok) {
        setPendingImport(null);
        setStatus({ message: `${read.message} The glossary has not changed.`, kind: 'error' });
        return;
      }
      setStatus(null);
      setPendingImport({ name: read.name, glossary: read.glossary, present: alreadyPresent(glossary, read.glossary) });
    }, 'The file could not be read');
  }

  async function finishImport(mode: MergeMode): Promise<void> {
    if (!pendingImport) return;
    const { name, glossary: imported } = pendingImport;
    await report(async () => {
      const result = await applyGlossaryImport(db, undoStack, imported, mode);
      setPendingImport(null);
      const entry = undoStack.peek();
      const message =
        mode === 'replace'
          ? `The glossary was replaced by the ${count(imported.entries.length, 'entry', 'entries')} of “${name}”.`
          : `From “${name}”: ${count(result.added, 'entry', 'entries')} added, ${count(result.updated, 'entry', 'entries')} updated${result.renamed ? ` (${result.renamed} given a new id, theirs being taken)` : ''}.`;
      setStatus({ message, kind: 'info', undo: entry });
    }, 'The glossary could not be imported; it has not changed');
  }

  async function exportAs(format: 'csv' | 'tbx'): Promise<void> {
    if (!glossary) return;
    await report(async () => {
      const result = await exportGlossary(bridge, glossary, format);
      if (result.saved) {
        setStatus({ message: `Glossary exported as ${format.toUpperCase()} to ${result.where}.`, kind: 'info' });
        notify(`Glossary exported as ${format.toUpperCase()} to ${result.where}.`);
      } else if (result.reason) setStatus({ message: result.reason, kind: 'error' });
    }, `The glossary could not be exported as ${format.toUpperCase()}`);
  }

  return (
    <Dialog title="Glossary" onClose={onClose}>
      <div className="glossary-dialog">
        <p className="hint">
          The library’s terms and how to render them in English. A term is found in every inflected form; the translation workbench checks
          translations against it.
        </p>
        <div className="glossary-toolbar">
          <label className="glossary-filter">
            Filter{' '}
            <input type="search" value={filter} placeholder="term, rendering or note" onChange={(e) => setFilter(e.target.value)} />
          </label>
          <span className="glossary-count">
            {glossary ? (filter ? `${shown.length} of ${count(entries.length, 'entry', 'entries')}` : count(entries.length, 'entry', 'entries')) : 'Loading…'}
          </span>
          <span className="glossary-files" role="group" aria-label="Glossary files">
            <button type="button" disabled={busy || !glossary} onClick={chooseImport} title="Read a glossary from a CSV or TBX file">
              Import CSV or TBX…
            </button>
            <button type="button" disabled={busy || entries.length === 0} onClick={() => void exportAs('csv')} title="Save the glossary as a CSV file (spreadsheets read it)">
              Export CSV
            </button>
            <button type="button" disabled={busy || entries.length === 0} onClick={() => void exportAs('tbx')} title="Save the glossary as TBX, the terminology exchange format of CAT tools">
              Export TBX
            </button>
          </span>
        </div>

        {status && (
          <p className={`glossary-status ${status.kind}`} role={status.kind === 'error' ? 'alert' : 'status'}>
            {status.message}
            {status.undo && (
              <button type="button" onClick={() => void undo(status.undo!)}>
                Undo
              </button>
            )}
          </p>
        )}

        {pendingImport && (
          <div className="glossary-import" role="group" aria-label="Import glossary">
            <p>
              “{pendingImport.name}”: {count(pendingImport.glossary.entries.length, 'entry', 'entries')}
              {pendingImport.present > 0 && ` (${pendingImport.present} of them already in the glossary)`}.
            </p>
            <button type="button" disabled={busy} onClick={() => void finishImport('replace')}>
              Replace the glossary
            </button>
            <button type="button" disabled={busy} onClick={() => void finishImport('add')}>
              Add to the glossary
            </button>
            <button type="button" disabled={busy} onClick={() => setPendingImport(null)}>
              Cancel
            </button>
          </div>
        )}

        <form
          className="glossary-new"
          aria-label="New glossary entry"
          onSubmit={(e) => {
            e.preventDefault();
            void add();
          }}
        >
          <h3>New entry</h3>
          <div className="glossary-fields">
            {ENTRY_FIELDS.map((field) => (
              <FieldInput
                key={field}
                field={field}
                value={newDraft[field]}
                problems={isBlankDraft(newDraft) && !triedAdd ? undefined : newProblems[field]}
                onChange={(value) => setNewDraft((d) => ({ ...d, [field]: value }))}
                withLabel
              />
            ))}
          </div>
          <ProblemList problems={newProblems.entry} />
          <button type="submit" className="primary" disabled={busy}>
            Add entry
          </button>
        </form>

        <div className="glossary-table-wrap">
          <table className="glossary-table">
            <thead>
              <tr>
                {ENTRY_FIELDS.map((field) => (
                  <th key={field} scope="col">
                    {FIELD_LABELS[field]}
                  </th>
                ))}
                <th scope="col">
                  <span className="visually-hidden">Actions</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {shown.map((entry) =>
                editing?.id === entry.id ? (
                  <EditRow
                    key={entry.id}
                    entry={entry}
                    draft={editing.draft}
                    problems={draftProblems(entryOf(editing.draft, entry.id), entries)}
                    showProblems
                    busy={busy}
                    onChange={(draft) => setEditing({ ...editing, draft })}
                    onSave={() => void saveEdit()}
                    onCancel={() => setEditing(null)}
                  />
                ) : (
                  <tr key={entry.id} data-entry-id={entry.id} onDoubleClick={() => setEditing({ id: entry.id, draft: draftOf(entry), tried: false })}>
                    <td lang="ru">{entry.source}</td>
                    <td lang="ru">{entry.forms.join('; ')}</td>
                    <td>{entry.stem || <span className="hint">automatic</span>}</td>
                    <td>{entry.preferred}</td>
                    <td>{entry.admitted.join('; ')}</td>
                    <td>{entry.forbidden.join('; ')}</td>
                    <td className="glossary-notes">{entry.notes}</td>
                    <td className="glossary-actions">
                      <button type="button" aria-label={`Edit “${entry.source}”`} disabled={busy} onClick={() => setEditing({ id: entry.id, draft: draftOf(entry), tried: false })}>
                        Edit
                      </button>
                      <button type="button" aria-label={`Delete “${entry.source}”`} disabled={busy} onClick={() => void remove(entry)}>
                        Delete
                      </button>
                    </td>
                  </tr>
                ),
              )}
              {glossary && shown.length === 0 && (
                <tr>
                  <td colSpan={ENTRY_FIELDS.length + 1} className="hint">
                    {entries.length === 0 ? 'The glossary is empty: add an entry above, or import a CSV or TBX file.' : 'No entry matches the filter.'}
                  </td>
                </tr>
              )}
            </tbody>
          </table>
        </div>
      </div>
    </Dialog>
  );
}

function EditRow(props: {
  entry: GlossaryEntry;
  draft: EntryDraft;
  problems: FieldProblems;
  showProblems: boolean;
  busy: boolean;
  onChange: (draft: EntryDraft) => void;
  onSave: () => void;
  onCancel: () => void;
}) {
  const onKeyDown = (e: KeyboardEvent): void => {
    if (e.key === 'Escape') {
      // Cancels the edit, not the whole dialog.
      e.preventDefault();
      e.stopPropagation();
      props.onCancel();
    } else if (e.key === 'Enter' && !(e.target instanceof HTMLTextAreaElement)) {
      e.preventDefault();
      props.onSave();
    }
  };
  return (
    <tr className="editing" data-entry-id={props.entry.id} onKeyDown={onKeyDown}>
      {ENTRY_FIELDS.map((field) => (
        <td key={field}>
          <FieldInput
            field={field}
            value={props.draft[field]}
            problems={props.showProblems ? props.problems[field] : undefined}
            onChange={(value) => props.onChange({ ...props.draft, [field]: value })}
            autoFocus={field === 'source'}
          />
        </td>
      ))}
      <td className="glossary-actions">
        <button type="button" className="primary" disabled={props.busy} onClick={props.onSave}>
          Save
        </button>
        <button type="button" onClick={props.onCancel}>
          Cancel
        </button>
        <ProblemList problems={props.problems.entry} />
      </td>
    </tr>
  );
}

function FieldInput(props: {
  field: EntryField;
  value: string;
  problems: string[] | undefined;
  onChange: (value: string) => void;
  withLabel?: boolean;
  autoFocus?: boolean;
}) {
  const { field } = props;
  const invalid = (props.problems?.length ?? 0) > 0;
  const common = {
    value: props.value,
    'aria-label': FIELD_LABELS[field],
    'aria-invalid': invalid,
    placeholder: PLACEHOLDERS[field],
    autoFocus: props.autoFocus,
    lang: field === 'source' || field === 'forms' || field === 'stem' ? 'ru' : 'en',
    onChange: (e: { target: { value: string } }) => props.onChange(e.target.value),
  };
  const input = field === 'notes' ? <textarea rows={1} {...common} /> : <input type="text" {...common} />;
  return (
    <div className={`glossary-field field-${field}${invalid ? ' invalid' : ''}`}>
      {props.withLabel ? (
        <label>
          <span className="glossary-label" title={HINTS[field]}>
            {FIELD_LABELS[field]}
          </span>
          {input}
        </label>
      ) : (
        input
      )}
      <ProblemList problems={props.problems} />
    </div>
  );
}

function ProblemList({ problems }: { problems: string[] | undefined }) {
  if (!problems || problems.length === 0) return null;
  return (
    <ul className="glossary-problems">
      {problems.map((p) => (
        <li key={p}>{p}.</li>
      ))}
    </ul>
  );
}

function count(n: number, one: string, many: string): string {
  return `${n} ${n === 1 ? one : many}`;
}
