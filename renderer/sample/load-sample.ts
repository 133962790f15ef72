/**
 * The bundled sample as the renderer loads it: the telegram's text and its generated
 * facsimiles, shipped in assets/sample and bundled by Vite.
 */
import sampleText from '../../assets/sample/mao-to-filippov-1951-07-20.txt?raw';
import manifest from '../../assets/sample/facsimiles/manifest.json';
import type { SampleSource } from '../db/sample-library';

const imageUrls = import.meta.glob('../../assets/sample/facsimiles/*.png', {
  query: '?url',
  import: 'default',
  eager: true,
}) as Record<string, string>;

interface FacsimileManifest {
  sheets: Array<{ sheet: number; file: string; width: number; height: number }>;
}

export async function loadBundledSample(): Promise<SampleSource> {
  const facsimiles = await Promise.all(
    (manifest as FacsimileManifest).sheets.map(async (entry) => {
      const url = imageUrls[`../../assets/sample/facsimiles/${entry.file}`];
      if (!url) throw new Error(`The sample's facsimile ${entry.file} is missing from this build.`);
      const response = await fetch(url);
      if (!response.ok) throw new Error(`The sample's facsimile ${entry.file} could not be read (${response.status}).`);
      return { sheetIndex: entry.sheet - 1, blob: await response.blob(), width: entry.width, height: entry.height };
    }),
  );
  return { text: sampleText, facsimiles };
}
