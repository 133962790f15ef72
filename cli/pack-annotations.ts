/**
 * `marginalia pack annotations FILE -o OUT.jsonld [--marginalia]`: a pack's annotations as a
 * W3C Web Annotation collection in JSON-LD, alone: for other annotation tools (without
 * tombstones and Marginalia's own properties), or with `--marginalia` exactly as the pack
 * carries them (every annotation, with the `marginalia:` properties).
 */
import { strToU8 } from 'fflate';
import { annotationCollection, collectionHash, exportAnnotationsJsonLd } from '../shared/pack/annotation-jsonld';
import { EXIT_OK, UsageError, type Command } from './command';
import { CLI_GENERATOR, count, readCommandLine, readPackFile, writeOutputFile } from './pack-files';

export const packAnnotationsCommand: Command = {
  words: ['pack', 'annotations'],
  arguments: 'FILE -o OUT.jsonld [--marginalia]',
  summary: 'write the annotations of a pack as W3C Web Annotation JSON-LD for other tools (--marginalia: all of them, as the pack holds them)',
  async run(args, io) {
    const line = readCommandLine('pack annotations', args, { flags: ['--marginalia'] });
    const [file, ...extra] = line.files;
    if (file === undefined) throw new UsageError('pack annotations needs a FILE');
    if (extra.length > 0) throw new UsageError(`pack annotations takes one FILE, not also ${extra.join(' ')}`);
    if (!line.output) throw new UsageError('pack annotations needs -o OUT.jsonld');
    const pack = await readPackFile(io, file);
    const scanMimes = new Map(pack.documents.flatMap((d) => d.scans.map((s) => [s.id, s.mime] as const)));
    const { creator, created } = pack.manifest;
    const text = line.flags.has('--marginalia')
      ? `${JSON.stringify(
          annotationCollection(pack.annotations, {
            marginalia: true,
            id: `urn:marginalia:pack:${collectionHash(pack.annotations, created)}`,
            label: `Annotations in a Marginalia pack from ${creator.name}`,
            creator,
            created,
            generator: pack.manifest.generator || CLI_GENERATOR,
            scanMimes,
          }),
          null,
          2,
        )}\n`
      : exportAnnotationsJsonLd(pack.annotations, { creator, created, generator: CLI_GENERATOR, scanMimes });
    await writeOutputFile(io, line.output, strToU8(text));
    const written = line.flags.has('--marginalia') ? pack.annotations.length : pack.annotations.filter((a) => !a.deleted).length;
    io.out(`Wrote ${count(written, 'annotation')} to ${line.output}\n`);
    return EXIT_OK;
  },
};
