/**
 * People by handle prefix or by a prefix of any word of their display name, for the search page
 * and typeahead: 1. handles on gsi1 (`HANDLE_PREFIX`), 2. name-word rows on gsi2 (`NAME_PREFIX`,
 * docs/data-model.md), 3. the profiles those rows name; handle matches first, each user once.
 * A leading "@" searches handles only (what the mention typeahead sends). 4. drops accounts that
 * block the caller, so a page can hold fewer than `limit` users.
 */
import { util, type Context } from '@aws-appsync/utils';
import { userFromItem, type Item } from '../lib/items.ts';
import { nameSearchKey } from '../lib/text.ts';
import { pageLimit } from '../lib/validate.ts';
import { isHidden } from '../lib/safety.ts';

export function request(ctx: Context<{ prefix: string; limit?: number }>) {
  let prefix = ctx.args.prefix.trim().toLowerCase();
  const handlesOnly = prefix.charAt(0) === '@';
  if (handlesOnly) prefix = prefix.slice(1);
  if (prefix.length === 0) util.error('prefix must not be blank', 'ValidationError', null, { field: 'prefix' });
  ctx.stash.prefix = prefix;
  // Accents and punctuation fold away for names ('' when nothing is left: no name step).
  ctx.stash.nameKey = nameSearchKey(prefix);
  ctx.stash.handlesOnly = handlesOnly;
  ctx.stash.limit = pageLimit(ctx.args.limit);
  ctx.stash.found = [];
  return {};
}

export function response(ctx: Context) {
  const found: Item[] = ctx.stash.found;
  const seen: Record<string, boolean> = {};
  const users: Item[] = [];
  found.forEach((item) => {
    if (seen[item.id] || users.length >= ctx.stash.limit || isHidden(ctx.stash, [item.id])) return;
    seen[item.id] = true;
    users.push(userFromItem(item));
  });
  return users;
}
