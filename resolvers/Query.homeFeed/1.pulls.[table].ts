/** The pulled accounts the caller follows (`PULL#` rows), at most 50 (decision 026). */
export { pullsRequest as request, pullsResponse as response } from '../lib/feed-merge.ts';
