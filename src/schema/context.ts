import type { Db } from '../db/client.js';
import type { TakeoverSubmitter } from '../submission/submit-takeover.js';

export interface Context {
  db: Db;
  submitter: TakeoverSubmitter;
}
