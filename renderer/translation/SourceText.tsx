/**
 * A segment's source text, glossary terms underlined (their preferred rendering and notes in a
 * tooltip). A click in the text reports the caret's offset in the segment: where "Split here"
 * splits.
 */
import { useRef } from 'react';
import { termTooltip, type SourcePiece } from './term-marks';

interface Props {
  pieces: readonly SourcePiece[];
  lang: string;
  onCaret: (offset: number) => void;
}

export function SourceText({ pieces, lang, onCaret }: Props) {
  const ref = useRef<HTMLParagraphElement>(null);

  function reportCaret(): void {
    const element = ref.current;
    const selection = window.getSelection();
    if (!element || !selection || selection.rangeCount === 0 || !selection.anchorNode) return;
    if (!element.contains(selection.anchorNode)) return;
    const before = document.createRange();
    before.setStart(element, 0);
    before.setEnd(selection.anchorNode, selection.anchorOffset);
    onCaret(before.toString().length);
  }

  return (
    <p ref={ref} className="tw-source" lang={lang} onMouseUp={reportCaret} onKeyUp={reportCaret}>
      {pieces.map((piece) =>
        piece.entry ? (
          <span key={piece.start} className="tw-term" data-entry-id={piece.entry.id} title={termTooltip(piece.entry)}>
            {piece.text}
          </span>
        ) : (
          <span key={piece.start}>{piece.text}</span>
        ),
      )}
    </p>
  );
}
