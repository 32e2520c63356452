/** Live cruds tagged #tag, newest first: `TAG#<tag>` index rows → one BatchGetItem of the cruds. */
export { passThroughRequest as request, lastResult as response } from '../lib/pipeline.ts';
