import { builder } from '../builder.js';
import type { defineGeometryInputs } from './geometry.js';
import { patchNote, requiredIn, typeName, type InputMode } from './mode.js';
import { SCENE_DOCS } from './scene-docs.js';

export function defineDigitalRoleInput(mode: InputMode, { Position }: ReturnType<typeof defineGeometryInputs>) {
  const d = SCENE_DOCS.DigitalRole;
  return builder.inputType(typeName('DigitalRole', mode), {
    description: `The avatar (digital role). The platform accepts it by \`fileId\` only.${patchNote(mode)}`,
    fields: (t) => ({
      fileId: t.string({ required: requiredIn(mode), description: d.fileId }),
      id: t.int({ description: d.id }),
      faceFeatureId: t.string({ description: d.faceFeatureId }),
      name: t.string({ description: d.name }),
      url: t.string({ description: d.url }),
      position: t.field({ type: Position, description: d.position }),
      scale: t.float({ description: d.scale }),
      zPosition: t.int({ description: d.zPosition }),
      rotation: t.float({ description: d.rotation }),
      startFrameIndex: t.int({ description: d.startFrameIndex }),
    }),
  });
}
