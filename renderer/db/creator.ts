/**
 * Who is annotating on this installation. The id is made once and kept, so a person's
 * annotations stay theirs when they rename themselves or when packs are merged.
 */
import type { Creator } from '../../shared/annotation';
import type { MarginaliaDatabase } from './database';
import { newId } from './ids';

const CREATOR_KEY = 'creator';

function isCreator(value: unknown): value is Creator {
  const v = value as Partial<Creator> | null;
  return typeof v?.id === 'string' && typeof v.name === 'string';
}

export async function loadCreator(db: MarginaliaDatabase, defaultName: string): Promise<Creator> {
  return db.transaction('rw', db.settings, async () => {
    const stored = (await db.settings.get(CREATOR_KEY))?.value;
    if (isCreator(stored)) return stored;
    const creator: Creator = { id: `urn:uuid:${newId()}`, name: defaultName.trim() || 'Anonymous annotator' };
    await db.settings.put({ key: CREATOR_KEY, value: creator });
    return creator;
  });
}

export async function renameCreator(db: MarginaliaDatabase, creator: Creator, name: string): Promise<Creator> {
  const renamed: Creator = { id: creator.id, name: name.trim() || creator.name };
  await db.settings.put({ key: CREATOR_KEY, value: renamed });
  return renamed;
}
