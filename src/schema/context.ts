import type { Db, DbProvider } from '../db/client.js';
import type { PreviewLinks } from '../http/preview-links.js';
import type { TakeoverSubmitter } from '../submission/submit-takeover.js';

export interface Context {
  db: Db;
  provider: DbProvider;
  /** Whose presets and tasks these are. One default owner until API keys arrive. */
  ownerId: string;
  submitter: TakeoverSubmitter;
  previewLinks: PreviewLinks;
}
