/**
 * `marginalia pack merge A B … -o OUT`: merges packs into one, by the rules the app merges a pack
 * into a library (docs/pack-format.md): the first pack is the base, each next one is merged into
 * it in turn. Prints what each merge did, every conflict named.
 */
import { randomUUID } from 'node:crypto';
import { ANNOTATION_KIND_LABELS } from '../shared/annotation';
import type { MergePlan } from '../shared/pack/merge';
import { mergePacks } from '../shared/pack/merge-packs';
import { writePackAsync } from '../shared/pack/write-pack';
import { EXIT_OK, UsageError, type Command } from './command';
import { CLI_GENERATOR, count, creatorFrom, readCommandLine, readPackFile, writeOutputFile } from './pack-files';

export const packMergeCommand: Command = {
  words: ['pack', 'merge'],
  arguments: 'A.mpack B.mpack… -o OUT.mpack [--creator-name NAME] [--creator-id ID]',
  summary: 'merge annotation packs into one (the first is the base): new and edited annotations added, conflicting edits both kept',
  async run(args, io) {
    const line = readCommandLine('pack merge', args, { valued: ['--creator-name', '--creator-id'] });
    if (line.files.length < 2) throw new UsageError('pack merge needs at least two packs');
    if (!line.output) throw new UsageError('pack merge needs -o OUT.mpack');
    const packs = [];
    for (const file of line.files) packs.push(await readPackFile(io, file));
    const now = new Date().toISOString();
    const base = packs[0]!;
    const { input, plans } = mergePacks(packs, { creator: creatorFrom(line, base.manifest.creator), generator: CLI_GENERATOR, now, newId: randomUUID });
    io.out(`Base: ${line.files[0]} (${count(base.documents.length, 'document')}, ${count(base.annotations.length, 'annotation')})\n`);
    plans.forEach((plan, i) => io.out(formatPlan(line.files[i + 1]!, plan)));
    await writeOutputFile(io, line.output, await writePackAsync(input, { created: now }));
    const scans = input.documents.reduce((n, d) => n + d.scans.length, 0);
    io.out(`Wrote ${line.output}: ${count(input.documents.length, 'document')}, ${count(input.annotations.length, 'annotation')}, ${count(scans, 'scan')}\n`);
    return EXIT_OK;
  },
};

function tally<T extends string>(statuses: readonly T[]): string {
  const counts = new Map<T, number>();
  for (const s of statuses) counts.set(s, (counts.get(s) ?? 0) + 1);
  const words: Record<string, string> = { conflict: 'in conflict' };
  return counts.size === 0 ? 'none' : [...counts].map(([s, n]) => `${n} ${words[s] ?? s}`).join(', ');
}

/** What one merge did, for a person. */
export function formatPlan(file: string, plan: MergePlan): string {
  const titles = new Map(plan.documents.map((d) => [d.localId, d.title]));
  const lines = [
    `Merged ${file} (${plan.source}):`,
    `  documents: ${tally(plan.documents.map((d) => d.status))}`,
    `  annotations: ${tally(plan.annotations.map((a) => a.status))}`,
    ...plan.byAuthor.map((a) => {
      const parts = (['new', 'updated', 'conflict', 'unchanged', 'skipped'] as const).filter((k) => a[k] > 0).map((k) => `${a[k]} ${k === 'conflict' ? 'in conflict' : k}`);
      return `    by ${a.creator.name}: ${parts.join(', ')}`;
    }),
  ];
  for (const d of plan.documents) {
    if (d.matchedBy && d.matchedBy !== 'id') lines.push(`  “${d.title}” is the base’s document ${d.localId} (recognised by its ${d.matchedBy === 'source' ? 'source record' : 'title, date and text'})`);
    if (d.transcription === 'diverged') {
      lines.push(`  conflict: the transcription of “${d.title}” was changed apart in both; the base’s is kept (a pack holds one transcription: import ${file} into the app to keep the other as a revision)`);
    }
  }
  for (const a of plan.annotations) {
    if (a.status !== 'conflict' && a.status !== 'skipped') continue;
    lines.push(`  ${a.status}: ${ANNOTATION_KIND_LABELS[a.kind].toLowerCase()} ${a.id} by ${a.creator.name} on “${titles.get(a.documentId) ?? a.documentId}”: ${a.reason}`);
  }
  for (const w of plan.warnings) lines.push(`  warning: ${w}`);
  return `${lines.join('\n')}\n`;
}
