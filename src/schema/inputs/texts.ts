import { LIMITS } from '../../takeover/limits.js';
import { builder } from '../builder.js';
import type { defineGeometryInputs } from './geometry.js';
import { patchNote, requiredIn, typeName, type InputMode } from './mode.js';
import { SCENE_DOCS } from './scene-docs.js';

type TextDocs = typeof SCENE_DOCS.Title | typeof SCENE_DOCS.ForegroundText;

export function defineTextInputs(mode: InputMode, { Position }: ReturnType<typeof defineGeometryInputs>) {
  const required = requiredIn(mode);
  const textStyleFields = (t: PothosSchemaTypes.InputFieldBuilder<PothosSchemaTypes.ExtendDefaultTypes<{}>, 'InputObject'>, d: TextDocs) => ({
    text: t.string({ required, description: d.text }),
    fontFamily: t.string({ required, description: d.fontFamily }),
    fontSize: t.float({ description: d.fontSize }),
    rgba: t.intList({ description: d.rgba }),
    strokeWidth: t.float({ description: d.strokeWidth }),
    strokeRgba: t.intList({ description: d.strokeRgba }),
    backgroundRgba: t.intList({ description: d.backgroundRgba }),
    opacity: t.float({ description: d.opacity }),
    position: t.field({ type: Position, description: d.position }),
  });
  type TextBuilder = Parameters<typeof textStyleFields>[0];

  const Title = builder.inputType(typeName('Title', mode), {
    description: `The video title overlay.${patchNote(mode)}`,
    fields: (t) => ({
      ...textStyleFields(t as unknown as TextBuilder, SCENE_DOCS.Title),
      scale: t.float({ description: SCENE_DOCS.Title.scale }),
    }),
  });
  const ForegroundText = builder.inputType(typeName('ForegroundText', mode), {
    description: `A text overlay (the platform's "foreground-texts"). At most ${LIMITS.maxForegroundTexts}.${patchNote(mode)}`,
    fields: (t) => ({
      ...textStyleFields(t as unknown as TextBuilder, SCENE_DOCS.ForegroundText),
      zPosition: t.int({ description: SCENE_DOCS.ForegroundText.zPosition }),
    }),
  });
  const Watermark = builder.inputType(typeName('Watermark', mode), {
    description: `A watermark text. When the whole input is left out, no watermark is shown.${patchNote(mode)}`,
    fields: (t) => ({
      show: t.boolean({ description: SCENE_DOCS.Watermark.show }),
      content: t.string({ description: SCENE_DOCS.Watermark.content }),
    }),
  });
  return { Title, ForegroundText, Watermark };
}
