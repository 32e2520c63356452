import { type Context } from '@aws-appsync/utils';
import { followPeopleRequest } from '../lib/follow-lists.ts';

export function request(ctx: Context) {
  return followPeopleRequest(ctx, 'FOLLOWS');
}

export { followPeopleResponse as response } from '../lib/follow-lists.ts';
