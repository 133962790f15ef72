/**
 * The legend of editorial markup: each feature drawn as it appears in the text, with what it
 * means, the TEI element it follows and its shortcut. Shown beside the editor, and foldable.
 */
import { EDITORIAL_FEATURES, shortcutLabel, type EditorialFeature } from '../../../shared/transcription/editorial';

/** A sample of how the feature looks in the text, with the same classes the schema draws. */
function Sample({ feature }: { feature: EditorialFeature }) {
  switch (feature.id) {
    case 'gap':
      return <span className="ed-gap">[…]</span>;
    case 'editorial_note':
      return <span className="ed-note">✎</span>;
    case 'corrected':
      return <span className="ed-corr" data-sic="MOUSE-ON">МОШКИН</span>;
    case 'abbreviation':
      return <span className="ed-abbr">т.</span>;
    case 'printed':
      return <span className="ed-printed ed-printed-stamp">ПОЛУЧЕНО</span>;
    case 'unclear':
      return <span className="ed-unclear">пошататься</span>;
    case 'supplied':
      return <span className="ed-supplied">ВОЙСК</span>;
    case 'deleted':
      return <span className="ed-del">затянуть</span>;
    case 'added':
      return <span className="ed-add">срочно</span>;
    case 'hand':
      return <span className="ed-hand">Получено 03.15.21.7</span>;
  }
}

export function EditorialLegend() {
  return (
    <details className="editorial-legend">
      <summary>Legend of editorial markup</summary>
      <dl>
        {EDITORIAL_FEATURES.map((feature) => (
          <div key={feature.id} className="legend-entry">
            <dt>
              <Sample feature={feature} /> <span className="legend-label">{feature.label}</span>
            </dt>
            <dd>
              {feature.legend} <span className="legend-meta">TEI {feature.tei} · {shortcutLabel(feature.shortcut)}</span>
            </dd>
          </div>
        ))}
      </dl>
    </details>
  );
}
