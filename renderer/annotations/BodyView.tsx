/**
 * An annotation body shown read-only: its ProseMirror JSON rendered through the body schema,
 * never as HTML, so whatever a pack carried is shown as the text it is.
 */
import { DOMSerializer } from 'prosemirror-model';
import { useEffect, useRef } from 'react';
import type { BodyDocJSON } from '../../shared/annotation';
import { bodyFromJSON, bodySchema } from '../../shared/annotation-body-schema';

export function BodyView({ doc, lang }: { doc: BodyDocJSON; lang: string }) {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const element = ref.current;
    if (!element) return;
    element.replaceChildren(DOMSerializer.fromSchema(bodySchema).serializeFragment(bodyFromJSON(doc).content));
  }, [doc]);
  return <div ref={ref} className="body-view" lang={lang} />;
}
