/**
 * Everybody's translations of a passage, side by side: one column per translation, headed by
 * its author (in their layer's colour) and language, with the passage quoted above.
 */
import type { Annotation } from '../../shared/annotation';
import { BODY_LANGUAGES } from '../../shared/importers/languages';
import { BodyView } from '../annotations/BodyView';
import { Dialog } from '../ui/Dialog';

interface Props {
  passage: string;
  translations: readonly Annotation[];
  colours: ReadonlyMap<string, string>;
  onClose: () => void;
}

export function CompareTranslations({ passage, translations, colours, onClose }: Props) {
  return (
    <Dialog title="Translations of this passage" onClose={onClose}>
      <blockquote className="compare-passage">{passage}</blockquote>
      <div className="compare-columns" style={{ gridTemplateColumns: `repeat(${Math.min(translations.length, 4)}, minmax(14em, 1fr))` }}>
        {translations.map((t) => (
          <section key={t.id} className="compare-column" aria-label={`Translation by ${t.creator.name}`} style={{ ['--author' as string]: colours.get(t.creator.id) ?? 'var(--translation)' }}>
            <h3>
              <span className="author-swatch" aria-hidden="true" /> {t.creator.name}
            </h3>
            <p className="compare-meta">
              {BODY_LANGUAGES.find((l) => l.code === t.body.language)?.name ?? t.body.language} · {new Date(t.modified).toLocaleDateString()}
              {t.conflicts?.length ? ' · has conflicting versions' : ''}
            </p>
            <BodyView doc={t.body.doc} lang={t.body.language} />
          </section>
        ))}
      </div>
    </Dialog>
  );
}
