// Preset writes: every change bumps the version and keeps the previous state in PresetVersion.
import type { Preset } from '../generated/prisma/client.js';
import type { NewPreset, PresetChanges } from '../takeover/preset.js';
import type { TakeoverParams } from '../takeover/params.js';
import type { Db } from './client.js';
import { isUniqueViolation } from './errors.js';

export class PresetNameTaken extends Error {
  constructor(readonly presetName: string) {
    super(`A preset named "${presetName}" already exists.`);
  }
}

export class PresetVersionConflict extends Error {
  constructor(readonly currentVersion: number, expected: number) {
    super(`The preset is at version ${currentVersion}, not ${expected}: it changed since you read it.`);
  }
}

export interface StoredPreset extends Preset {
  tags: { tag: string }[];
}

const withTags = { tags: { select: { tag: true }, orderBy: { tag: 'asc' as const } } };

function snapshot(preset: { id: string; version: number; name: string; description: string; videoName: string | null; params: string }, tags: string[]) {
  return {
    presetId: preset.id,
    version: preset.version,
    name: preset.name,
    description: preset.description,
    videoName: preset.videoName,
    tags: JSON.stringify(tags),
    params: preset.params,
  };
}

async function uniqueName<T>(name: string | undefined, write: () => Promise<T>): Promise<T> {
  try {
    return await write();
  } catch (error) {
    if (isUniqueViolation(error) && name !== undefined) throw new PresetNameTaken(name);
    throw error;
  }
}

export function createPreset(db: Db, ownerId: string, preset: NewPreset): Promise<StoredPreset> {
  return uniqueName(preset.name, () =>
    db.$transaction(async (tx) => {
      const created = await tx.preset.create({
        data: {
          ownerId,
          name: preset.name,
          description: preset.description,
          videoName: preset.videoName ?? null,
          params: JSON.stringify(preset.params),
          tags: { create: preset.tags.map((tag) => ({ tag })) },
        },
        include: withTags,
      });
      await tx.presetVersion.create({ data: snapshot(created, preset.tags) });
      return created;
    }),
  );
}

export function findPreset(db: Db, ownerId: string, id: string): Promise<StoredPreset | null> {
  return db.preset.findFirst({ where: { id, ownerId }, include: withTags });
}

/** Applies `changes` as a new version. Undefined when the preset does not exist (for this owner). */
export function updatePreset(
  db: Db,
  ownerId: string,
  id: string,
  changes: PresetChanges,
  expectedVersion?: number,
): Promise<StoredPreset | undefined> {
  return uniqueName(changes.name, () =>
    db.$transaction(async (tx) => {
      const current = await tx.preset.findFirst({ where: { id, ownerId }, include: withTags });
      if (!current) return undefined;
      if (expectedVersion !== undefined && current.version !== expectedVersion) {
        throw new PresetVersionConflict(current.version, expectedVersion);
      }
      const tags = changes.tags ?? current.tags.map((t) => t.tag);
      // The version guard makes a concurrent update fail instead of silently interleaving.
      const { count } = await tx.preset.updateMany({
        where: { id, version: current.version },
        data: {
          version: current.version + 1,
          ...(changes.name !== undefined && { name: changes.name }),
          ...(changes.description !== undefined && { description: changes.description }),
          ...(changes.videoName !== undefined && { videoName: changes.videoName }),
          ...(changes.params !== undefined && { params: JSON.stringify(changes.params) }),
        },
      });
      if (count === 0) throw new PresetVersionConflict(current.version + 1, current.version);
      if (changes.tags) {
        await tx.presetTag.deleteMany({ where: { presetId: id } });
        await tx.presetTag.createMany({ data: tags.map((tag) => ({ presetId: id, tag })) });
      }
      const updated = await tx.preset.findUniqueOrThrow({ where: { id }, include: withTags });
      await tx.presetVersion.create({ data: snapshot(updated, tags) });
      return updated;
    }),
  );
}

export async function duplicatePreset(db: Db, ownerId: string, id: string, name: string): Promise<StoredPreset | undefined> {
  const source = await findPreset(db, ownerId, id);
  if (!source) return undefined;
  return createPreset(db, ownerId, {
    name,
    description: source.description,
    tags: source.tags.map((t) => t.tag),
    videoName: source.videoName,
    params: JSON.parse(source.params) as TakeoverParams,
  });
}

export async function deletePreset(db: Db, ownerId: string, id: string): Promise<boolean> {
  const { count } = await db.preset.deleteMany({ where: { id, ownerId } });
  return count > 0;
}

/** The preset's scene at `version` (the current one when not given). */
export async function findPresetScene(db: Db, ownerId: string, id: string, version?: number) {
  const preset = await db.preset.findFirst({ where: { id, ownerId }, select: { id: true, version: true } });
  if (!preset) return undefined;
  const at = await db.presetVersion.findUnique({
    where: { presetId_version: { presetId: id, version: version ?? preset.version } },
  });
  if (!at) return undefined;
  return { presetId: id, version: at.version, videoName: at.videoName, params: JSON.parse(at.params) as TakeoverParams };
}
