import { builder } from './builder.js';
import './scalars.js';
import './errors.js';
import './outputs/takeover-params.js';
import './task.js';
import './task-subscriptions.js';
import './preset.js';
import './preset-mutations.js';
import './create-takeover-video.js';
import './reconcile-task.js';
import './resolve-preset.js';
import './webhooks.js';
import './node.js';

export const schema = builder.toSchema({ sortSchema: true });
