/** Whom a user follows: handle claim → `FOLLOWS#` rows → profiles of those they follow (lib/follow-lists.ts). */

export function request() {
  return {};
}

export { followListResult as response } from '../lib/follow-lists.ts';
