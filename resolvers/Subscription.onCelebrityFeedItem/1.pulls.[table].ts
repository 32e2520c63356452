/** The pulled accounts the caller follows (their PULL# rows), at most 50 (MAX_PULLED_ACCOUNTS). */
export { pullsRequest as request, pullsResponse as response } from '../lib/feed-merge.ts';
