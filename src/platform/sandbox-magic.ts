// Sandbox magic values: like a payment provider's test cards, a marker in the video name makes the
// simulator play one scenario, so anyone can try every outcome without code. Only the simulator
// reads them; the real platform sees an ordinary name.

export type SandboxScenario = 'reject' | 'unknown' | 'timeout' | 'fail' | 'slow' | 'succeed';

export interface SandboxMagicValue {
  marker: string;
  scenario: SandboxScenario;
  /** What happens, for the README and the schema description. */
  effect: string;
}

export const SANDBOX_REJECT_CODE = 4001;
export const SANDBOX_FAIL_CODE = 5001;

export const SANDBOX_MAGIC_VALUES: readonly SandboxMagicValue[] = [
  { marker: 'sim:reject', scenario: 'reject', effect: `the platform refuses the task (code ${SANDBOX_REJECT_CODE}): REJECTED` },
  { marker: 'sim:unknown', scenario: 'unknown', effect: 'the platform creates the task and drops the connection: UNKNOWN (reconcile it with reconcileTask)' },
  { marker: 'sim:timeout', scenario: 'timeout', effect: 'the platform creates the task and never answers: UNKNOWN once SOFTSUGAR_TIMEOUT_MS has passed' },
  { marker: 'sim:fail', scenario: 'fail', effect: `accepted, then rendering fails (code ${SANDBOX_FAIL_CODE}): SUBMITTED, PROCESSING, FAILED` },
  { marker: 'sim:slow', scenario: 'slow', effect: 'accepted, renders ten times longer than usual: SUBMITTED, PROCESSING for a while, SUCCEEDED' },
];

/** The scenario a video name asks for; `succeed` (SUBMITTED, PROCESSING, SUCCEEDED with a downloadable video) without a marker. */
export function sandboxScenario(videoName: string): SandboxScenario {
  const lower = videoName.toLowerCase();
  return SANDBOX_MAGIC_VALUES.find((value) => lower.includes(value.marker))?.scenario ?? 'succeed';
}

/** One line per marker, for descriptions. */
export const SANDBOX_MAGIC_SUMMARY = `In the sandbox (no platform credentials) a video name containing ${SANDBOX_MAGIC_VALUES.map(
  (value) => `\`${value.marker}\` (${value.effect})`,
).join(', ')} plays that scenario; any other name succeeds.`;
