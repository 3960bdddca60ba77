import { LIMITS } from '../../takeover/limits.js';
import { builder } from '../builder.js';
import type { defineGeometryInputs } from './geometry.js';
import { patchNote, requiredIn, typeName, type InputMode } from './mode.js';

export function defineDigitalRoleInput(mode: InputMode, { Position }: ReturnType<typeof defineGeometryInputs>) {
  return builder.inputType(typeName('DigitalRole', mode), {
    description: `The avatar (digital role). The platform accepts it by \`fileId\` only.${patchNote(mode)}`,
    fields: (t) => ({
      fileId: t.string({ required: requiredIn(mode), description: 'The platform file id of the avatar. Required, non-empty.' }),
      id: t.int({ description: 'The platform digital role id (e.g. 4051). Left out of the request when not given.' }),
      faceFeatureId: t.string({ description: 'Face feature id; meaning not public. Default "".' }),
      name: t.string({ description: `Display name, at most ${LIMITS.maxNameLength} characters. Default "".` }),
      url: t.string({ description: 'Must be empty: the platform references the avatar by fileId only. Default "".' }),
      position: t.field({ type: Position, description: 'Where the avatar is placed, in pixels. Default (0, 0).' }),
      scale: t.float({ description: `Scale factor, greater than 0 and at most ${LIMITS.maxScale}. Default 1.` }),
      zPosition: t.int({ description: `Layer order; higher is in front. -${LIMITS.maxZPosition}..${LIMITS.maxZPosition}. Default 1.` }),
      rotation: t.float({ description: 'Rotation in degrees, -360..360. Default 0.' }),
      startFrameIndex: t.int({ description: 'Frame of the avatar clip to start from, >= 0. Default 0.' }),
    }),
  });
}
