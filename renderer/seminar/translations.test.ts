import { describe, expect, it } from 'vitest';
import type { Annotation, AnnotationKind } from '../../shared/annotation';
import { seededRandom } from '../../shared/seeded-random';
import type { Anchor, AnchorMap } from '../annotations/anchors';
import { translationCounts, translationsAlongside } from './translations';

function annotation(id: string, kind: AnnotationKind, deleted = false): Annotation {
  return {
    id,
    kind,
    deleted,
    creator: { id: `c${id.length % 3}`, name: `Author ${id.length % 3}` },
    created: '2026-11-01T00:00:00Z',
  } as Annotation;
}

function anchor(start: number, end: number): Anchor {
  return { start, end, from: start + 2, to: end + 2, sheetIndex: 0, method: 'position' };
}

describe('translationCounts', () => {
  it('counts the translations on the same words as each translation, as translationsAlongside does', () => {
    const random = seededRandom(7);
    const annotations: Annotation[] = [];
    const anchors = new Map<string, Anchor | null>();
    for (let i = 0; i < 600; i++) {
      const kind: AnnotationKind = random() < 0.6 ? 'translation' : random() < 0.5 ? 'commentary' : 'crossref';
      const a = annotation(`a${i}`, kind, random() < 0.05);
      annotations.push(a);
      const roll = random();
      if (roll < 0.05) anchors.set(a.id, null); // an orphan
      else if (roll < 0.08) continue; // a region: no anchor
      else {
        const start = Math.floor(random() * 2000);
        // Some share their words exactly, some touch end to start, a few are empty.
        const length = roll < 0.1 ? 0 : 1 + Math.floor(random() * 60);
        anchors.set(a.id, anchor(start, start + length));
      }
    }
    const counts = translationCounts(annotations, anchors as AnchorMap);
    for (const a of annotations) {
      const alongside = translationsAlongside(a, annotations, anchors).length;
      const withWords = a.kind === 'translation' && !a.deleted && anchors.get(a.id);
      expect(counts.get(a.id) ?? 0, a.id).toBe(withWords ? alongside : 0);
    }
  });

  it('counts words translated twice, and not words merely touching', () => {
    const annotations = [annotation('x', 'translation'), annotation('yy', 'translation'), annotation('zzz', 'translation'), annotation('c', 'commentary')];
    const anchors: AnchorMap = new Map([
      ['x', anchor(10, 20)],
      ['yy', anchor(15, 30)],
      ['zzz', anchor(30, 40)],
      ['c', anchor(0, 100)],
    ]);
    const counts = translationCounts(annotations, anchors);
    expect(Object.fromEntries(counts)).toEqual({ x: 2, yy: 2, zzz: 1 });
  });
});
