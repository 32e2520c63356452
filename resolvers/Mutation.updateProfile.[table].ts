import { util, type Context } from '@aws-appsync/utils';
import { requireCaller } from './lib/identity.ts';
import { evictProfile } from './lib/cache-eviction.ts';
import { getItem, raiseIfError, values } from './lib/ddb.ts';
import { gsi, nameSearchKey, userKey } from '../definitions/keys.ts';
import { ownProfileFromItem, type Item } from './lib/items.ts';
import { LIMITS, optionalText, requireText } from './lib/validate.ts';

/**
 * Updates the caller's display name and/or bio (the original's form used PUT against a POST
 * route and never saved: bug 1). An empty bio clears it; omitted arguments stay as they are.
 */
export function request(ctx: Context<{ displayName?: string | null; bio?: string | null }>) {
  const me = requireCaller(ctx);
  const sets: string[] = [];
  const names: Record<string, string> = {};
  const vals: Item = {};
  if (ctx.args.displayName !== undefined && ctx.args.displayName !== null) {
    sets.push('#dn = :dn');
    names['#dn'] = 'displayName';
    const displayName = requireText('displayName', ctx.args.displayName, LIMITS.displayName);
    vals[':dn'] = displayName;
    // Search by name reads gsi2 (docs/data-model.md): the key moves with the name.
    sets.push('#g2pk = :g2pk', '#g2sk = :g2sk');
    names['#g2pk'] = 'gsi2pk';
    names['#g2sk'] = 'gsi2sk';
    vals[':g2pk'] = gsi.namePrefix;
    vals[':g2sk'] = `${nameSearchKey(displayName)}#${me}`;
  }
  if (ctx.args.bio !== undefined && ctx.args.bio !== null) {
    const bio = optionalText('bio', ctx.args.bio, LIMITS.bio);
    sets.push('#bio = :bio');
    names['#bio'] = 'bio';
    vals[':bio'] = bio;
  }
  if (sets.length === 0) return getItem(userKey(me), true);
  return {
    operation: 'UpdateItem',
    key: util.dynamodb.toMapValues(userKey(me)),
    update: { expression: `SET ${sets.join(', ')}`, expressionNames: names, expressionValues: values(vals) },
    condition: { expression: 'attribute_exists(#pk)', expressionNames: { '#pk': 'pk' } },
  };
}

export function response(ctx: Context) {
  if (ctx.error && ctx.error.type === 'DynamoDB:ConditionalCheckFailedException') util.error('Your profile does not exist', 'NotFound');
  raiseIfError(ctx);
  if (!ctx.result) util.error('Your profile does not exist', 'NotFound');
  evictProfile(ctx.result.handle);
  return ownProfileFromItem(ctx.result);
}
