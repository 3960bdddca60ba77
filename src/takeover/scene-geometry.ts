// Where things land on the canvas, as far as we can tell without the platform's renderer.
import type { TakeoverParams } from './params.js';

export interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}

/**
 * The avatar's box. The platform does not publish the avatar clip's size; its example places a
 * scale-1 avatar at (0, 0) on a portrait canvas, so we take the clip to be canvas-sized.
 */
export function avatarBox(p: TakeoverParams): Box {
  const { width, height } = p.resolution;
  const { position, scale } = p.digitalRole;
  return { x: position.x, y: position.y, width: width * scale, height: height * scale };
}

// Full-width characters (CJK, fullwidth forms, emoji) take about one em; others about 0.6 em.
const WIDE = /[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6\u{1f300}-\u{1faff}\u{20000}-\u{3fffd}]/u;

export function estimateTextWidth(text: string, fontSize: number): number {
  let ems = 0;
  for (const char of text) ems += WIDE.test(char) ? 1 : 0.6;
  return ems * fontSize;
}

/** Whether a timed layer shows at `frame` (timing units are frames, as far as we can tell). */
export function visibleAt(layer: { start: number; duration: number }, frame: number): boolean {
  return frame >= layer.start && (layer.duration < 0 || frame < layer.start + layer.duration);
}
