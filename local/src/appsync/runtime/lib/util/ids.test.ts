import { randomBytes } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { autoId, autoKsuid, autoUlid, installRandom } from './ids.ts';

beforeAll(() => installRandom((n) => [...randomBytes(n)]));

describe('generated ids', () => {
  it('autoId is a lower-case RFC 4122 version 4 UUID', () => {
    expect(autoId()).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(autoId()).not.toBe(autoId());
  });

  it('autoUlid is 26 Crockford base32 characters starting with the time', () => {
    const ulid = autoUlid(1469918176385);
    expect(ulid).toMatch(/^[0-9A-HJKMNP-TV-Z]{26}$/);
    expect(ulid.slice(0, 10)).toBe('01ARYZ6S41'); // the ULID spec README: ulid(1469918176385) starts 01ARYZ6S41
  });

  it('autoKsuid is 27 base62 characters that sort by time', () => {
    const a = autoKsuid(Date.UTC(2020, 0, 1));
    const b = autoKsuid(Date.UTC(2024, 0, 1));
    expect(a).toMatch(/^[0-9A-Za-z]{27}$/);
    expect(a < b).toBe(true);
  });
});
