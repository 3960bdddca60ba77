// The stored scene, typed, as it was validated (every default applied). Field meanings are those
// of the matching `…Input` types.
import { BEAUTIFY_KEYS, type Beautify } from '../../takeover/beautify.js';
import type { TakeoverParams as Params } from '../../takeover/params.js';
import { builder } from '../builder.js';
import { VideoFormat } from '../inputs/takeover-params.js';

type Role = Params['digitalRole'];
type Layer = Params['foregrounds'][number];
type Text = Params['foregroundTexts'][number];
type Title = NonNullable<Params['title']>;

const see = (input: string) => ({ description: `See ${input}.` });

const Position = builder.objectRef<{ x: number; y: number }>('Position').implement({
  ...see('PositionInput'),
  fields: (t) => ({ x: t.exposeFloat('x'), y: t.exposeFloat('y') }),
});
const Rect = builder.objectRef<Layer['rect']>('Rect').implement({
  ...see('RectInput'),
  fields: (t) => ({ x: t.exposeInt('x'), y: t.exposeInt('y'), width: t.exposeInt('width'), height: t.exposeInt('height') }),
});
const Resolution = builder.objectRef<Params['resolution']>('Resolution').implement({
  ...see('ResolutionInput'),
  fields: (t) => ({ width: t.exposeInt('width'), height: t.exposeInt('height') }),
});
const Watermark = builder.objectRef<Params['watermark']>('Watermark').implement({
  ...see('WatermarkInput'),
  fields: (t) => ({ show: t.exposeBoolean('show'), content: t.exposeString('content') }),
});
const DigitalRole = builder.objectRef<Role>('DigitalRole').implement({
  ...see('DigitalRoleInput'),
  fields: (t) => ({
    id: t.exposeInt('id', { nullable: true }),
    faceFeatureId: t.exposeString('faceFeatureId'),
    name: t.exposeString('name'),
    url: t.exposeString('url'),
    fileId: t.exposeString('fileId'),
    position: t.expose('position', { type: Position }),
    scale: t.exposeFloat('scale'),
    zPosition: t.exposeInt('zPosition'),
    rotation: t.exposeFloat('rotation'),
    startFrameIndex: t.exposeInt('startFrameIndex'),
  }),
});
const TtsConfig = builder.objectRef<NonNullable<Params['ttsConfig']>>('TtsConfig').implement({
  ...see('TtsConfigInput'),
  fields: (t) => ({
    id: t.exposeString('id'),
    name: t.exposeString('name'),
    vendorId: t.exposeInt('vendorId', { nullable: true }),
    language: t.exposeString('language'),
    pitchOffset: t.exposeFloat('pitchOffset'),
    speedRatio: t.exposeFloat('speedRatio'),
    volume: t.exposeInt('volume'),
  }),
});
const TtsQuery = builder.objectRef<NonNullable<Params['ttsQuery']>>('TtsQuery').implement({
  ...see('TtsQueryInput'),
  fields: (t) => ({ content: t.exposeString('content'), ssml: t.exposeBoolean('ssml') }),
});
const Audio = builder.objectRef<Params['audios'][number]>('Audio').implement({
  ...see('AudioInput'),
  fields: (t) => ({ url: t.exposeString('url') }),
});

const layerFields = (t: PothosSchemaTypes.ObjectFieldBuilder<PothosSchemaTypes.ExtendDefaultTypes<{}>, Params['backgrounds'][number]>) => ({
  type: t.exposeInt('type'),
  name: t.exposeString('name'),
  url: t.exposeString('url'),
  fileId: t.exposeString('fileId'),
  rect: t.expose('rect', { type: Rect }),
  cycle: t.exposeBoolean('cycle'),
  start: t.exposeInt('start'),
  playOffset: t.exposeInt('playOffset'),
  duration: t.exposeInt('duration'),
});
type LayerBuilder = Parameters<typeof layerFields>[0];

const Background = builder.objectRef<Params['backgrounds'][number]>('Background').implement({
  ...see('BackgroundInput'),
  fields: (t) => layerFields(t as unknown as LayerBuilder),
});
const Foreground = builder.objectRef<Layer>('Foreground').implement({
  ...see('ForegroundInput'),
  fields: (t) => ({
    ...layerFields(t as unknown as LayerBuilder),
    rotation: t.exposeFloat('rotation'),
    zPosition: t.exposeInt('zPosition'),
  }),
});

const textFields = (t: PothosSchemaTypes.ObjectFieldBuilder<PothosSchemaTypes.ExtendDefaultTypes<{}>, Text & Title>) => ({
  text: t.exposeString('text'),
  fontFamily: t.exposeString('fontFamily'),
  fontSize: t.exposeFloat('fontSize'),
  rgba: t.exposeIntList('rgba'),
  strokeWidth: t.exposeFloat('strokeWidth'),
  strokeRgba: t.exposeIntList('strokeRgba'),
  backgroundRgba: t.exposeIntList('backgroundRgba'),
  opacity: t.exposeFloat('opacity'),
  position: t.expose('position', { type: Position }),
});
type TextBuilder = Parameters<typeof textFields>[0];

const ForegroundText = builder.objectRef<Text>('ForegroundText').implement({
  ...see('ForegroundTextInput'),
  fields: (t) => ({ ...textFields(t as unknown as TextBuilder), zPosition: t.exposeInt('zPosition') }),
});
const TitleRef = builder.objectRef<Title>('Title').implement({
  ...see('TitleInput'),
  fields: (t) => ({ ...textFields(t as unknown as TextBuilder), scale: t.exposeFloat('scale') }),
});

const BeautifyRef = builder.objectRef<Beautify>('Beautify').implement({
  ...see('BeautifyInput'),
  fields: (t) =>
    Object.fromEntries(
      BEAUTIFY_KEYS.map(({ field, range }) => [field, range === 'mode' ? t.exposeInt(field) : t.exposeFloat(field)]),
    ),
});
const Effects = builder.objectRef<NonNullable<Params['effects']>>('Effects').implement({
  ...see('EffectsInput'),
  fields: (t) => ({ version: t.exposeString('version'), beautify: t.expose('beautify', { type: BeautifyRef }) }),
});

export const TakeoverParams = builder.objectRef<Params>('TakeoverParams').implement({
  description: 'A validated scene with every default applied. See TakeoverParamsInput for the meaning of each field.',
  fields: (t) => ({
    version: t.exposeString('version'),
    videoFormat: t.expose('videoFormat', { type: VideoFormat }),
    resolution: t.expose('resolution', { type: Resolution }),
    bitRate: t.exposeFloat('bitRate'),
    frameRate: t.exposeInt('frameRate'),
    watermark: t.expose('watermark', { type: Watermark }),
    digitalRole: t.expose('digitalRole', { type: DigitalRole }),
    ttsConfig: t.expose('ttsConfig', { type: TtsConfig, nullable: true }),
    ttsQuery: t.expose('ttsQuery', { type: TtsQuery, nullable: true }),
    audios: t.expose('audios', { type: [Audio] }),
    backgrounds: t.expose('backgrounds', { type: [Background] }),
    foregrounds: t.expose('foregrounds', { type: [Foreground] }),
    foregroundTexts: t.expose('foregroundTexts', { type: [ForegroundText] }),
    title: t.expose('title', { type: TitleRef, nullable: true }),
    effects: t.expose('effects', { type: Effects, nullable: true }),
  }),
});
