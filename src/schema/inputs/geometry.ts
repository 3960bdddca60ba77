import type { z } from 'zod';
import { LIMITS } from '../../takeover/limits.js';
import type { positionSchema, rectSchema, resolutionSchema } from '../../takeover/primitives.js';
import { builder } from '../builder.js';

const C = LIMITS.maxCoordinate;

export const PositionInput = builder.inputRef<z.input<typeof positionSchema>>('PositionInput').implement({
  description: `A point on the canvas in pixels, from the top-left corner. Each coordinate -${C}..${C}.`,
  fields: (t) => ({
    x: t.float({ description: 'Pixels from the left edge. Default 0.' }),
    y: t.float({ description: 'Pixels from the top edge. Default 0.' }),
  }),
});

export const RectInput = builder.inputRef<z.input<typeof rectSchema>>('RectInput').implement({
  description: 'A rectangle on the canvas in whole pixels; sent to the platform as [x, y, width, height].',
  fields: (t) => ({
    x: t.int({ required: true, description: `Left edge, -${C}..${C}.` }),
    y: t.int({ required: true, description: `Top edge, -${C}..${C}.` }),
    width: t.int({ required: true, description: `Width, 1..${C}.` }),
    height: t.int({ required: true, description: `Height, 1..${C}.` }),
  }),
});

export const ResolutionInput = builder.inputRef<z.input<typeof resolutionSchema>>('ResolutionInput').implement({
  description: `Output video size in pixels; sent as [width, height]. Each side ${LIMITS.minCanvasSide}..${LIMITS.maxCanvasSide}.`,
  fields: (t) => ({
    width: t.int({ required: true, description: 'Width in pixels, e.g. 1080.' }),
    height: t.int({ required: true, description: 'Height in pixels, e.g. 1920.' }),
  }),
});

export const RGBA_DESCRIPTION = 'Colour as exactly 4 integers [red, green, blue, alpha], each 0..255.';
