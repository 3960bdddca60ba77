import type { SceneWarning } from '../takeover/warnings.js';
import { builder } from './builder.js';

export const WarningCode = builder.enumType('SceneWarningCode', {
  description: 'Kinds of legal but probably unintended scenes.',
  values: {
    OFF_CANVAS: { description: 'A layer, text, title or the avatar lies entirely outside the canvas.' },
    SAME_Z_OVERLAP: { description: 'Two overlapping items share a z position, so their order is undefined.' },
    TEXT_TOO_WIDE: { description: 'At its font size the text is wider than the canvas (estimated).' },
    BACKGROUND_GAPS: { description: 'No background covers the whole canvas.' },
    ODD_RESOLUTION: { description: 'An odd width or height, which H.264 cannot encode as is.' },
    EMPTY_WATERMARK: { description: 'The watermark is shown but empty.' },
    SSML_NOT_FLAGGED: { description: 'The script looks like SSML but `ssml` is false.' },
    UNUSED_VARIABLE: {
      description: 'A value was given for a variable the preset declares, but the overrides removed every place that used it.',
    },
  } as const,
});

export const SceneWarningRef = builder.objectRef<SceneWarning>('SceneWarning').implement({
  description: 'Legal but probably wrong. Warnings never block a submission.',
  fields: (t) => ({
    path: t.exposeString('path', { description: 'Where, e.g. `params.foregroundTexts[0].text`.' }),
    code: t.expose('code', { type: WarningCode, description: 'What kind of warning, for programs.' }),
    message: t.exposeString('message', { description: 'What looks wrong, for a person.' }),
  }),
});
