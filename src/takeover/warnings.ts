// Pre-flight warnings: scenes that are legal but probably not what the author meant. They never
// block a submission.
import type { TakeoverParams } from './params.js';
import { avatarBox, estimateTextWidth, type Box } from './scene-geometry.js';

export type WarningCode =
  | 'OFF_CANVAS'
  | 'SAME_Z_OVERLAP'
  | 'TEXT_TOO_WIDE'
  | 'BACKGROUND_GAPS'
  | 'ODD_RESOLUTION'
  | 'EMPTY_WATERMARK'
  | 'SSML_NOT_FLAGGED'
  | 'UNUSED_VARIABLE';

export interface SceneWarning {
  path: string;
  code: WarningCode;
  message: string;
}

const outside = (box: Box, width: number, height: number) =>
  box.x >= width || box.y >= height || box.x + box.width <= 0 || box.y + box.height <= 0;

const overlaps = (a: Box, b: Box) => a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;

const covers = (box: Box, width: number, height: number) =>
  box.x <= 0 && box.y <= 0 && box.x + box.width >= width && box.y + box.height >= height;

export function sceneWarnings(p: TakeoverParams): SceneWarning[] {
  const { width: W, height: H } = p.resolution;
  const warnings: SceneWarning[] = [];
  const warn = (path: string, code: WarningCode, message: string) => warnings.push({ path, code, message });

  if (W % 2 || H % 2) {
    warn('params.resolution', 'ODD_RESOLUTION', `${W}x${H}: H.264 needs even dimensions, so the encoder will crop or pad the video`);
  }

  // Everything drawn in z order, with its box, for the off-canvas and overlap checks.
  const stacked: { path: string; boxPath: string; z: number; box: Box; what: string }[] = [];
  stacked.push({ path: 'params.digitalRole', boxPath: 'position', z: p.digitalRole.zPosition, box: avatarBox(p), what: 'the avatar' });
  p.foregrounds.forEach((layer, i) =>
    stacked.push({ path: `params.foregrounds[${i}]`, boxPath: 'rect', z: layer.zPosition, box: layer.rect, what: `foreground ${i}` }),
  );
  p.foregroundTexts.forEach((text, i) => {
    const box = { x: text.position.x, y: text.position.y, width: estimateTextWidth(text.text, text.fontSize), height: text.fontSize };
    stacked.push({ path: `params.foregroundTexts[${i}]`, boxPath: 'position', z: text.zPosition, box, what: `text ${i}` });
    if (box.width > W) {
      warn(`params.foregroundTexts[${i}].text`, 'TEXT_TOO_WIDE', `at font size ${text.fontSize} this text is about ${Math.round(box.width)} px wide, wider than the ${W} px canvas`);
    }
  });

  for (const item of stacked) {
    if (outside(item.box, W, H)) warn(`${item.path}.${item.boxPath}`, 'OFF_CANVAS', `${item.what} is entirely outside the ${W}x${H} canvas`);
  }
  p.backgrounds.forEach((layer, i) => {
    if (outside(layer.rect, W, H)) warn(`params.backgrounds[${i}].rect`, 'OFF_CANVAS', `background ${i} is entirely outside the ${W}x${H} canvas`);
  });
  if (p.title) {
    const width = estimateTextWidth(p.title.text, p.title.fontSize * p.title.scale);
    const box = { x: p.title.position.x, y: p.title.position.y, width, height: p.title.fontSize * p.title.scale };
    if (outside(box, W, H)) warn('params.title.position', 'OFF_CANVAS', `the title is entirely outside the ${W}x${H} canvas`);
    if (width > W) warn('params.title.text', 'TEXT_TOO_WIDE', `the title is about ${Math.round(width)} px wide, wider than the ${W} px canvas`);
  }

  for (let i = 0; i < stacked.length; i++) {
    for (let j = i + 1; j < stacked.length; j++) {
      const [a, b] = [stacked[i]!, stacked[j]!];
      if (a.z === b.z && overlaps(a.box, b.box)) {
        warn(`${b.path}.zPosition`, 'SAME_Z_OVERLAP', `${b.what} overlaps ${a.what} at the same z position ${a.z}: which one is in front is undefined`);
      }
    }
  }

  if (p.backgrounds.length && !p.backgrounds.some((layer) => covers(layer.rect, W, H))) {
    warn('params.backgrounds', 'BACKGROUND_GAPS', `no background covers the whole ${W}x${H} canvas: the gaps will show through`);
  }
  if (p.watermark.show && !p.watermark.content.trim()) {
    warn('params.watermark.content', 'EMPTY_WATERMARK', 'the watermark is shown but has no text');
  }
  if (p.ttsQuery && !p.ttsQuery.ssml && /^\s*<speak[\s>]/.test(p.ttsQuery.content)) {
    warn('params.ttsQuery.ssml', 'SSML_NOT_FLAGGED', 'the script looks like SSML but `ssml` is false: the tags would be read aloud');
  }
  return warnings;
}
