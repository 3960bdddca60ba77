import type { z } from 'zod';
import type { audioSchema, backgroundSchema, foregroundSchema } from '../../takeover/layers.js';
import { LIMITS } from '../../takeover/limits.js';
import { builder } from '../builder.js';
import { RectInput } from './geometry.js';

type LayerFieldBuilder = Parameters<Parameters<typeof BackgroundInput.implement>[0]['fields']>[0];

// Fields shared by backgrounds and foregrounds. Timing units are not public; frames are likely.
function layerFields(t: LayerFieldBuilder) {
  return {
    fileId: t.string({ required: true, description: 'The platform file id of the image or video. Required.' }),
    type: t.int({ description: 'Layer media type code; 0 in the platform example, other values not public (likely image vs video). 0..255. Default 0.' }),
    name: t.string({ description: `Display name, at most ${LIMITS.maxNameLength} characters. Default "".` }),
    url: t.string({ description: 'Must be empty: the platform references layers by fileId only. Default "".' }),
    rect: t.field({ type: RectInput, required: true, description: 'Where the layer is drawn.' }),
    cycle: t.boolean({ description: 'Loop the media. Default false.' }),
    start: t.int({ description: 'When the layer appears (unit not public, likely frames), >= 0. Default 0.' }),
    playOffset: t.int({ description: 'Offset into the media where playback starts (unit not public), >= 0. Default 0.' }),
    duration: t.int({ description: 'How long the layer shows (unit not public); -1 means until the end. Default -1.' }),
  };
}

export const BackgroundInput = builder.inputRef<z.input<typeof backgroundSchema>>('BackgroundInput');
BackgroundInput.implement({
  description: `A background layer, behind the avatar. At most ${LIMITS.maxBackgrounds}.`,
  fields: (t) => layerFields(t),
});

export const ForegroundInput = builder.inputRef<z.input<typeof foregroundSchema>>('ForegroundInput').implement({
  description: `A foreground layer. At most ${LIMITS.maxForegrounds}.`,
  fields: (t) => ({
    ...layerFields(t as unknown as LayerFieldBuilder),
    rotation: t.float({ description: 'Rotation in degrees, -360..360. Default 0.' }),
    zPosition: t.int({ description: `Layer order; higher is in front. -${LIMITS.maxZPosition}..${LIMITS.maxZPosition}. Default 0.` }),
  }),
});

export const AudioInput = builder.inputRef<z.input<typeof audioSchema>>('AudioInput').implement({
  description: `An audio track that drives the avatar instead of (or with) TTS. At most ${LIMITS.maxAudios}.`,
  fields: (t) => ({
    url: t.string({ required: true, description: 'http(s) URL of the audio file.' }),
  }),
});
