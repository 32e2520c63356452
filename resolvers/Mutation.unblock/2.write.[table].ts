import { type Context } from '@aws-appsync/utils';
import { removeRequest, writeResponse } from '../lib/safety.ts';

export function request(ctx: Context) {
  return removeRequest(ctx, 'BLOCK');
}

export { writeResponse as response };
