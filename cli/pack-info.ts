/**
 * `marginalia pack info FILE [--json]`: what a pack holds — its format version and maker, its
 * documents, its annotations by kind and by author, its scans — after checking it as the app
 * would before importing it.
 */
import { ANNOTATION_KIND_LABELS, ANNOTATION_KINDS, type AnnotationKind } from '../shared/annotation';
import { formatSize } from '../shared/pack/format';
import { summarisePack, type PackSummary } from '../shared/pack/summary';
import { EXIT_OK, UsageError, type Command } from './command';
import { count, readCommandLine, readPackFile } from './pack-files';

export const packInfoCommand: Command = {
  words: ['pack', 'info'],
  arguments: 'FILE [--json]',
  summary: 'check an annotation pack (.mpack) and print what it holds: documents, annotations by kind and author, scans (--json: as JSON)',
  async run(args, io) {
    const line = readCommandLine('pack info', args, { flags: ['--json'] });
    const [file, ...extra] = line.files;
    if (file === undefined) throw new UsageError('pack info needs a FILE');
    if (extra.length > 0 || line.output) throw new UsageError('pack info takes one FILE');
    const pack = await readPackFile(io, file);
    const summary = summarisePack(pack);
    io.out(line.flags.has('--json') ? `${JSON.stringify({ file, ...summary, warnings: pack.warnings }, null, 2)}\n` : formatSummary(file, summary, pack.warnings));
    return EXIT_OK;
  },
};

function kinds(byKind: Record<AnnotationKind, number>): string {
  const parts = ANNOTATION_KINDS.filter((k) => byKind[k] > 0).map((k) => `${byKind[k]} ${ANNOTATION_KIND_LABELS[k].toLowerCase()}`);
  return parts.length > 0 ? parts.join(', ') : 'none';
}

/** A few lines for a person. */
export function formatSummary(file: string, s: PackSummary, warnings: readonly string[]): string {
  const a = s.annotations;
  const lines = [
    `File:        ${file}`,
    `Format:      ${s.format} ${s.formatVersion}, made by ${s.generator || 'an unknown program'}`,
    `Creator:     ${s.creator.name} <${s.creator.id}>`,
    `Created:     ${s.created}`,
    `Documents:   ${s.documents.length}`,
    ...s.documents.map(
      (d) => `  ${d.title}${d.dateIso ? ` (${d.dateIso})` : ''}: ${count(d.sheets, 'sheet')}, ${count(d.annotations, 'annotation')}, ${count(d.scans, 'scan')}${d.scans > d.scansIncluded ? ` (${d.scansIncluded} included)` : ''}`,
    ),
    `Annotations: ${a.total}: ${kinds(a.byKind)}${a.deleted ? `; ${a.deleted} deleted` : ''}${a.withConflicts ? `; ${a.withConflicts} with conflicting versions` : ''}${a.orphaned ? `; ${a.orphaned} orphaned` : ''}`,
    ...a.byAuthor.map((author) => `  ${author.creator.name}: ${kinds(author.byKind)}`),
    `Scans:       ${s.scans.total}${s.scans.total > 0 ? (s.scans.included === s.scans.total ? `, all included (${formatSize(s.scans.bytes)})` : `, ${s.scans.included} included`) : ''}`,
    ...warnings.map((w) => `Warning:     ${w}`),
  ];
  return `${lines.join('\n')}\n`;
}
