import { describe, expect, it } from 'vitest';
import { uploadKeyPattern } from './buckets.ts';
import { mediaKeys, parseUploadKey } from './media.ts';

const hex = '0123456789abcdef'.repeat(2);

describe('parseUploadKey', () => {
  it('tells avatars from crud images and names the owner and the upload', () => {
    expect(parseUploadKey(`uploads/sub-1/${hex}.png`)).toEqual({ userId: 'sub-1', uploadId: hex, purpose: 'avatar' });
    expect(parseUploadKey(`uploads/sub-1/media/${hex}.webp`)).toEqual({ userId: 'sub-1', uploadId: hex, purpose: 'media' });
  });

  it('agrees with the avatar key pattern on avatar keys', () => {
    const key = `uploads/0f8fad5b-d9cb-469f-a165-70867728950e/${hex}.jpg`;
    expect(uploadKeyPattern.test(key)).toBe(true);
    expect(parseUploadKey(key)?.purpose).toBe('avatar');
  });

  it.each([
    `uploads/sub/${hex}.gif`,
    `uploads/sub/${hex.toUpperCase()}.jpg`,
    `uploads/sub/${hex.slice(1)}.jpg`,
    `uploads/sub/other/${hex}.jpg`,
    `uploads/sub/media/extra/${hex}.jpg`,
    `uploads/../media/${hex}.jpg`,
    `uploads/${'a'.repeat(65)}/${hex}.jpg`,
    `uploads//${hex}.jpg`,
    `avatars/sub/${hex}/512.webp`,
    `uploads/sub/${hex}.jpg.png`,
    '',
  ])('refuses %j', (key) => {
    expect(parseUploadKey(key)).toBeNull();
  });
});

describe('mediaKeys', () => {
  it('lists every rendition of one upload', () => {
    expect(mediaKeys('sub', hex)).toEqual([`media/sub/${hex}/1600.webp`, `media/sub/${hex}/640.webp`]);
  });
});
