import { util, type Context } from '@aws-appsync/utils';
import { mediaRules } from '../../definitions/media.ts';
import { requireCaller } from '../lib/identity.ts';
import { ownUpload } from '../lib/uploads.ts';
import { requireText } from '../lib/validate.ts';

interface MediaInput {
  key: string;
  alt: string;
}

/**
 * Posts a crud, optionally with up to four of the caller's processed images. The attachments are
 * checked here (count, alt text, ownership, no repeats), their processing outcome is read next
 * (1.uploads), and the write consumes each upload's status in the crud's own transaction (2.write),
 * so an image is attached once and only when the thumbnailer has accepted it.
 */
export function request(ctx: Context<{ message: string; expiresIn?: string; media?: MediaInput[] | null }>) {
  const me = requireCaller(ctx);
  const media = ctx.args.media || [];
  if (media.length > mediaRules.maxPerCrud) {
    util.error(`A crud can carry at most ${mediaRules.maxPerCrud} images`, 'ValidationError', null, { field: 'media', max: mediaRules.maxPerCrud });
  }
  const seen: string[] = [];
  ctx.stash.media = media.map((m, i) => {
    const upload = ownUpload(me, m.key, `media[${i}].key`, 'media');
    if (seen.indexOf(upload.uploadId) >= 0) util.error(`media[${i}] repeats an image`, 'ValidationError', null, { field: `media[${i}].key` });
    seen.push(upload.uploadId);
    return { upload, alt: requireText(`media[${i}].alt`, m.alt, mediaRules.altMaxChars) };
  });
  return {};
}

export function response(ctx: Context) {
  return ctx.prev.result;
}
