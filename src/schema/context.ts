import type { Db, DbProvider } from '../db/client.js';
import type { PreviewLinks } from '../http/preview-links.js';
import type { TakeoverSubmitter } from '../submission/submit-takeover.js';

export interface Context {
  db: Db;
  provider: DbProvider;
  /** Whose presets and tasks these are. One default owner until API keys arrive. */
  ownerId: string;
  /** The owner's data version when the request arrived: raised by every write to its tasks and presets. */
  dataVersion: number;
  submitter: TakeoverSubmitter;
  previewLinks: PreviewLinks;
  /** The base of absolute links, e.g. "https://video.example.com" (PUBLIC_URL, or the request's origin). */
  publicUrl: string;
}
