import { type Context } from '@aws-appsync/utils';
import type { Item } from '../lib/items.ts';
import { isHidden } from '../lib/safety.ts';

/**
 * The caller's notifications, newest first. `read` is derived from the profile's
 * `notificationsReadUpTo` (the newest notification id seen when they last marked all read), so
 * marking everything read is one write, not one per notification. Actors and cruds are read in
 * one BatchGetItem each. Notifications from an account the caller blocks, is blocked by or mutes
 * leave the page (written before the block or mute), so a page can hold fewer than `limit` items.
 */
export { callerRequest as request } from '../lib/pipeline.ts';

/** Attaches the batched actors and cruds (a crud that is gone reads as null). */
export function response(ctx: Context) {
  const actors: Record<string, Item> = ctx.stash.actors ?? {};
  const cruds: Record<string, Item> = ctx.stash.cruds ?? {};
  const items = (ctx.stash.items as Item[]).filter((n) => !isHidden(ctx.stash, [n.actorId])).map((n) => {
    const extra: Item = { crud: n.crudId && cruds[n.crudId] ? cruds[n.crudId] : null, crudResolved: true };
    if (actors[n.actorId]) extra.actor = actors[n.actorId];
    return Object.assign({}, n, extra);
  });
  return { items, nextToken: ctx.stash.nextToken };
}
