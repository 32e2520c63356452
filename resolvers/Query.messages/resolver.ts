/**
 * A conversation's messages, members only. Message sort keys are ULIDs (`MSG#<ulid>`), so order
 * is time order across days and years; NEWEST_FIRST pages back in history, OLDEST_FIRST forward.
 */
export { callerRequest as request, lastResult as response } from '../lib/pipeline.ts';
