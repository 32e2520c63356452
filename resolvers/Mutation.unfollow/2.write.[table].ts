export { unfollowRequest as request, writeResponse as response } from '../lib/follows.ts';
