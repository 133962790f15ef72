/**
 * The seminar view's layers: one per author, each in its own colour, shown or hidden with a
 * click; and whether highlights take their author's colour rather than their kind's.
 */
import type { Author } from './authors';

interface Props {
  authors: readonly Author[];
  hidden: ReadonlySet<string>;
  byAuthor: boolean;
  onToggle: (authorId: string) => void;
  onShowOnly: (authorId: string | null) => void;
  onByAuthor: (on: boolean) => void;
}

export function AuthorLayers(props: Props) {
  return (
    <div className="author-layers" role="group" aria-label="Layers by author">
      <div className="author-layers-head">
        <span>Layers</span>
        <label>
          <input type="checkbox" checked={props.byAuthor} onChange={(e) => props.onByAuthor(e.target.checked)} /> Colour by author
        </label>
        {props.hidden.size > 0 && (
          <button type="button" className="link-button" onClick={() => props.onShowOnly(null)}>
            Show all
          </button>
        )}
      </div>
      <ul>
        {props.authors.map((author) => (
          <li key={author.id}>
            <label className="author-layer" style={{ ['--author' as string]: author.colour }}>
              <input type="checkbox" checked={!props.hidden.has(author.id)} onChange={() => props.onToggle(author.id)} />
              <span className="author-swatch" aria-hidden="true" />
              {author.name} <span className="count">{author.count}</span>
            </label>
            <button
              type="button"
              className="link-button"
              title={`Show only ${author.name}'s annotations`}
              aria-label={`Only ${author.name}`}
              onClick={() => props.onShowOnly(author.id)}
            >
              only
            </button>
          </li>
        ))}
      </ul>
    </div>
  );
}
