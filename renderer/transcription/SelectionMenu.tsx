/**
 * The small menu that appears beside selected words: annotate them as a commentary, a
 * translation or a cross-reference — or, while choosing where a cross-reference points or
 * where an orphaned annotation goes, put it there.
 */
import { ANNOTATION_KINDS, ANNOTATION_KIND_LABELS, type AnnotationKind } from '../../shared/annotation';
import type { TextSelection } from './TranscriptionView';

export const KIND_SHORTCUT_KEYS: Readonly<Record<AnnotationKind, string>> = {
  commentary: 'c',
  translation: 't',
  crossref: 'r',
};

interface Props {
  selection: TextSelection;
  /** Choosing words for something already begun: the one action offered (Enter does it too). */
  placing: { label: string; onPlace: () => void } | null;
  /** A region annotation is open: the words can be linked to it. */
  canLinkToRegion: boolean;
  onLinkToRegion: () => void;
  onAnnotate: (kind: AnnotationKind) => void;
}

export function SelectionMenu({ selection, placing, canLinkToRegion, onLinkToRegion, onAnnotate }: Props) {
  const style = {
    left: Math.max(8, Math.min(selection.rect.left, window.innerWidth - 380)),
    top: selection.rect.bottom + 8,
  };
  return (
    <div className="selection-menu" role="toolbar" aria-label="Annotate selection" style={style} onMouseDown={(e) => e.preventDefault()}>
      {placing ? (
        <button type="button" className="primary" onClick={placing.onPlace}>
          {placing.label} <kbd>Enter</kbd>
        </button>
      ) : (
        <>
          {ANNOTATION_KINDS.map((kind) => (
            <button key={kind} type="button" className={`kind-${kind}`} onClick={() => onAnnotate(kind)}>
              {ANNOTATION_KIND_LABELS[kind]} <kbd>{KIND_SHORTCUT_KEYS[kind].toUpperCase()}</kbd>
            </button>
          ))}
          {canLinkToRegion && (
            <button type="button" className="kind-link" onClick={onLinkToRegion}>
              Link to region <kbd>L</kbd>
            </button>
          )}
        </>
      )}
    </div>
  );
}
