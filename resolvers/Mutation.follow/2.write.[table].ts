export { followRequest as request, writeResponse as response } from '../lib/follows.ts';
