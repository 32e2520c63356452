/**
 * AWS_LAMBDA data source of `createAvatarUpload` and `createMediaUpload`: presigns a short-lived
 * PUT for `uploads/<sub>/<random>.<ext>` (an avatar) or `uploads/<sub>/media/<random>.<ext>` (an
 * image for a crud) in the uploads bucket. APPSYNC_JS cannot sign, hence a Lambda.
 * Content-Type and Content-Length are *signed* headers, so S3 (and the offline endpoint) refuse a
 * body of another type or size: the 5 MB limit is enforced by the signature, not by trust.
 * The resolver has already required a signed-in caller and passes `{userId, contentType,
 * contentLength}` as the payload; the rules are checked again here, since the function's role can
 * sign for any key of the bucket.
 */
import { randomBytes } from 'node:crypto';
import { PutObjectCommand } from '@aws-sdk/client-s3';
import { getSignedUrl } from '@aws-sdk/s3-request-presigner';
import { avatarRules } from '../../definitions/buckets.ts';
import { mediaUploadKey } from '../../definitions/media.ts';
import { instrument, powertools } from '../shared/powertools.ts';
import { requiredEnv, s3Client } from './s3-client.ts';

const tools = powertools('avatar-upload');
const { logger } = tools;

export interface AvatarUploadRequest {
  userId: string;
  contentType: string;
  contentLength: number;
  /** `media`: an image for a crud (`uploads/<sub>/media/…`); otherwise an avatar. Same rules. */
  purpose?: 'avatar' | 'media';
}

export interface AvatarUpload {
  /** The presigned PUT URL. */
  url: string;
  key: string;
  /** ISO 8601: when the URL stops working. */
  expiresAt: string;
  /** Headers the PUT must carry exactly as signed (browsers set Content-Length themselves). */
  headers: { name: string; value: string }[];
}

/** Thrown for input the rules refuse; the resolver maps it to a ValidationError. */
export class AvatarUploadRejected extends Error {
  override name = 'ValidationError';
}

export function checkRequest(req: Partial<AvatarUploadRequest> | null | undefined): AvatarUploadRequest {
  const { userId, contentType, contentLength } = req ?? {};
  if (typeof userId !== 'string' || !/^[0-9a-zA-Z-]{1,64}$/.test(userId)) throw new AvatarUploadRejected('a signed-in user is required');
  if (typeof contentType !== 'string' || !(contentType in avatarRules.contentTypes)) {
    throw new AvatarUploadRejected(`contentType must be one of ${Object.keys(avatarRules.contentTypes).join(', ')}`);
  }
  if (typeof contentLength !== 'number' || !Number.isInteger(contentLength) || contentLength < 1 || contentLength > avatarRules.maxBytes) {
    throw new AvatarUploadRejected(`contentLength must be between 1 and ${avatarRules.maxBytes} bytes`);
  }
  const purpose = req?.purpose === 'media' ? 'media' : 'avatar';
  return { userId, contentType, contentLength, purpose };
}

async function handle(event: AvatarUploadRequest): Promise<AvatarUpload> {
  const { userId, contentType, contentLength, purpose } = checkRequest(event);
  const uploadId = randomBytes(16).toString('hex');
  const extension = avatarRules.contentTypes[contentType];
  const key = purpose === 'media' ? mediaUploadKey(userId, uploadId, extension) : `uploads/${userId}/${uploadId}.${extension}`;
  const expiresIn = avatarRules.urlExpiresInSeconds;
  const signedAt = new Date();
  const url = await getSignedUrl(
    s3Client(),
    new PutObjectCommand({ Bucket: requiredEnv('UPLOADS_BUCKET'), Key: key, ContentType: contentType, ContentLength: contentLength }),
    { expiresIn, signingDate: signedAt, signableHeaders: new Set(['content-type', 'content-length']) },
  );
  logger.info('upload presigned', { userId, key, purpose, contentType, contentLength });
  return {
    url,
    key,
    expiresAt: new Date(signedAt.getTime() + expiresIn * 1000).toISOString(),
    headers: [
      { name: 'Content-Type', value: contentType },
      { name: 'Content-Length', value: String(contentLength) },
    ],
  };
}

/** The Lambda entry point: `handle` with Powertools logging context, cold-start and error metrics, tracing. */
export const handler = instrument(tools, handle);
