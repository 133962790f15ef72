/** Where the sheets of a transcription lie in its ProseMirror document. */
import type { Node as ProseMirrorNode } from 'prosemirror-model';

/** The position just inside the start of each sheet, in order. */
export function sheetStarts(doc: ProseMirrorNode): number[] {
  const starts: number[] = [];
  doc.forEach((_node, offset) => starts.push(offset + 1));
  return starts;
}

/** The index of the sheet holding a position. */
export function sheetIndexAt(doc: ProseMirrorNode, pos: number): number {
  let index = 0;
  doc.forEach((node, offset, i) => {
    if (pos >= offset && pos <= offset + node.nodeSize) index = i;
  });
  return index;
}
