import { LIMITS } from '../../takeover/limits.js';
import { builder } from '../builder.js';
import { RGBA_DESCRIPTION, type defineGeometryInputs } from './geometry.js';
import { patchNote, requiredIn, typeName, type InputMode } from './mode.js';

export function defineTextInputs(mode: InputMode, { Position }: ReturnType<typeof defineGeometryInputs>) {
  const required = requiredIn(mode);
  const textStyleFields = (t: PothosSchemaTypes.InputFieldBuilder<PothosSchemaTypes.ExtendDefaultTypes<{}>, 'InputObject'>) => ({
    text: t.string({
      required,
      description: `The text, 1..${LIMITS.maxTextLength} characters. In a preset it may contain {{variables}}.`,
    }),
    fontFamily: t.string({
      required,
      description:
        'Font name, passed through unchanged: the platform does not publish the accepted names (its own examples use both "NotoSansSChineseBlack" and "Noto Sans S Chinese Black").',
    }),
    fontSize: t.float({ description: `Font size in pixels, greater than 0 and at most ${LIMITS.maxFontSize}. Default 40.` }),
    rgba: t.intList({ description: `Text colour. ${RGBA_DESCRIPTION} Default [255, 255, 255, 255].` }),
    strokeWidth: t.float({ description: `Outline width in pixels, 0..${LIMITS.maxStrokeWidth}. Default 0.` }),
    strokeRgba: t.intList({ description: `Outline colour. ${RGBA_DESCRIPTION} Default [0, 0, 0, 0].` }),
    backgroundRgba: t.intList({ description: `Box colour behind the text. ${RGBA_DESCRIPTION} Default [0, 0, 0, 0].` }),
    opacity: t.float({ description: 'Opacity, 0 (invisible) to 1 (opaque). Default 1.' }),
    position: t.field({ type: Position, description: 'Where the text is placed. Default (0, 0).' }),
  });
  type TextBuilder = Parameters<typeof textStyleFields>[0];

  const Title = builder.inputType(typeName('Title', mode), {
    description: `The video title overlay.${patchNote(mode)}`,
    fields: (t) => ({
      ...textStyleFields(t as unknown as TextBuilder),
      scale: t.float({ description: `Scale factor, greater than 0 and at most ${LIMITS.maxScale}. Default 1.` }),
    }),
  });
  const ForegroundText = builder.inputType(typeName('ForegroundText', mode), {
    description: `A text overlay (the platform's "foreground-texts"). At most ${LIMITS.maxForegroundTexts}.${patchNote(mode)}`,
    fields: (t) => ({
      ...textStyleFields(t as unknown as TextBuilder),
      zPosition: t.int({ description: `Layer order; higher is in front. -${LIMITS.maxZPosition}..${LIMITS.maxZPosition}. Default 10.` }),
    }),
  });
  const Watermark = builder.inputType(typeName('Watermark', mode), {
    description: `A watermark text. When the whole input is left out, no watermark is shown.${patchNote(mode)}`,
    fields: (t) => ({
      show: t.boolean({ description: 'Show the watermark. Default true when a watermark is given.' }),
      content: t.string({ description: 'Watermark text, at most 100 characters. In a preset it may contain {{variables}}. Default "".' }),
    }),
  });
  return { Title, ForegroundText, Watermark };
}
