/**
 * The two S3 buckets of the avatar pipeline and the rules of an avatar upload, declared once.
 * `local/src/storage` serves these buckets offline, `infra/src/stacks/storage-stack.ts` creates
 * them in the cloud, and both Lambdas (`lambdas/avatar-upload`, `lambdas/thumbnail`) read the
 * limits from here, so the size and type rules cannot drift between presigning and processing.
 */
import { functions, type FunctionSettings } from './functions.ts';

/** The object-created notification and the Lambda function it invokes. */
export interface BucketNotification extends FunctionSettings {
  /** Key prefix filter (S3 `Filter.Key.FilterRules` prefix). */
  prefix: string;
  /** `lambdas/<dir>/index.ts#<export>`. */
  handler: string;
  /** Function name (logs, offline invocation context). */
  functionName: string;
}

/**
 * A bucket's CORS rule (S3 `PutBucketCors` CORSRule) without its origins: those belong to the
 * deployment (the web app's URL, or localhost offline) and are supplied by each half. The offline
 * endpoint (local/src/storage/cors.ts) and the cloud bucket (infra/src/stacks/storage-stack.ts)
 * both render this one rule, so a browser upload that works offline works in the cloud.
 */
export interface BucketCorsRule {
  allowedMethods: Array<'GET' | 'PUT' | 'HEAD' | 'POST' | 'DELETE'>;
  /** Request headers a browser may send; S3 allows one `*` wildcard per entry (`x-amz-*`). */
  allowedHeaders: string[];
  /** Response headers the browser may read (the ETag confirms an upload). */
  exposedHeaders: string[];
  /** How long a browser may cache the preflight answer. */
  maxAgeSeconds: number;
}

export interface BucketDefinition {
  logicalName: string;
  /** Physical name offline (the cloud bucket's name is generated and reaches Lambdas by env). */
  localName: string;
  /** Served to anyone through the CDN (assets) or private (uploads). */
  publicRead: boolean;
  /** Objects under this prefix expire (lifecycle rule), in days. */
  expire?: { prefix: string; days: number };
  /** Browsers may call the bucket directly (presigned uploads) from the deployment's origins. */
  cors?: BucketCorsRule;
  notification?: BucketNotification;
}

/** Private landing zone for browser uploads; every object created under `uploads/` triggers the thumbnailer. */
export const uploadsBucket: BucketDefinition = {
  logicalName: 'UploadsBucket',
  localName: 'cruddur-uploads',
  publicRead: false,
  expire: { prefix: 'uploads/', days: 1 },
  // The browser PUTs the avatar to a presigned URL, then the app may HEAD/GET it back.
  cors: {
    allowedMethods: ['PUT', 'GET', 'HEAD'],
    allowedHeaders: ['content-type', 'content-length', 'x-amz-*'],
    exposedHeaders: ['ETag', 'x-amz-request-id'],
    maxAgeSeconds: 3000,
  },
  notification: {
    prefix: 'uploads/',
    // Memory, timeout, concurrency and isolation: definitions/functions.ts.
    handler: functions.thumbnail.handler,
    functionName: functions.thumbnail.name,
    memorySize: functions.thumbnail.memorySize,
    timeoutSeconds: functions.thumbnail.timeoutSeconds,
    reservedConcurrency: functions.thumbnail.reservedConcurrency,
    isolated: functions.thumbnail.isolated,
  },
};

/** Renditions, served through CloudFront (offline: the storage endpoint's `/<bucket>/<key>` path). */
export const assetsBucket: BucketDefinition = {
  logicalName: 'AssetsBucket',
  localName: 'cruddur-assets',
  publicRead: true,
};

export const buckets: BucketDefinition[] = [uploadsBucket, assetsBucket];

/** Content-addressed keys never change content, so caches may keep them for a year. */
export const IMMUTABLE_CACHE_CONTROL = 'public, max-age=31536000, immutable';

/** What `createAvatarUpload` accepts and what the thumbnailer produces. */
export const avatarRules = {
  /** Accepted content types and the extension each upload key gets. */
  contentTypes: { 'image/jpeg': 'jpg', 'image/png': 'png', 'image/webp': 'webp' } as Record<string, string>,
  maxBytes: 5 * 1024 * 1024,
  /** Lifetime of the presigned PUT URL. */
  urlExpiresInSeconds: 300,
  /** Decompression-bomb guard: sharp's limitInputPixels (width × height). */
  maxInputPixels: 40_000_000,
  /** Square renditions, in pixels. */
  sizes: [512, 128],
  formats: ['jpeg', 'webp'] as const,
  /** The rendition `avatarUrl` points at. */
  profileSize: 512,
  profileFormat: 'webp' as const,
};

/** `uploads/<sub>/<random>.<ext>`: the sub is the owner, so the thumbnailer knows whose avatar it is. */
export const uploadKeyPattern = /^uploads\/([0-9a-zA-Z-]{1,64})\/([0-9a-f]{32})\.(jpg|png|webp)$/;

/** `avatars/<sub>/<sha256>/<size>.<ext>` */
export function avatarKey(sub: string, sha256: string, size: number, format: 'jpeg' | 'webp'): string {
  return `avatars/${sub}/${sha256}/${size}.${format === 'jpeg' ? 'jpg' : 'webp'}`;
}
