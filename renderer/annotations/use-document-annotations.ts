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
import type { Annotation } from '../../shared/annotation';
import { openingAnnotations } from '../db/annotation-store';
import type { MarginaliaDatabase } from '../db/database';
import { watchDocumentAnnotations } from '../db/watch-annotations';

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
  // The whole list, then each write's records alone (watch-annotations.ts): saving one card's
  // body no longer reads all 10,000 back.
  const [all, setAll] = useState<{ documentId: string; annotations: Annotation[] } | null>(null);
  const [failure, setFailure] = useState<unknown>(null);
  useEffect(() => {
    if (!openingRead) return;
    return watchDocumentAnnotations(
      db,
      documentId,
      (annotations) => setAll({ documentId, annotations }),
      setFailure,
    );
  }, [db, documentId, openingRead]);
  // As a live query would: a read that fails is an error of the view.
  if (failure) throw failure;
  if (all?.documentId === documentId) return { annotations: all.annotations, complete: true };
  return { annotations: (openingRead && opening.annotations) || undefined, complete: false };
}
