/** Who follows a user: handle claim → `FOLLOWER#` rows → the followers' profiles (lib/follow-lists.ts). */

export function request() {
  return {};
}

export { followListResult as response } from '../lib/follow-lists.ts';
