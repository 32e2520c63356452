import { type Context } from '@aws-appsync/utils';
import type { Item } from '../lib/items.ts';

/**
 * The caller's inbox: their member rows through gsi2 (`INBOX#<me>`, sorted by last message id),
 * newest activity first, with the peers' profiles in one BatchGetItem. A new message bumps a
 * conversation by updating gsi2sk on the row.
 */
export { callerRequest as request } from '../lib/pipeline.ts';

export function response(ctx: Context) {
  const peers: Record<string, Item> = ctx.stash.peers ?? {};
  const items = (ctx.stash.items as Item[]).map((c) => (peers[c.peerId] ? Object.assign({}, c, { peer: peers[c.peerId] }) : c));
  return { items, nextToken: ctx.stash.nextToken };
}
