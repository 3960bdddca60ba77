import type { z } from 'zod';
import { LIMITS } from '../../takeover/limits.js';
import type { foregroundTextSchema, titleSchema, watermarkSchema } from '../../takeover/texts.js';
import { builder } from '../builder.js';
import { PositionInput, RGBA_DESCRIPTION } from './geometry.js';

type TextFieldBuilder = Parameters<Parameters<typeof TitleInput.implement>[0]['fields']>[0];

function textStyleFields(t: TextFieldBuilder) {
  return {
    text: t.string({ required: true, description: `The text, 1..${LIMITS.maxTextLength} characters.` }),
    fontFamily: t.string({
      required: true,
      description: 'Font name, passed through unchanged: the platform does not publish the accepted names (its own examples use both "NotoSansSChineseBlack" and "Noto Sans S Chinese Black").',
    }),
    fontSize: t.float({ description: `Font size in pixels, greater than 0 and at most ${LIMITS.maxFontSize}. Default 40.` }),
    rgba: t.intList({ description: `Text colour. ${RGBA_DESCRIPTION} Default [255, 255, 255, 255].` }),
    strokeWidth: t.float({ description: `Outline width in pixels, 0..${LIMITS.maxStrokeWidth}. Default 0.` }),
    strokeRgba: t.intList({ description: `Outline colour. ${RGBA_DESCRIPTION} Default [0, 0, 0, 0].` }),
    backgroundRgba: t.intList({ description: `Box colour behind the text. ${RGBA_DESCRIPTION} Default [0, 0, 0, 0].` }),
    opacity: t.float({ description: 'Opacity, 0 (invisible) to 1 (opaque). Default 1.' }),
    position: t.field({ type: PositionInput, description: 'Where the text is placed. Default (0, 0).' }),
  };
}

export const TitleInput = builder.inputRef<z.input<typeof titleSchema>>('TitleInput');
TitleInput.implement({
  description: 'The video title overlay.',
  fields: (t) => ({
    ...textStyleFields(t),
    scale: t.float({ description: `Scale factor, greater than 0 and at most ${LIMITS.maxScale}. Default 1.` }),
  }),
});

export const ForegroundTextInput = builder.inputRef<z.input<typeof foregroundTextSchema>>('ForegroundTextInput').implement({
  description: `A text overlay (the platform's "foreground-texts"). At most ${LIMITS.maxForegroundTexts}.`,
  fields: (t) => ({
    ...textStyleFields(t as unknown as TextFieldBuilder),
    zPosition: t.int({ description: `Layer order; higher is in front. -${LIMITS.maxZPosition}..${LIMITS.maxZPosition}. Default 10.` }),
  }),
});

export const WatermarkInput = builder.inputRef<z.input<typeof watermarkSchema>>('WatermarkInput').implement({
  description: 'A watermark text. When the whole input is left out, no watermark is shown.',
  fields: (t) => ({
    show: t.boolean({ description: 'Show the watermark. Default true when a watermark is given.' }),
    content: t.string({ description: 'Watermark text, at most 100 characters. Default "".' }),
  }),
});
