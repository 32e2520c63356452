import { type Context } from '@aws-appsync/utils';
import { checkAttachments, type MediaInput } from '../lib/attachments.ts';
import { requireCaller } from '../lib/identity.ts';

/**
 * Posts a crud, optionally with up to four of the caller's processed images. The attachments are
 * checked here (count, alt text, ownership, no repeats), their processing outcome is read next
 * (1.uploads), and the write consumes each upload's status in the crud's own transaction (2.write),
 * so an image is attached once and only when the thumbnailer has accepted it (lib/attachments.ts,
 * shared with replyToCrud).
 */
export function request(ctx: Context<{ message: string; expiresIn?: string; media?: MediaInput[] | null }>) {
  checkAttachments(ctx, requireCaller(ctx), ctx.args.media);
  return {};
}

export function response(ctx: Context) {
  return ctx.prev.result;
}
