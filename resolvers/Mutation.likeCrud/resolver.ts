/** Likes a live crud; liking twice is one like. */
export { callerRequest as request, lastResult as response } from '../lib/pipeline.ts';
