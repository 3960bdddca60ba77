import { z } from 'zod';
import { LIMITS } from './limits.js';

const coordinate = z.number().min(-LIMITS.maxCoordinate).max(LIMITS.maxCoordinate);

export const positionSchema = z.object({
  x: coordinate.default(0),
  y: coordinate.default(0),
});

export const rectSchema = z.object({
  x: coordinate.int(),
  y: coordinate.int(),
  width: z.number().int().positive().max(LIMITS.maxCoordinate),
  height: z.number().int().positive().max(LIMITS.maxCoordinate),
});

export const resolutionSchema = z.object({
  width: z.number().int().min(LIMITS.minCanvasSide).max(LIMITS.maxCanvasSide),
  height: z.number().int().min(LIMITS.minCanvasSide).max(LIMITS.maxCanvasSide),
});

export const rgbaSchema = z
  .array(z.number().int().min(0, 'colour components are 0..255').max(255, 'colour components are 0..255'))
  .length(4, 'a colour has exactly 4 components: [red, green, blue, alpha], each 0..255');

export const opacitySchema = z.number().min(0).max(1);
export const zPositionSchema = z.number().int().min(-LIMITS.maxZPosition).max(LIMITS.maxZPosition);
export const rotationSchema = z.number().min(-360).max(360);
export const scaleSchema = z.number().positive().max(LIMITS.maxScale);

export const httpUrlSchema = z
  .string()
  .max(LIMITS.maxUrlLength)
  .refine((value) => /^https?:\/\/[^\s]+$/i.test(value), 'must be an http(s) URL');

export const fileIdSchema = z
  .string()
  .trim()
  .min(1, 'a fileId is required: the platform references avatars and layers by fileId only')
  .max(LIMITS.maxFileIdLength);

/** The platform accepts only `fileId` for the avatar and layers; `url` must stay empty. */
export const emptyUrlSchema = z
  .string()
  .max(0, 'must be empty: the platform references this by fileId only, not by url')
  .default('');

export const nameSchema = z.string().max(LIMITS.maxNameLength).default('');
