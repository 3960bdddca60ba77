/** What became of one create call, as far as we can tell. */
export type CreateOutcome =
  /** The platform accepted the task and gave its id. */
  | { kind: 'created'; platformTaskId: string }
  /** The platform answered with a non-zero code: nothing was created. */
  | { kind: 'rejected'; code: number; message: string }
  /** The request never reached the platform, or the platform could not take it: nothing was created. */
  | { kind: 'unreachable'; reason: string }
  /** The request went out and no usable answer came back: the platform may have created the task. */
  | { kind: 'unknown'; reason: string };

export interface CreateTakeoverRequest {
  videoName: string;
  thumbnailUrl?: string | undefined;
  /** The synthesis JSON, already serialised. */
  param: string;
}
