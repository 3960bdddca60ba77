// A picture of a scene before anything is rendered: the canvas, layers as labelled boxes in z
// order, the avatar's box, texts with their colours, and the watermark. Deterministic output;
// every text from the scene is XML-escaped.
import type { TakeoverParams } from './params.js';
import { avatarBox, estimateTextWidth, visibleAt, type Box } from './scene-geometry.js';

const escape = (text: string) =>
  text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
// Round to 2 decimals so the output does not depend on float noise.
const n = (value: number) => String(Math.round(value * 100) / 100);
const rgb = ([r, g, b]: number[]) => `rgb(${r},${g},${b})`;
const alpha = (rgba: number[]) => n((rgba[3] ?? 255) / 255);

interface Drawn {
  z: number;
  order: number;
  svg: string;
}

function labelledBox(box: Box, label: string, colour: string, options: { hidden?: boolean; rotation?: number; scale: number }): string {
  const cx = box.x + box.width / 2;
  const cy = box.y + box.height / 2;
  const rotate = options.rotation ? ` transform="rotate(${n(options.rotation)} ${n(cx)} ${n(cy)})"` : '';
  const dash = options.hidden ? ` stroke-dasharray="${n(12 * options.scale)} ${n(8 * options.scale)}" opacity="0.35"` : '';
  const fontSize = n(22 * options.scale);
  return [
    `<g${rotate}${dash}>`,
    `<rect x="${n(box.x)}" y="${n(box.y)}" width="${n(box.width)}" height="${n(box.height)}" fill="${colour}" fill-opacity="0.18" stroke="${colour}" stroke-width="${n(3 * options.scale)}"/>`,
    `<text x="${n(box.x + 8 * options.scale)}" y="${n(box.y + 28 * options.scale)}" font-family="sans-serif" font-size="${fontSize}" fill="${colour}">${escape(label)}</text>`,
    '</g>',
  ].join('');
}

function styledText(
  text: { text: string; fontSize: number; fontFamily: string; rgba: number[]; strokeWidth: number; strokeRgba: number[]; backgroundRgba: number[]; opacity: number; position: { x: number; y: number } },
  size: number,
): string {
  const width = estimateTextWidth(text.text, size);
  const { x, y } = text.position;
  const background = (text.backgroundRgba[3] ?? 0) > 0
    ? `<rect x="${n(x)}" y="${n(y)}" width="${n(width)}" height="${n(size * 1.25)}" fill="${rgb(text.backgroundRgba)}" fill-opacity="${alpha(text.backgroundRgba)}"/>`
    : '';
  const stroke = text.strokeWidth > 0 ? ` stroke="${rgb(text.strokeRgba)}" stroke-opacity="${alpha(text.strokeRgba)}" stroke-width="${n(text.strokeWidth)}" paint-order="stroke"` : '';
  return `<g opacity="${n(text.opacity)}">${background}<text x="${n(x)}" y="${n(y + size)}" font-family="${escape(text.fontFamily)}, sans-serif" font-size="${n(size)}" fill="${rgb(text.rgba)}" fill-opacity="${alpha(text.rgba)}"${stroke}>${escape(text.text)}</text></g>`;
}

export interface PreviewOptions {
  /** Show which timed layers are visible at this frame; the others are drawn faded and dashed. */
  frame?: number | undefined;
}

export function renderScenePreview(p: TakeoverParams, options: PreviewOptions = {}): string {
  const { width: W, height: H } = p.resolution;
  // Labels and strokes keep a readable size whatever the resolution.
  const scale = Math.max(W, H) / 1000;
  const { frame } = options;
  const hiddenNote = (layer: { start: number; duration: number }) =>
    frame !== undefined && !visibleAt(layer, frame) ? ` (hidden at frame ${frame})` : '';
  const hidden = (layer: { start: number; duration: number }) => frame !== undefined && !visibleAt(layer, frame);

  const backgrounds = p.backgrounds.map((layer, i) =>
    labelledBox(layer.rect, `background ${i}: ${layer.name || layer.fileId}${hiddenNote(layer)}`, '#2f6fb0', { hidden: hidden(layer), scale }),
  );

  // Above the backgrounds, everything with a z position, lowest first; ties keep list order.
  const drawn: Drawn[] = [];
  let order = 0;
  const role = p.digitalRole;
  drawn.push({ z: role.zPosition, order: order++, svg: labelledBox(avatarBox(p), `avatar ${role.name || ''} (file ${role.fileId})`.replace('  ', ' '), '#b0452f', { rotation: role.rotation, scale }) });
  p.foregrounds.forEach((layer, i) =>
    drawn.push({
      z: layer.zPosition,
      order: order++,
      svg: labelledBox(layer.rect, `foreground ${i}: ${layer.name || layer.fileId}${hiddenNote(layer)}`, '#3f8f3f', { hidden: hidden(layer), rotation: layer.rotation, scale }),
    }),
  );
  p.foregroundTexts.forEach((text) => drawn.push({ z: text.zPosition, order: order++, svg: styledText(text, text.fontSize) }));
  drawn.sort((a, b) => a.z - b.z || a.order - b.order);

  const title = p.title ? styledText(p.title, p.title.fontSize * p.title.scale) : '';
  const watermark = p.watermark.show
    ? `<text x="${n(W - 16 * scale)}" y="${n(H - 16 * scale)}" text-anchor="end" font-family="sans-serif" font-size="${n(28 * scale)}" fill="#000000" fill-opacity="0.45">${escape(p.watermark.content)}</text>`
    : '';
  const frameLabel = frame !== undefined
    ? `<text x="${n(16 * scale)}" y="${n(H - 16 * scale)}" font-family="sans-serif" font-size="${n(24 * scale)}" fill="#555555">frame ${frame}</text>`
    : '';

  return [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${W}" height="${H}" viewBox="0 0 ${W} ${H}">`,
    `<rect x="0" y="0" width="${W}" height="${H}" fill="#f4f4f4" stroke="#999999" stroke-width="${n(2 * scale)}"/>`,
    ...backgrounds,
    ...drawn.map((item) => item.svg),
    title,
    watermark,
    frameLabel,
    '</svg>',
  ].join('\n');
}
