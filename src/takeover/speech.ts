import { z } from 'zod';
import { LIMITS } from './limits.js';
import { nameSchema, textSchema } from './primitives.js';

export const ttsConfigSchema = z.object({
  id: textSchema(128).trim().min(1, 'a voice id is required'),
  name: nameSchema,
  vendorId: z.number().int().nonnegative().optional(),
  language: textSchema(35)
    .regex(/^[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8})*$/, 'must be a BCP 47 language tag such as "zh-CN"')
    .default('zh-CN'),
  pitchOffset: z.number().min(-LIMITS.maxPitchOffset).max(LIMITS.maxPitchOffset).default(0),
  speedRatio: z.number().min(LIMITS.minSpeedRatio).max(LIMITS.maxSpeedRatio).default(1),
  volume: z.number().int().min(0).max(LIMITS.maxVolume).default(100),
});

export const ttsQuerySchema = z.object({
  content: textSchema(LIMITS.maxTtsContentLength, { multiline: true }).default(''),
  ssml: z.boolean().default(false),
});
