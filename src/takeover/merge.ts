// Overrides over a preset: objects merge key by key, lists replace whole, a null removes the key
// (so an override can drop an optional section such as `title`), and absent keys keep the base.
type Json = unknown;

const isPlainObject = (value: Json): value is Record<string, Json> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

export function deepMerge(base: Json, patch: Json): Json {
  if (patch === undefined) return base;
  if (!isPlainObject(base) || !isPlainObject(patch)) return patch;
  const merged: Record<string, Json> = { ...base };
  for (const [key, value] of Object.entries(patch)) {
    if (value === null) delete merged[key];
    else if (value !== undefined) merged[key] = deepMerge(base[key], value);
  }
  return merged;
}
