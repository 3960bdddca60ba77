import { LIMITS } from '../../takeover/limits.js';
import { builder } from '../builder.js';
import { patchNote, requiredIn, typeName, type InputMode } from './mode.js';
import { SCENE_DOCS } from './scene-docs.js';

const C = LIMITS.maxCoordinate;

export function defineGeometryInputs(mode: InputMode) {
  const required = requiredIn(mode);
  const { Position: p, Rect: r, Resolution: s } = SCENE_DOCS;
  const Position = builder.inputType(typeName('Position', mode), {
    description: `A point on the canvas in pixels, from the top-left corner. Each coordinate -${C}..${C}.${patchNote(mode)}`,
    fields: (t) => ({
      x: t.float({ description: p.x }),
      y: t.float({ description: p.y }),
    }),
  });
  const Rect = builder.inputType(typeName('Rect', mode), {
    description: `A rectangle on the canvas in whole pixels; sent to the platform as [x, y, width, height].${patchNote(mode)}`,
    fields: (t) => ({
      x: t.int({ required, description: r.x }),
      y: t.int({ required, description: r.y }),
      width: t.int({ required, description: r.width }),
      height: t.int({ required, description: r.height }),
    }),
  });
  const Resolution = builder.inputType(typeName('Resolution', mode), {
    description: `Output video size in pixels; sent as [width, height]. Each side ${LIMITS.minCanvasSide}..${LIMITS.maxCanvasSide}.${patchNote(mode)}`,
    fields: (t) => ({
      width: t.int({ required, description: s.width }),
      height: t.int({ required, description: s.height }),
    }),
  });
  return { Position, Rect, Resolution };
}
