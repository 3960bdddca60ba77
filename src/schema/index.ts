import { builder } from './builder.js';
import './scalars.js';
import './errors.js';
import './outputs/takeover-params.js';
import './task.js';
import './preset.js';
import './preset-mutations.js';
import './create-takeover-video.js';
import './reconcile-task.js';
import './resolve-preset.js';
import './node.js';

export const schema = builder.toSchema({ sortSchema: true });
