/** A user's live top-level cruds, newest first: handle claim → gsi2 `CRUDS#<user>`. */
export { passThroughRequest as request, lastResult as response } from '../lib/pipeline.ts';
