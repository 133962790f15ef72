/**
 * The people whose annotations are in a document, for the seminar view: each with a colour of
 * their own (their layer), how many annotations they wrote, and whether their layer is shown.
 */
import type { Annotation, Creator } from '../../shared/annotation';

/** Twelve colours that stay apart on the paper background and for common colour blindness pairs. */
export const AUTHOR_PALETTE = [
  '#1f77b4',
  '#d62728',
  '#2ca02c',
  '#9467bd',
  '#ff7f0e',
  '#17becf',
  '#8c564b',
  '#e377c2',
  '#7f7f00',
  '#393b79',
  '#637939',
  '#843c39',
] as const;

export interface Author extends Creator {
  count: number;
  colour: string;
}

/**
 * The authors of some annotations, by name. Colours go by the order of the authors' ids, so an
 * author keeps their colour as long as the set of authors is the same, whoever is filtered.
 */
export function authorsOf(annotations: readonly Annotation[]): Author[] {
  const byId = new Map<string, Author>();
  for (const a of annotations) {
    const known = byId.get(a.creator.id);
    if (known) known.count++;
    else byId.set(a.creator.id, { ...a.creator, count: 1, colour: '' });
  }
  const ids = [...byId.keys()].sort();
  ids.forEach((id, i) => (byId.get(id)!.colour = AUTHOR_PALETTE[i % AUTHOR_PALETTE.length]!));
  return [...byId.values()].sort((a, b) => a.name.localeCompare(b.name) || a.id.localeCompare(b.id));
}

/** The colour of each author's layer, by creator id. */
export function authorColours(authors: readonly Author[]): ReadonlyMap<string, string> {
  return new Map(authors.map((a) => [a.id, a.colour]));
}
