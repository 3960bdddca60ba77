import { z } from 'zod';
import { textSchema } from './primitives.js';

type Range = 'unit' | 'signed' | 'mode';

interface BeautifyKey<F extends string = string> {
  /** Our GraphQL / domain name. */
  field: F;
  /** The platform's key, spelt as the platform spells it. */
  wire: string;
  range: Range;
  meaning: string;
}

// The 43 keys of the platform's example, in its order. Ranges are inferred from SenseTime's
// SenseME effects SDK, whose beautify parameters carry the same names; the platform does not
// publish them.
const key = <F extends string>(field: F, wire: string, range: Range, meaning: string): BeautifyKey<F> => ({
  field,
  wire,
  range,
  meaning,
});
export const BEAUTIFY_KEYS = [
  key('whitenStrength', 'whitenStrength', 'unit', 'Skin whitening strength'),
  key('whitenMode', 'whiten_mode', 'mode', 'Whitening algorithm (platform code; 0 in the example, other values not public)'),
  key('reddenStrength', 'reddenStrength', 'unit', 'Rosy complexion strength'),
  key('smoothStrength', 'smoothStrength', 'unit', 'Skin smoothing strength'),
  key('smoothMode', 'smooth_mode', 'mode', 'Smoothing area: 0 = face only, 1 = whole image (inferred)'),
  key('shrinkRatio', 'shrinkRatio', 'unit', 'Face slimming'),
  key('enlargeRatio', 'enlargeRatio', 'unit', 'Eye enlarging'),
  key('smallRatio', 'smallRatio', 'unit', 'Small face'),
  key('narrowFace', 'narrowFace', 'unit', 'Narrow face'),
  key('roundEyesRatio', 'roundEyesRatio', 'unit', 'Round eyes'),
  key('thinFaceShapeRatio', 'thinFaceShapeRatio', 'unit', 'Thin face shape'),
  key('chinLength', 'chinLength', 'signed', 'Chin length (negative shortens, positive lengthens)'),
  key('hairlineHeightRatio', 'hairlineHeightRatio', 'signed', 'Hairline height'),
  key('appleMuscle', 'appleMusle', 'unit', 'Apple cheeks (the platform spells its key "appleMusle")'),
  key('narrowNoseRatio', 'narrowNoseRatio', 'unit', 'Narrow nose'),
  key('noseLengthRatio', 'noseLengthRatio', 'signed', 'Nose length'),
  key('profileRhinoplasty', 'profileRhinoplasty', 'unit', 'Nose bridge (profile rhinoplasty)'),
  key('mouthSize', 'mouthSize', 'signed', 'Mouth size'),
  key('philtrumLengthRatio', 'philtrumLengthRatio', 'signed', 'Philtrum length'),
  key('eyeDistanceRatio', 'eyeDistanceRatio', 'signed', 'Distance between the eyes'),
  key('eyeAngleRatio', 'eyeAngleRatio', 'signed', 'Eye angle'),
  key('openCanthus', 'openCanthus', 'unit', 'Open inner canthus'),
  key('brightEyeStrength', 'brightEyeStrength', 'unit', 'Eye brightening'),
  key('removeDarkCircleStrength', 'removeDarkCircleStrength', 'unit', 'Dark circle removal'),
  key('removeNasolabialFoldsStrength', 'removeNasolabialFoldsStrength', 'unit', 'Nasolabial fold removal'),
  key('whiteTeeth', 'whiteTeeth', 'unit', 'Teeth whitening'),
  key('shrinkCheekbone', 'shrinkCheekbone', 'unit', 'Cheekbone slimming'),
  key('thinnerHead', 'thinnerHead', 'unit', 'Thinner head'),
  key('openExternalCanthus', 'openExternalCanthus', 'unit', 'Open outer canthus'),
  key('shrinkJawbone', 'shrinkJawbone', 'unit', 'Jawbone slimming'),
  key('shrinkRoundFace', 'shrinkRoundFace', 'unit', 'Round face slimming'),
  key('shrinkLongFace', 'shrinkLongFace', 'unit', 'Long face slimming'),
  key('shrinkGoddessFace', 'shrinkGoddessFace', 'unit', '"Goddess" face slimming'),
  key('shrinkNaturalFace', 'shrinkNaturalFace', 'unit', 'Natural face slimming'),
  key('shrinkWholeHead', 'shrinkWholeHead', 'unit', 'Whole head slimming'),
  key('contrastStrength', 'contrastStrength', 'unit', 'Contrast'),
  key('saturationStrength', 'saturationStrength', 'unit', 'Saturation'),
  key('sharpen', 'sharpen', 'unit', 'Sharpening'),
  key('clear', 'clear', 'unit', 'Clarity'),
  key('eyeHeight', 'eyeHeight', 'unit', 'Eye height'),
  key('mouthCorner', 'mouthCorner', 'unit', 'Mouth corner lift'),
  key('hairline', 'hairline', 'unit', 'Hairline filling'),
  key('bokehStrength', 'bokehStrength', 'unit', 'Background blur (bokeh)'),
] as const;

export type BeautifyField = (typeof BEAUTIFY_KEYS)[number]['field'];

export const BEAUTIFY_RANGES: Record<Range, { min: number; max: number; int: boolean; text: string }> = {
  unit: { min: 0, max: 1, int: false, text: '0..1, 0 = off' },
  signed: { min: -1, max: 1, int: false, text: '-1..1, 0 = no change' },
  mode: { min: 0, max: 2, int: true, text: 'integer code 0..2' },
};

function rangeSchema(range: Range) {
  const { min, max, int } = BEAUTIFY_RANGES[range];
  const number = int ? z.number().int() : z.number();
  return number.min(min).max(max).default(0);
}

export type Beautify = Record<BeautifyField, number>;

export const beautifySchema = z.object(
  Object.fromEntries(BEAUTIFY_KEYS.map(({ field, range }) => [field, rangeSchema(range)])),
) as unknown as z.ZodType<Beautify, Partial<Beautify>>;

export const effectsSchema = z.object({
  version: textSchema(16).default('1.0'),
  beautify: beautifySchema.prefault({}),
});
