import { describe, expect, it } from 'vitest';
import { guest, run, S, user } from './lib/testing/evaluate.ts';

const FILE = 'Query.uploadStatus.[table].ts';
const hex = 'ab'.repeat(16);

describe('Query.uploadStatus', () => {
  it('reads the caller’s own upload status (avatars and images), consistently', async () => {
    for (const key of [`uploads/u1/${hex}.png`, `uploads/u1/media/${hex}.webp`]) {
      const ev = await run(FILE, 'request', { args: { key }, identity: user('u1') });
      expect(ev.value).toEqual({ operation: 'GetItem', key: { pk: S('USER#u1'), sk: S(`UPLOAD#${hex}`) }, consistentRead: true });
    }
  });

  it.each([
    ['someone else’s upload', `uploads/u2/media/${hex}.jpg`, user('u1'), 'Unauthorized'],
    ['a guest', `uploads/u1/media/${hex}.jpg`, guest, 'Unauthorized'],
    ['a key that is not an upload', `avatars/u1/${hex}/512.webp`, user('u1'), 'ValidationError'],
  ])('refuses %s', async (_name, key, identity, errorType) => {
    const ev = await run(FILE, 'request', { args: { key }, identity });
    expect(ev.error?.errorType).toBe(errorType);
  });

  it('is PROCESSING until the thumbnailer writes, then READY or REJECTED with its message', async () => {
    const key = `uploads/u1/media/${hex}.jpg`;
    const later = Math.floor(Date.now() / 1000) + 600;
    expect((await run(FILE, 'response', { args: { key }, result: null })).value).toEqual({ key, state: 'PROCESSING', message: null, url: null });
    expect((await run(FILE, 'response', { args: { key }, result: { state: 'READY', url: 'https://x/1600.webp', expiresAt: later } })).value).toEqual({ key, state: 'READY', message: null, url: 'https://x/1600.webp' });
    expect((await run(FILE, 'response', { args: { key }, result: { state: 'REJECTED', message: 'Only JPEG, PNG and WebP images are accepted.', expiresAt: later } })).value).toMatchObject({ state: 'REJECTED', message: 'Only JPEG, PNG and WebP images are accepted.' });
  });
});
