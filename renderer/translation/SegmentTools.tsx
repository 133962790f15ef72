/**
 * The current segment's tools: its status, its renderings (one chosen), the translator's note,
 * and splitting or joining the segment.
 */
import { useEffect, useRef, useState } from 'react';
import { bodyPlainText } from '../../shared/annotation-body-schema';
import { SEGMENT_STATUSES, SEGMENT_STATUS_LABELS, type SegmentStatus, type SegmentWorkbench } from '../../shared/translation/types';

const STATUS_TITLES: Readonly<Record<SegmentStatus, string>> = {
  untranslated: 'Not translated',
  draft: 'A first draft (Ctrl+Enter confirms it and goes to the next segment)',
  reviewed: 'Checked against the source (Ctrl+Shift+Enter marks it and goes to the next segment)',
  final: 'Ready for the English edition',
};

/** How long after the last keystroke a note is saved. */
const NOTE_SAVE_DELAY_MS = 500;

interface Props {
  status: SegmentStatus;
  workbench: SegmentWorkbench | null;
  hasText: boolean;
  canSplit: boolean;
  canJoin: boolean;
  onStatus: (status: SegmentStatus) => void;
  onAddAlternative: () => void;
  onChoose: (id: string) => void;
  onRemoveAlternative: (id: string) => void;
  onNote: (text: string) => void;
  noteText: string;
  onSplit: () => void;
  onJoin: () => void;
}

export function SegmentTools(props: Props) {
  const { workbench } = props;
  const [noteOpen, setNoteOpen] = useState(props.noteText !== '');
  const alternatives = workbench?.alternatives ?? [];
  return (
    <div className="tw-tools">
      <div className="tw-tool-line">
        <div className="tw-status-picker" role="group" aria-label="Segment status">
          {SEGMENT_STATUSES.map((status) => (
            <button
              key={status}
              type="button"
              className={`status-${status}`}
              aria-pressed={props.status === status}
              disabled={status !== 'untranslated' && !props.hasText}
              title={STATUS_TITLES[status]}
              onClick={() => props.onStatus(status)}
            >
              {SEGMENT_STATUS_LABELS[status]}
            </button>
          ))}
        </div>
        <button type="button" disabled={!props.hasText} title="Keep this rendering and write another beside it" onClick={props.onAddAlternative}>
          Add alternative
        </button>
        <button type="button" aria-expanded={noteOpen} onClick={() => setNoteOpen((open) => !open)}>
          {props.noteText ? 'Note' : 'Add note'}
        </button>
        <span className="tw-tool-gap" />
        <button type="button" disabled={!props.canSplit} title="Click in the source text where the segment should end, then split it there" onClick={props.onSplit}>
          Split here
        </button>
        <button type="button" disabled={!props.canJoin} title="Make this segment and the next one of its paragraph one segment" onClick={props.onJoin}>
          Join with next
        </button>
      </div>
      {alternatives.length > 1 && workbench && (
        <fieldset className="tw-alternatives">
          <legend>Renderings</legend>
          {alternatives.map((alternative, i) => (
            <div key={alternative.id} className="tw-alternative">
              <label>
                <input
                  type="radio"
                  name="tw-chosen-rendering"
                  checked={workbench.chosen === alternative.id}
                  onChange={() => props.onChoose(alternative.id)}
                  aria-label={`Use rendering ${i + 1}`}
                />
                <span className="tw-alternative-number">{i + 1}</span>
                <span className="tw-alternative-text" lang="en">
                  {bodyPlainText(alternative.doc) || '(empty)'}
                </span>
              </label>
              <button
                type="button"
                className="tw-remove"
                title={`Remove rendering ${i + 1}`}
                aria-label={`Remove rendering ${i + 1}`}
                onClick={() => props.onRemoveAlternative(alternative.id)}
              >
                ×
              </button>
            </div>
          ))}
        </fieldset>
      )}
      {noteOpen && <NoteField initial={props.noteText} onSave={props.onNote} />}
    </div>
  );
}

/** The translator's note: plain text, saved after a pause and when the field is left. */
function NoteField({ initial, onSave }: { initial: string; onSave: (text: string) => void }) {
  const [text, setText] = useState(initial);
  const saved = useRef(initial);
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const latest = useRef({ text, onSave });
  latest.current = { text, onSave };

  function save(): void {
    if (timer.current) clearTimeout(timer.current);
    timer.current = null;
    if (latest.current.text === saved.current) return;
    saved.current = latest.current.text;
    latest.current.onSave(latest.current.text);
  }

  // Whatever is typed is saved when the row stops being current too.
  useEffect(() => () => save(), []);

  return (
    <label className="tw-note">
      <span>Translator's note</span>
      <textarea
        value={text}
        rows={2}
        autoFocus={initial === ''}
        onChange={(e) => {
          setText(e.target.value);
          if (timer.current) clearTimeout(timer.current);
          timer.current = setTimeout(save, NOTE_SAVE_DELAY_MS);
        }}
        onBlur={save}
      />
    </label>
  );
}
