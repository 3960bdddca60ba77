import { LIMITS } from '../../takeover/limits.js';
import { builder } from '../builder.js';
import type { defineGeometryInputs } from './geometry.js';
import { patchNote, requiredIn, typeName, type InputMode } from './mode.js';
import { SCENE_DOCS } from './scene-docs.js';

export function defineLayerInputs(mode: InputMode, { Rect }: ReturnType<typeof defineGeometryInputs>) {
  const required = requiredIn(mode);
  // Fields shared by backgrounds and foregrounds. Timing units are not public; frames are likely.
  const layerFields = (
    t: PothosSchemaTypes.InputFieldBuilder<PothosSchemaTypes.ExtendDefaultTypes<{}>, 'InputObject'>,
    d: typeof SCENE_DOCS.Background,
  ) => ({
    fileId: t.string({ required, description: d.fileId }),
    type: t.int({ description: d.type }),
    name: t.string({ description: d.name }),
    url: t.string({ description: d.url }),
    rect: t.field({ type: Rect, required, description: d.rect }),
    cycle: t.boolean({ description: d.cycle }),
    start: t.int({ description: d.start }),
    playOffset: t.int({ description: d.playOffset }),
    duration: t.int({ description: d.duration }),
  });
  type LayerBuilder = Parameters<typeof layerFields>[0];

  const Background = builder.inputType(typeName('Background', mode), {
    description: `A background layer, behind the avatar. At most ${LIMITS.maxBackgrounds}.${patchNote(mode)}`,
    fields: (t) => layerFields(t as unknown as LayerBuilder, SCENE_DOCS.Background),
  });
  const Foreground = builder.inputType(typeName('Foreground', mode), {
    description: `A foreground layer. At most ${LIMITS.maxForegrounds}.${patchNote(mode)}`,
    fields: (t) => ({
      ...layerFields(t as unknown as LayerBuilder, SCENE_DOCS.Foreground),
      rotation: t.float({ description: SCENE_DOCS.Foreground.rotation }),
      zPosition: t.int({ description: SCENE_DOCS.Foreground.zPosition }),
    }),
  });
  const Audio = builder.inputType(typeName('Audio', mode), {
    description: `An audio track that drives the avatar instead of (or with) TTS. At most ${LIMITS.maxAudios}.${patchNote(mode)}`,
    fields: (t) => ({ url: t.string({ required, description: SCENE_DOCS.Audio.url }) }),
  });
  return { Background, Foreground, Audio };
}
