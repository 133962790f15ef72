/** After a region is drawn: what kind of annotation it is (C, T or R), or Esc to drop it. */
import { useEffect } from 'react';
import { ANNOTATION_KINDS, ANNOTATION_KIND_LABELS, type AnnotationKind } from '../../shared/annotation';
import type { Point } from '../../shared/regions/region-shape';
import { KIND_SHORTCUT_KEYS } from '../transcription/SelectionMenu';

interface Props {
  at: Point;
  onChoose: (kind: AnnotationKind) => void;
  onCancel: () => void;
}

export function RegionKindMenu({ at, onChoose, onCancel }: Props) {
  useEffect(() => {
    const onKey = (event: KeyboardEvent): void => {
      if (event.key === 'Escape') onCancel();
      const kind = ANNOTATION_KINDS.find((k) => KIND_SHORTCUT_KEYS[k] === event.key.toLowerCase());
      if (kind && !event.ctrlKey && !event.metaKey && !event.altKey) {
        event.preventDefault();
        onChoose(kind);
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [onChoose, onCancel]);

  return (
    <div
      className="selection-menu"
      role="toolbar"
      aria-label="Annotate region"
      style={{ left: Math.max(8, Math.min(at.x, window.innerWidth - 420)), top: at.y + 8 }}
    >
      {ANNOTATION_KINDS.map((kind) => (
        <button key={kind} type="button" className={`kind-${kind}`} onClick={() => onChoose(kind)}>
          {ANNOTATION_KIND_LABELS[kind]} <kbd>{KIND_SHORTCUT_KEYS[kind].toUpperCase()}</kbd>
        </button>
      ))}
      <button type="button" onClick={onCancel}>
        Discard
      </button>
    </div>
  );
}
