/** The presigner's own checks and the URL it signs (no network: presigning is local). */
import { beforeAll, describe, expect, it } from 'vitest';
import { uploadKeyPattern } from '../../definitions/buckets.ts';
import { AvatarUploadRejected, checkRequest, handler } from './index.ts';

beforeAll(() => {
  Object.assign(process.env, {
    UPLOADS_BUCKET: 'unit-uploads',
    AWS_ENDPOINT_URL_S3: 'http://localhost:4569',
    S3_FORCE_PATH_STYLE: 'true',
    AWS_REGION: 'us-east-1',
    AWS_ACCESS_KEY_ID: 'AKIAUNITTEST',
    AWS_SECRET_ACCESS_KEY: 'unit-secret',
    POWERTOOLS_LOG_LEVEL: 'ERROR',
  });
});

const userId = '0f8fad5b-d9cb-469f-a165-70867728950e';

describe('checkRequest', () => {
  it.each([
    [{ userId: '', contentType: 'image/png', contentLength: 10 }],
    [{ userId: '../other', contentType: 'image/png', contentLength: 10 }],
    [{ userId, contentType: 'image/gif', contentLength: 10 }],
    [{ userId, contentType: 'image/svg+xml', contentLength: 10 }],
    [{ userId, contentType: 'image/png', contentLength: 0 }],
    [{ userId, contentType: 'image/png', contentLength: 5 * 1024 * 1024 + 1 }],
    [{ userId, contentType: 'image/png', contentLength: 1.5 }],
    [null],
  ])('refuses %j', (req) => {
    expect(() => checkRequest(req as never)).toThrow(AvatarUploadRejected);
  });
});

describe('handler', () => {
  it('signs a 300 s PUT for uploads/<sub>/<random>.<ext> binding type and length, without a checksum', async () => {
    const before = Date.now();
    const res = await handler({ userId, contentType: 'image/webp', contentLength: 4096 });
    expect(res.key).toMatch(uploadKeyPattern);
    expect(uploadKeyPattern.exec(res.key)![1]).toBe(userId);
    expect(res.key.endsWith('.webp')).toBe(true);
    const url = new URL(res.url);
    expect(`${url.origin}${url.pathname}`).toBe(`http://localhost:4569/unit-uploads/${res.key}`);
    expect(url.searchParams.get('X-Amz-SignedHeaders')).toBe('content-length;content-type;host');
    expect(url.searchParams.get('X-Amz-Expires')).toBe('300');
    expect([...url.searchParams.keys()].some((k) => k.toLowerCase().startsWith('x-amz-checksum'))).toBe(false);
    expect(Date.parse(res.expiresAt) - before).toBeGreaterThanOrEqual(299_000);
    expect(res.headers).toEqual([
      { name: 'Content-Type', value: 'image/webp' },
      { name: 'Content-Length', value: '4096' },
    ]);
    const again = await handler({ userId, contentType: 'image/webp', contentLength: 4096 });
    expect(again.key).not.toBe(res.key);
  });
});
