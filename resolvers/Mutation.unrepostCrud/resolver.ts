/** Removes the caller's repost (and, through the stream, its feed rows). */
export { callerRequest as request, lastResult as response } from '../lib/pipeline.ts';
