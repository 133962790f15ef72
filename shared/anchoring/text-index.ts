/**
 * The normalised plain text of a transcription, and the mapping between its character offsets
 * and ProseMirror positions.
 *
 * Annotation anchors are stored the W3C way, as offsets and quotes over plain text, so that
 * they mean something outside ProseMirror (in a pack, in another tool). The plain text is the
 * document's text with "\n" for every line break and between consecutive blocks (paragraphs and
 * sheets alike); editorial atoms (gaps, notes) add nothing. Offsets count UTF-16 code units, as JavaScript strings do.
 */
import type { Node as ProseMirrorNode } from 'prosemirror-model';

interface Segment {
  /** Offset in the plain text where this run starts. */
  offset: number;
  /** ProseMirror position of the run's first character. */
  pos: number;
  length: number;
}

export class TextIndex {
  readonly text: string;
  /** Runs of text that map one-to-one onto ProseMirror positions, in order. */
  private readonly segments: readonly Segment[];

  private constructor(text: string, segments: Segment[]) {
    this.text = text;
    this.segments = segments;
  }

  static fromDoc(doc: ProseMirrorNode): TextIndex {
    let text = '';
    const segments: Segment[] = [];
    let blockSeen = false;
    doc.descendants((node, pos) => {
      if (node.isTextblock) {
        if (blockSeen) text += '\n';
        blockSeen = true;
      } else if (node.isText) {
        segments.push({ offset: text.length, pos, length: node.text!.length });
        text += node.text;
      } else if (node.isLeaf && node.isInline) {
        // A line break stands for one newline; editorial atoms (a gap, a note) for nothing, as
        // their schema's `leafText` says, so that marking them never moves an anchor.
        const leaf = node.type.spec.leafText ? node.type.spec.leafText(node) : '\n';
        if (leaf.length > 0) {
          segments.push({ offset: text.length, pos, length: leaf.length });
          text += leaf;
        }
      }
      return true;
    });
    return new TextIndex(text, segments);
  }

  /**
   * The ProseMirror position of a plain-text offset. An offset that falls on a block separator
   * maps to the start of the next run when `side` is 1 (range starts) and to the end of the
   * previous run when `side` is -1 (range ends), so a range never grows into an empty block edge.
   */
  posAt(offset: number, side: -1 | 1): number {
    const segments = this.segments;
    if (segments.length === 0) return 0;
    // Last segment starting at or before the offset.
    let lo = 0;
    let hi = segments.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (segments[mid]!.offset <= offset) lo = mid;
      else hi = mid - 1;
    }
    const seg = segments[lo]!;
    if (offset < seg.offset) return seg.pos; // before the first run
    const within = offset - seg.offset;
    if (within < seg.length || (within === seg.length && side === -1)) return seg.pos + within;
    const next = segments[lo + 1];
    if (side === 1 && next) return next.pos;
    return seg.pos + seg.length;
  }

  /**
   * The plain-text offset of a ProseMirror position. A position between runs of text (in an
   * empty paragraph, or between blocks) snaps forward to the next run when `side` is 1 (range
   * starts) and back to the end of the previous run when `side` is -1 (range ends), so a range
   * never takes in the separator after its last words.
   */
  offsetAt(pos: number, side: -1 | 1 = 1): number {
    // The first run that ends at or after the position (binary search: runs are in order).
    const segments = this.segments;
    let lo = 0;
    let hi = segments.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (segments[mid]!.pos + segments[mid]!.length < pos) lo = mid + 1;
      else hi = mid;
    }
    const seg = segments[lo];
    const previous = segments[lo - 1];
    if (pos < (seg?.pos ?? Infinity) && side === -1 && previous) return previous.offset + previous.length;
    if (!seg) return this.text.length;
    return pos < seg.pos ? seg.offset : seg.offset + (pos - seg.pos);
  }
}
