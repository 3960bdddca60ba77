import { z } from 'zod';
import { LIMITS } from './limits.js';
import { nameSchema } from './primitives.js';

export const ttsConfigSchema = z.object({
  id: z.string().trim().min(1, 'a voice id is required').max(128),
  name: nameSchema,
  vendorId: z.number().int().nonnegative().optional(),
  language: z
    .string()
    .regex(/^[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8})*$/, 'must be a BCP 47 language tag such as "zh-CN"')
    .default('zh-CN'),
  pitchOffset: z.number().min(-LIMITS.maxPitchOffset).max(LIMITS.maxPitchOffset).default(0),
  speedRatio: z.number().min(LIMITS.minSpeedRatio).max(LIMITS.maxSpeedRatio).default(1),
  volume: z.number().int().min(0).max(LIMITS.maxVolume).default(100),
});

export const ttsQuerySchema = z.object({
  content: z.string().max(LIMITS.maxTtsContentLength).default(''),
  ssml: z.boolean().default(false),
});
