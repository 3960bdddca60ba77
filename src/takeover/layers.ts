import { z } from 'zod';
import {
  emptyUrlSchema,
  fileIdSchema,
  httpUrlSchema,
  nameSchema,
  rectSchema,
  rotationSchema,
  zPositionSchema,
} from './primitives.js';

const timing = {
  cycle: z.boolean().default(false),
  start: z.number().int().nonnegative().default(0),
  playOffset: z.number().int().nonnegative().default(0),
  duration: z.number().int().min(-1, 'use -1 for "until the end", or a non-negative length').default(-1),
};

const layer = {
  type: z.number().int().min(0).max(255).default(0),
  name: nameSchema,
  url: emptyUrlSchema,
  fileId: fileIdSchema,
  rect: rectSchema,
};

export const backgroundSchema = z.object({ ...layer, ...timing });

export const foregroundSchema = z.object({
  ...layer,
  rotation: rotationSchema.default(0),
  zPosition: zPositionSchema.default(0),
  ...timing,
});

export const audioSchema = z.object({ url: httpUrlSchema });
