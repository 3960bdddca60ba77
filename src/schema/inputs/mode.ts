// Every scene input type exists twice: as `…Input` (a full scene, with its required fields) and
// as `…Patch` (every field optional), for overrides deep-merged over a preset. Both come from the
// same definitions so they cannot drift apart.
export type InputMode = 'full' | 'patch';

export const typeName = (base: string, mode: InputMode) => `${base}${mode === 'full' ? 'Input' : 'Patch'}`;

/** `required: true` in a full scene, optional in a patch. */
export const requiredIn = (mode: InputMode) => mode === 'full';

export const patchNote = (mode: InputMode) =>
  mode === 'patch' ? ' As an override: every field optional; objects merge, lists replace, null removes.' : '';
