import { builder } from './builder.js';
import './scalars.js';
import './errors.js';
import './task.js';
import './create-takeover-video.js';

export const schema = builder.toSchema({ sortSchema: true });
