/**
 * The annotations of the open document, the first pages' first.
 *
 * Reading all of a large document's annotations is the slowest part of opening it: 10,000
 * records take the better part of a second to come out of IndexedDB, on the main thread. The
 * reader meanwhile looks at the first pages, so the annotations on those are read first, from an
 * index range (a few hundred records, tens of milliseconds), and shown until the whole list has
 * come — which only then is asked for, so that the small read does not wait behind the large one.
 *
 * Until the whole list is in, `complete` is false: whatever relies on knowing every annotation
 * of the document (the counts, editing the transcription, the translator's workbench) waits.
 */
import { useEffect, useState } from 'react';
import { useLiveQuery } from 'dexie-react-hooks';
import type { Annotation } from '../../shared/annotation';
import { liveAnnotations, openingAnnotations } from '../db/annotation-store';
import type { MarginaliaDatabase } from '../db/database';

/** How far into the text the first read goes: the first pages a reader sees, and a few beyond. */
export const OPENING_CHARACTERS = 20_000;

export interface DocumentAnnotations {
  /** Every live annotation of the document once `complete`; before that, those on its first pages (or undefined, not yet read). */
  annotations: Annotation[] | undefined;
  complete: boolean;
}

export function useDocumentAnnotations(db: MarginaliaDatabase, documentId: string): DocumentAnnotations {
  const [opening, setOpening] = useState<{ documentId: string; annotations: Annotation[] | null } | null>(null);
  const openingRead = opening?.documentId === documentId;
  useEffect(() => {
    let current = true;
    openingAnnotations(db, documentId, OPENING_CHARACTERS).then(
      (annotations) => current && setOpening({ documentId, annotations }),
      // The whole list is read all the same, and says what went wrong if anything does.
      () => current && setOpening({ documentId, annotations: null }),
    );
    return () => {
      current = false;
    };
  }, [db, documentId]);
  const all = useLiveQuery(
    () => (openingRead ? liveAnnotations(db, documentId) : Promise.resolve(undefined)),
    [db, documentId, openingRead],
  );
  if (all) return { annotations: all, complete: true };
  return { annotations: (openingRead && opening.annotations) || undefined, complete: false };
}
