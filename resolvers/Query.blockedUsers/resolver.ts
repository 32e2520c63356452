import { type Context } from '@aws-appsync/utils';
import { listRequest, listResponse } from '../lib/safety-lists.ts';

/** The accounts the caller has blocked, with their profiles. */
export { listRequest as request };

export function response(ctx: Context) {
  return listResponse(ctx, 'viewerBlocks');
}
