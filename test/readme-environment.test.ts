// README "Deploying > Environment" is the operator's reference: it must name every variable the
// service, the keys CLI and the standalone simulator read, with the default the code uses, and
// nothing the code does not read.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { documentedDefault, ENVIRONMENT_VARIABLES } from '../src/config.js';

const readme = readFileSync(new URL('../README.md', import.meta.url), 'utf8');
const section = readme.slice(readme.indexOf('### Environment'), readme.indexOf('\n### ', readme.indexOf('### Environment') + 1));
/** Each table row: the variables named in its first cell, and its default cell. */
const rows = [...section.matchAll(/^\| (.+?) \| (.+?) \| .+ \|$/gm)]
  .map(([, names, fallback]) => ({ names: [...names!.matchAll(/`([A-Z][A-Z0-9_]+)`/g)].map((match) => match[1]!), fallback: fallback! }))
  .filter((row) => row.names.length > 0);
const documented = new Map(rows.flatMap((row) => row.names.map((name) => [name, row] as const)));

/** Read outside config.ts: by the keys CLI and the standalone simulator. */
const OTHER_READERS = ['PLATFORM_APP_KEY', 'SIMULATOR_APP_ID', 'SIMULATOR_APP_KEY', 'SIMULATOR_PORT', 'SIMULATOR_CREATE_LATENCY_MS', 'SIMULATOR_CALLBACK_URL'];

describe("README's environment table", () => {
  it('names every variable the code reads', () => {
    const missing = [...ENVIRONMENT_VARIABLES, ...OTHER_READERS].filter((name) => !documented.has(name));
    expect(missing).toEqual([]);
  });

  it('names nothing the code does not read', () => {
    const known = new Set([...ENVIRONMENT_VARIABLES, ...OTHER_READERS]);
    expect([...documented.keys()].filter((name) => !known.has(name))).toEqual([]);
  });

  it('gives the default the code uses for every plain setting', () => {
    const wrong = ENVIRONMENT_VARIABLES.flatMap((name) => {
      const fallback = documentedDefault(name);
      const row = documented.get(name);
      if (fallback === undefined || !row || row.names.length > 1) return [];
      return row.fallback.includes(`\`${fallback}\``) ? [] : [`${name}: code ${fallback}, README ${row.fallback}`];
    });
    expect(wrong).toEqual([]);
  });

  it('the simulator readers are still read where the table says', () => {
    const simulator = readFileSync(new URL('../src/platform/simulator-main.ts', import.meta.url), 'utf8');
    const keys = readFileSync(new URL('../src/cli/keys.ts', import.meta.url), 'utf8');
    for (const name of OTHER_READERS) expect(simulator.includes(`env.${name}`) || keys.includes(name)).toBe(true);
  });
});
