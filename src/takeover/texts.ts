import { z } from 'zod';
import { LIMITS } from './limits.js';
import { opacitySchema, positionSchema, rgbaSchema, scaleSchema, textSchema, zPositionSchema } from './primitives.js';

const TRANSPARENT = [0, 0, 0, 0];
const WHITE = [255, 255, 255, 255];

const textStyle = {
  text: textSchema(LIMITS.maxTextLength).min(1, 'must not be empty'),
  // The accepted font names are not public; the string is passed through unchanged.
  fontFamily: textSchema(LIMITS.maxNameLength).trim().min(1, 'a font family is required'),
  fontSize: z.number().positive().max(LIMITS.maxFontSize).default(40),
  rgba: rgbaSchema.default(WHITE),
  strokeWidth: z.number().min(0).max(LIMITS.maxStrokeWidth).default(0),
  strokeRgba: rgbaSchema.default(TRANSPARENT),
  backgroundRgba: rgbaSchema.default(TRANSPARENT),
  opacity: opacitySchema.default(1),
  position: positionSchema.default({ x: 0, y: 0 }),
};

export const foregroundTextSchema = z.object({
  ...textStyle,
  zPosition: zPositionSchema.default(10),
});

export const titleSchema = z.object({
  ...textStyle,
  scale: scaleSchema.default(1),
});

export const watermarkSchema = z.object({
  show: z.boolean().default(true),
  content: textSchema(100).default(''),
});
