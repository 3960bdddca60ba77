import type { Db, DbProvider } from '../db/client.js';
import type { UrlGuardOptions } from '../delivery/webhook-url.js';
import type { WebhookSecrets } from '../delivery/webhook-secret.js';
import type { PreviewLinks } from '../http/preview-links.js';
import type { TaskFollowers } from '../live/task-followers.js';
import type { TaskLifecycle } from '../lifecycle/task-lifecycle.js';
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
  /** Seals endpoint secrets; which endpoint URLs are allowed. */
  webhooks: { secrets: WebhookSecrets; urlGuard: UrlGuardOptions };
  /** Live subscriptions to tasks. */
  live: TaskFollowers;
  /** Every status change of a task goes through it (reconciliation). */
  lifecycle: TaskLifecycle;
  /** The base of absolute links, e.g. "https://video.example.com" (PUBLIC_URL, or the request's origin). */
  publicUrl: string;
  /** This request's id (x-request-id), for the logs about it. */
  requestId: string | undefined;
}
