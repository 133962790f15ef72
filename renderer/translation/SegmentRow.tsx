/**
 * One segment of the workbench: its number and status, the source on the left, the English
 * draft on the right. Only the current row has an editor (and the tools below it); the others
 * show their draft as plain text, so that the view of a whole document opens quickly.
 */
import { memo, type ReactNode } from 'react';
import { SEGMENT_STATUS_LABELS, type SegmentStatus } from '../../shared/translation/types';
import { SourceText } from './SourceText';
import type { SourcePiece } from './term-marks';

interface Props {
  segmentId: string;
  number: number;
  status: SegmentStatus;
  /** The chosen rendering as plain text (shown when the row is not current). */
  draftText: string;
  hasNote: boolean;
  alternatives: number;
  pieces: readonly SourcePiece[];
  sourceLang: string;
  current: boolean;
  startsParagraph: boolean;
  /** The current row's editor and tools. */
  editor?: ReactNode;
  tools?: ReactNode;
  onCaret: (segmentId: string, offset: number) => void;
  onActivate: (segmentId: string, focusEditor: boolean) => void;
}

export const SegmentRow = memo(function SegmentRow(props: Props) {
  const { segmentId, status, current } = props;
  return (
    <div
      className={`tw-row status-${status}${current ? ' current' : ''}${props.startsParagraph ? ' tw-paragraph-start' : ''}`}
      data-segment-id={segmentId}
      data-status={status}
      aria-current={current ? 'true' : undefined}
      aria-label={`Segment ${props.number}, ${SEGMENT_STATUS_LABELS[status].toLowerCase()}`}
      role="group"
      // A press on the draft opens the row's editor, focused (at once, so that the press does not
      // move the focus elsewhere); a click anywhere else only makes the row current (the
      // translator may be choosing where to split it). A click, not a press: the rows above
      // change height when the current row moves, and the press and release must land on the
      // same words.
      onMouseDown={(event) => {
        if (current || !(event.target as Element).closest('.tw-target-cell')) return;
        event.preventDefault();
        props.onActivate(segmentId, true);
      }}
      onClick={() => {
        if (!current) props.onActivate(segmentId, false);
      }}
    >
      <div className="tw-gutter">
        <span className="tw-number">{props.number}</span>
        <span className={`tw-badge status-${status}`} title={`Status: ${SEGMENT_STATUS_LABELS[status]}`}>
          {SEGMENT_STATUS_LABELS[status]}
        </span>
        {props.hasNote && (
          <span className="tw-note-mark" title="This segment has a translator's note">
            note
          </span>
        )}
        {props.alternatives > 1 && (
          <span className="tw-alt-mark" title={`${props.alternatives} renderings`}>
            {props.alternatives} alt.
          </span>
        )}
      </div>
      <div className="tw-source-cell">
        <SourceText pieces={props.pieces} lang={props.sourceLang} onCaret={(offset) => props.onCaret(segmentId, offset)} />
      </div>
      <div className="tw-target-cell">
        {current && props.editor ? (
          props.editor
        ) : (
          <p className={`tw-draft-plain${props.draftText ? '' : ' empty'}`} lang="en">
            {props.draftText || 'Not translated yet'}
          </p>
        )}
      </div>
      {current && props.tools}
    </div>
  );
});
