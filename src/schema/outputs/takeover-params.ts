// The stored scene, typed, as it was validated (every default applied). Each field carries the
// description of its input twin (src/schema/inputs/scene-docs.ts).
import { BEAUTIFY_KEYS, type Beautify } from '../../takeover/beautify.js';
import type { TakeoverParams as Params } from '../../takeover/params.js';
import { builder } from '../builder.js';
import { SCENE_DOCS } from '../inputs/scene-docs.js';
import { VideoFormat } from '../inputs/takeover-params.js';

type Role = Params['digitalRole'];
type Layer = Params['foregrounds'][number];
type Text = Params['foregroundTexts'][number];
type Title = NonNullable<Params['title']>;

const see = (input: string) => ({ description: `As given in ${input}, with every default applied.` });

const { Position: pd, Rect: rd, Resolution: sd, Watermark: wd, DigitalRole: dd, TtsConfig: cd, TtsQuery: qd } = SCENE_DOCS;

const Position = builder.objectRef<{ x: number; y: number }>('Position').implement({
  ...see('PositionInput'),
  fields: (t) => ({ x: t.exposeFloat('x', { description: pd.x }), y: t.exposeFloat('y', { description: pd.y }) }),
});
const Rect = builder.objectRef<Layer['rect']>('Rect').implement({
  ...see('RectInput'),
  fields: (t) => ({
    x: t.exposeInt('x', { description: rd.x }),
    y: t.exposeInt('y', { description: rd.y }),
    width: t.exposeInt('width', { description: rd.width }),
    height: t.exposeInt('height', { description: rd.height }),
  }),
});
const Resolution = builder.objectRef<Params['resolution']>('Resolution').implement({
  ...see('ResolutionInput'),
  fields: (t) => ({ width: t.exposeInt('width', { description: sd.width }), height: t.exposeInt('height', { description: sd.height }) }),
});
const Watermark = builder.objectRef<Params['watermark']>('Watermark').implement({
  ...see('WatermarkInput'),
  fields: (t) => ({ show: t.exposeBoolean('show', { description: wd.show }), content: t.exposeString('content', { description: wd.content }) }),
});
const DigitalRole = builder.objectRef<Role>('DigitalRole').implement({
  ...see('DigitalRoleInput'),
  fields: (t) => ({
    id: t.exposeInt('id', { nullable: true, description: dd.id }),
    faceFeatureId: t.exposeString('faceFeatureId', { description: dd.faceFeatureId }),
    name: t.exposeString('name', { description: dd.name }),
    url: t.exposeString('url', { description: dd.url }),
    fileId: t.exposeString('fileId', { description: dd.fileId }),
    position: t.expose('position', { type: Position, description: dd.position }),
    scale: t.exposeFloat('scale', { description: dd.scale }),
    zPosition: t.exposeInt('zPosition', { description: dd.zPosition }),
    rotation: t.exposeFloat('rotation', { description: dd.rotation }),
    startFrameIndex: t.exposeInt('startFrameIndex', { description: dd.startFrameIndex }),
  }),
});
const TtsConfig = builder.objectRef<NonNullable<Params['ttsConfig']>>('TtsConfig').implement({
  ...see('TtsConfigInput'),
  fields: (t) => ({
    id: t.exposeString('id', { description: cd.id }),
    name: t.exposeString('name', { description: cd.name }),
    vendorId: t.exposeInt('vendorId', { nullable: true, description: cd.vendorId }),
    language: t.exposeString('language', { description: cd.language }),
    pitchOffset: t.exposeFloat('pitchOffset', { description: cd.pitchOffset }),
    speedRatio: t.exposeFloat('speedRatio', { description: cd.speedRatio }),
    volume: t.exposeInt('volume', { description: cd.volume }),
  }),
});
const TtsQuery = builder.objectRef<NonNullable<Params['ttsQuery']>>('TtsQuery').implement({
  ...see('TtsQueryInput'),
  fields: (t) => ({ content: t.exposeString('content', { description: qd.content }), ssml: t.exposeBoolean('ssml', { description: qd.ssml }) }),
});
const Audio = builder.objectRef<Params['audios'][number]>('Audio').implement({
  ...see('AudioInput'),
  fields: (t) => ({ url: t.exposeString('url', { description: SCENE_DOCS.Audio.url }) }),
});

type LayerDocs = typeof SCENE_DOCS.Background;
const layerFields = (
  t: PothosSchemaTypes.ObjectFieldBuilder<PothosSchemaTypes.ExtendDefaultTypes<{}>, Params['backgrounds'][number]>,
  d: LayerDocs,
) => ({
  type: t.exposeInt('type', { description: d.type }),
  name: t.exposeString('name', { description: d.name }),
  url: t.exposeString('url', { description: d.url }),
  fileId: t.exposeString('fileId', { description: d.fileId }),
  rect: t.expose('rect', { type: Rect, description: d.rect }),
  cycle: t.exposeBoolean('cycle', { description: d.cycle }),
  start: t.exposeInt('start', { description: d.start }),
  playOffset: t.exposeInt('playOffset', { description: d.playOffset }),
  duration: t.exposeInt('duration', { description: d.duration }),
});
type LayerBuilder = Parameters<typeof layerFields>[0];

const Background = builder.objectRef<Params['backgrounds'][number]>('Background').implement({
  ...see('BackgroundInput'),
  fields: (t) => layerFields(t as unknown as LayerBuilder, SCENE_DOCS.Background),
});
const Foreground = builder.objectRef<Layer>('Foreground').implement({
  ...see('ForegroundInput'),
  fields: (t) => ({
    ...layerFields(t as unknown as LayerBuilder, SCENE_DOCS.Foreground),
    rotation: t.exposeFloat('rotation', { description: SCENE_DOCS.Foreground.rotation }),
    zPosition: t.exposeInt('zPosition', { description: SCENE_DOCS.Foreground.zPosition }),
  }),
});

type TextDocs = typeof SCENE_DOCS.Title | typeof SCENE_DOCS.ForegroundText;
const textFields = (t: PothosSchemaTypes.ObjectFieldBuilder<PothosSchemaTypes.ExtendDefaultTypes<{}>, Text & Title>, d: TextDocs) => ({
  text: t.exposeString('text', { description: d.text }),
  fontFamily: t.exposeString('fontFamily', { description: d.fontFamily }),
  fontSize: t.exposeFloat('fontSize', { description: d.fontSize }),
  rgba: t.exposeIntList('rgba', { description: d.rgba }),
  strokeWidth: t.exposeFloat('strokeWidth', { description: d.strokeWidth }),
  strokeRgba: t.exposeIntList('strokeRgba', { description: d.strokeRgba }),
  backgroundRgba: t.exposeIntList('backgroundRgba', { description: d.backgroundRgba }),
  opacity: t.exposeFloat('opacity', { description: d.opacity }),
  position: t.expose('position', { type: Position, description: d.position }),
});
type TextBuilder = Parameters<typeof textFields>[0];

const ForegroundText = builder.objectRef<Text>('ForegroundText').implement({
  ...see('ForegroundTextInput'),
  fields: (t) => ({
    ...textFields(t as unknown as TextBuilder, SCENE_DOCS.ForegroundText),
    zPosition: t.exposeInt('zPosition', { description: SCENE_DOCS.ForegroundText.zPosition }),
  }),
});
const TitleRef = builder.objectRef<Title>('Title').implement({
  ...see('TitleInput'),
  fields: (t) => ({
    ...textFields(t as unknown as TextBuilder, SCENE_DOCS.Title),
    scale: t.exposeFloat('scale', { description: SCENE_DOCS.Title.scale }),
  }),
});

const BeautifyRef = builder.objectRef<Beautify>('Beautify').implement({
  ...see('BeautifyInput'),
  fields: (t) =>
    Object.fromEntries(
      BEAUTIFY_KEYS.map(({ field, range }) => {
        const description = SCENE_DOCS.Beautify[field]!;
        return [field, range === 'mode' ? t.exposeInt(field, { description }) : t.exposeFloat(field, { description })];
      }),
    ),
});
const Effects = builder.objectRef<NonNullable<Params['effects']>>('Effects').implement({
  ...see('EffectsInput'),
  fields: (t) => ({
    version: t.exposeString('version', { description: SCENE_DOCS.Effects.version }),
    beautify: t.expose('beautify', { type: BeautifyRef, description: SCENE_DOCS.Effects.beautify }),
  }),
});

const pp = SCENE_DOCS.TakeoverParams;
export const TakeoverParams = builder.objectRef<Params>('TakeoverParams').implement({
  description: 'A validated scene with every default applied, as given in TakeoverParamsInput.',
  fields: (t) => ({
    version: t.exposeString('version', { description: pp.version }),
    videoFormat: t.expose('videoFormat', { type: VideoFormat, description: pp.videoFormat }),
    resolution: t.expose('resolution', { type: Resolution, description: pp.resolution }),
    bitRate: t.exposeFloat('bitRate', { description: pp.bitRate }),
    frameRate: t.exposeInt('frameRate', { description: pp.frameRate }),
    watermark: t.expose('watermark', { type: Watermark, description: pp.watermark }),
    digitalRole: t.expose('digitalRole', { type: DigitalRole, description: pp.digitalRole }),
    ttsConfig: t.expose('ttsConfig', { type: TtsConfig, nullable: true, description: pp.ttsConfig }),
    ttsQuery: t.expose('ttsQuery', { type: TtsQuery, nullable: true, description: pp.ttsQuery }),
    audios: t.expose('audios', { type: [Audio], description: pp.audios }),
    backgrounds: t.expose('backgrounds', { type: [Background], description: pp.backgrounds }),
    foregrounds: t.expose('foregrounds', { type: [Foreground], description: pp.foregrounds }),
    foregroundTexts: t.expose('foregroundTexts', { type: [ForegroundText], description: pp.foregroundTexts }),
    title: t.expose('title', { type: TitleRef, nullable: true, description: pp.title }),
    effects: t.expose('effects', { type: Effects, nullable: true, description: pp.effects }),
  }),
});
