import { type Context } from '@aws-appsync/utils';
import { addRequest, writeResponse } from '../lib/bookmarks.ts';

export function request(ctx: Context) {
  return addRequest(ctx);
}

export { writeResponse as response };
