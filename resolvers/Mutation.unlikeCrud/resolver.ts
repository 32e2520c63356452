/** Removes the caller's like; unliking a crud not liked changes nothing. */
export { callerRequest as request, lastResult as response } from '../lib/pipeline.ts';
