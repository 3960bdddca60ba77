import { LIMITS } from '../../takeover/limits.js';
import { builder } from '../builder.js';
import type { defineGeometryInputs } from './geometry.js';
import { patchNote, requiredIn, typeName, type InputMode } from './mode.js';

export function defineLayerInputs(mode: InputMode, { Rect }: ReturnType<typeof defineGeometryInputs>) {
  const required = requiredIn(mode);
  // Fields shared by backgrounds and foregrounds. Timing units are not public; frames are likely.
  const layerFields = (t: PothosSchemaTypes.InputFieldBuilder<PothosSchemaTypes.ExtendDefaultTypes<{}>, 'InputObject'>) => ({
    fileId: t.string({ required, description: 'The platform file id of the image or video. Required.' }),
    type: t.int({
      description: 'Layer media type code; 0 in the platform example, other values not public (likely image vs video). 0..255. Default 0.',
    }),
    name: t.string({ description: `Display name, at most ${LIMITS.maxNameLength} characters. Default "".` }),
    url: t.string({ description: 'Must be empty: the platform references layers by fileId only. Default "".' }),
    rect: t.field({ type: Rect, required, description: 'Where the layer is drawn.' }),
    cycle: t.boolean({ description: 'Loop the media. Default false.' }),
    start: t.int({ description: 'When the layer appears (unit not public, likely frames), >= 0. Default 0.' }),
    playOffset: t.int({ description: 'Offset into the media where playback starts (unit not public), >= 0. Default 0.' }),
    duration: t.int({ description: 'How long the layer shows (unit not public); -1 means until the end. Default -1.' }),
  });
  type LayerBuilder = Parameters<typeof layerFields>[0];

  const Background = builder.inputType(typeName('Background', mode), {
    description: `A background layer, behind the avatar. At most ${LIMITS.maxBackgrounds}.${patchNote(mode)}`,
    fields: (t) => layerFields(t as unknown as LayerBuilder),
  });
  const Foreground = builder.inputType(typeName('Foreground', mode), {
    description: `A foreground layer. At most ${LIMITS.maxForegrounds}.${patchNote(mode)}`,
    fields: (t) => ({
      ...layerFields(t as unknown as LayerBuilder),
      rotation: t.float({ description: 'Rotation in degrees, -360..360. Default 0.' }),
      zPosition: t.int({ description: `Layer order; higher is in front. -${LIMITS.maxZPosition}..${LIMITS.maxZPosition}. Default 0.` }),
    }),
  });
  const Audio = builder.inputType(typeName('Audio', mode), {
    description: `An audio track that drives the avatar instead of (or with) TTS. At most ${LIMITS.maxAudios}.${patchNote(mode)}`,
    fields: (t) => ({ url: t.string({ required, description: 'http(s) URL of the audio file.' }) }),
  });
  return { Background, Foreground, Audio };
}
