import { z } from 'zod';
import {
  emptyUrlSchema,
  fileIdSchema,
  nameSchema,
  positionSchema,
  rotationSchema,
  scaleSchema,
  textSchema,
  zPositionSchema,
} from './primitives.js';

export const digitalRoleSchema = z.object({
  id: z.number().int().nonnegative().optional(),
  faceFeatureId: textSchema(128).default(''),
  name: nameSchema,
  url: emptyUrlSchema,
  fileId: fileIdSchema,
  position: positionSchema.default({ x: 0, y: 0 }),
  scale: scaleSchema.default(1),
  zPosition: zPositionSchema.default(1),
  rotation: rotationSchema.default(0),
  startFrameIndex: z.number().int().nonnegative().default(0),
});
