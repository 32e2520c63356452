import { type Context } from '@aws-appsync/utils';
import { removeRequest, writeResponse } from '../lib/bookmarks.ts';

export function request(ctx: Context) {
  return removeRequest(ctx);
}

export { writeResponse as response };
