import { type Context } from '@aws-appsync/utils';
import { isHidden } from '../lib/safety.ts';

/**
 * The crud a reply answers: null when it is gone (deleted, expired) and, as `crud(id)`, when its
 * author blocks the caller or is blocked by them (docs/safety.md).
 */
export function request() {
  return {};
}

export function response(ctx: Context) {
  const parent = ctx.stash.parent as { authorId: string } | null;
  return parent && !isHidden(ctx.stash, [parent.authorId]) ? parent : null;
}
