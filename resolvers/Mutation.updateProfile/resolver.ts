/**
 * Updates the caller's display name and/or bio (the original's form used PUT against a POST
 * route and never saved). An empty bio clears it; omitted arguments stay as they are. A new name
 * rewrites the caller's name-search rows in the same transaction. 1.current reads the profile,
 * 2.write writes; the result is the profile read with the edit applied.
 */
import { type Context } from '@aws-appsync/utils';
import { requireCaller } from '../lib/identity.ts';
import { evictProfile } from '../lib/cache-eviction.ts';
import { values } from '../lib/ddb.ts';
import { ownProfileFromItem, type Item } from '../lib/items.ts';
import { LIMITS, optionalText, requireText } from '../lib/validate.ts';

export function request(ctx: Context<{ displayName?: string | null; bio?: string | null }>) {
  const me = requireCaller(ctx);
  ctx.stash.callerId = me;
  const sets: string[] = [];
  const names: Record<string, string> = {};
  const vals: Item = {};
  const changes: Item = {};
  if (ctx.args.displayName !== undefined && ctx.args.displayName !== null) {
    const displayName = requireText('displayName', ctx.args.displayName, LIMITS.displayName);
    sets.push('#dn = :dn');
    names['#dn'] = 'displayName';
    vals[':dn'] = displayName;
    ctx.stash.displayName = displayName;
    changes.displayName = displayName;
  }
  if (ctx.args.bio !== undefined && ctx.args.bio !== null) {
    const bio = optionalText('bio', ctx.args.bio, LIMITS.bio);
    sets.push('#bio = :bio');
    names['#bio'] = 'bio';
    vals[':bio'] = bio;
    changes.bio = bio;
  }
  if (sets.length > 0) {
    // Profiles written before the name-word rows carried their name key on gsi2: a rename drops it.
    const remove = ctx.stash.displayName === undefined ? '' : ' REMOVE gsi2pk, gsi2sk';
    ctx.stash.changes = changes;
    ctx.stash.update = { expression: `SET ${sets.join(', ')}${remove}`, expressionNames: names, expressionValues: values(vals) };
  }
  return {};
}

export function response(ctx: Context) {
  const profile: Item = Object.assign({}, ctx.stash.current, ctx.stash.changes ?? {});
  evictProfile(profile.handle);
  return ownProfileFromItem(profile);
}
