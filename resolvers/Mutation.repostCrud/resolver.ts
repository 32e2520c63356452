/** Reposts a live crud into the caller's followers' feeds; reposting twice is one repost. */
export { callerRequest as request, lastResult as response } from '../lib/pipeline.ts';
