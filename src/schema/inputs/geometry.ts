import { LIMITS } from '../../takeover/limits.js';
import { builder } from '../builder.js';
import { patchNote, requiredIn, typeName, type InputMode } from './mode.js';

const C = LIMITS.maxCoordinate;

export const RGBA_DESCRIPTION = 'Colour as exactly 4 integers [red, green, blue, alpha], each 0..255.';

export function defineGeometryInputs(mode: InputMode) {
  const required = requiredIn(mode);
  const Position = builder.inputType(typeName('Position', mode), {
    description: `A point on the canvas in pixels, from the top-left corner. Each coordinate -${C}..${C}.${patchNote(mode)}`,
    fields: (t) => ({
      x: t.float({ description: 'Pixels from the left edge. Default 0.' }),
      y: t.float({ description: 'Pixels from the top edge. Default 0.' }),
    }),
  });
  const Rect = builder.inputType(typeName('Rect', mode), {
    description: `A rectangle on the canvas in whole pixels; sent to the platform as [x, y, width, height].${patchNote(mode)}`,
    fields: (t) => ({
      x: t.int({ required, description: `Left edge, -${C}..${C}.` }),
      y: t.int({ required, description: `Top edge, -${C}..${C}.` }),
      width: t.int({ required, description: `Width, 1..${C}.` }),
      height: t.int({ required, description: `Height, 1..${C}.` }),
    }),
  });
  const Resolution = builder.inputType(typeName('Resolution', mode), {
    description: `Output video size in pixels; sent as [width, height]. Each side ${LIMITS.minCanvasSide}..${LIMITS.maxCanvasSide}.${patchNote(mode)}`,
    fields: (t) => ({
      width: t.int({ required, description: 'Width in pixels, e.g. 1080.' }),
      height: t.int({ required, description: 'Height in pixels, e.g. 1920.' }),
    }),
  });
  return { Position, Rect, Resolution };
}
