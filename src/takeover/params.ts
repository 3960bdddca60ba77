import { z } from 'zod';
import { effectsSchema } from './beautify.js';
import { digitalRoleSchema } from './digital-role.js';
import { audioSchema, backgroundSchema, foregroundSchema } from './layers.js';
import { LIMITS } from './limits.js';
import { resolutionSchema, textSchema } from './primitives.js';
import { ttsConfigSchema, ttsQuerySchema } from './speech.js';
import { ssmlProblem } from './ssml.js';
import { foregroundTextSchema, titleSchema, watermarkSchema } from './texts.js';

export const VIDEO_FORMATS = ['MP4', 'WEBM'] as const;
export type VideoFormat = (typeof VIDEO_FORMATS)[number];

/** The scene's fields, each with its own rule (the cross-field rules are in takeoverParamsSchema). */
export const takeoverParamsShape = z.object({
  version: textSchema(16).trim().min(1).default('0.0.13'),
  videoFormat: z.enum(VIDEO_FORMATS).default('MP4'),
  resolution: resolutionSchema,
  bitRate: z.number().positive().max(LIMITS.maxBitRateMbps).default(8),
  frameRate: z.number().int().min(1).max(LIMITS.maxFrameRate).default(25),
  watermark: watermarkSchema.default({ show: false, content: '' }),
  digitalRole: digitalRoleSchema,
  ttsConfig: ttsConfigSchema.optional(),
  ttsQuery: ttsQuerySchema.optional(),
  audios: z.array(audioSchema).max(LIMITS.maxAudios).default([]),
  backgrounds: z.array(backgroundSchema).max(LIMITS.maxBackgrounds).default([]),
  foregrounds: z.array(foregroundSchema).max(LIMITS.maxForegrounds).default([]),
  foregroundTexts: z.array(foregroundTextSchema).max(LIMITS.maxForegroundTexts).default([]),
  title: titleSchema.optional(),
  effects: effectsSchema.optional(),
});

type Shape = z.output<typeof takeoverParamsShape>;

// The rules that span fields: the avatar needs something to say, and SSML must parse.
function checkSpeech(params: Shape, ctx: z.RefinementCtx): void {
  const content = params.ttsQuery?.content ?? '';
  if (params.audios.length === 0 && content.trim() === '') {
    ctx.addIssue({
      code: 'custom',
      path: ['ttsQuery', 'content'],
      message: 'a TTS script is required unless audios drive the avatar',
    });
  }
  if (params.ttsQuery?.ssml && content.trim() !== '') {
    const problem = ssmlProblem(content);
    if (problem) ctx.addIssue({ code: 'custom', path: ['ttsQuery', 'content'], message: problem });
  }
}

// GraphQL clients may send an explicit null for any optional field; treat it as absent.
function withoutNulls(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(withoutNulls);
  if (value === null || typeof value !== 'object') return value;
  return Object.fromEntries(
    Object.entries(value)
      .filter(([, entry]) => entry !== null)
      .map(([name, entry]) => [name, withoutNulls(entry)]),
  );
}

export const takeoverParamsSchema = z.preprocess(withoutNulls, takeoverParamsShape.superRefine(checkSpeech));

/** What a client may send: optional fields may be left out. */
export type TakeoverParamsInput = z.input<typeof takeoverParamsShape>;
/** Validated parameters with every default applied: what we store and serialise. */
export type TakeoverParams = z.output<typeof takeoverParamsShape>;
