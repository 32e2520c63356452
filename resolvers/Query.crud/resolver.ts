import { type Context } from '@aws-appsync/utils';

/**
 * A crud by id; an expired crud reads as absent even before TTL deletes it, and so does a crud
 * whose author blocks the caller or is blocked by them.
 */
export function request() {
  return {};
}

export function response(ctx: Context) {
  const crud = ctx.stash.crud as { authorId: string } | null;
  if (!crud) return null;
  return ctx.stash.hidden && ctx.stash.hidden[crud.authorId] ? null : crud;
}
