import { type Context } from '@aws-appsync/utils';
import { addRequest, writeResponse } from '../lib/safety.ts';

export function request(ctx: Context) {
  return addRequest(ctx, 'BLOCK');
}

export { writeResponse as response };
