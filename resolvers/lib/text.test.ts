import { describe, expect, it } from 'vitest';
import { extractTokens, hashtagsOf, mentionsOf, normalizeTag, MAX_TOKENS } from './text.ts';
import { run, user } from './testing/evaluate.ts';

describe('hashtag and mention scanner', () => {
  it('finds tokens at the start, after spaces and punctuation, lower-cased and de-duplicated', () => {
    expect(hashtagsOf('#AWS is fun, (#cloud) #aws #Cloud_Camp!')).toEqual(['aws', 'cloud', 'cloud_camp']);
    expect(mentionsOf('@andrewbrown: cc @Bayko.')).toEqual(['andrewbrown', 'bayko']);
  });

  it('ignores markers inside words (emails), bare markers and doubled markers', () => {
    expect(mentionsOf('mail me at bayko@exampro.co or @ alone')).toEqual([]);
    expect(hashtagsOf('C# and ## and #')).toEqual([]);
  });

  it('ends a token at the first non-word character', () => {
    expect(mentionsOf("@londo's ship")).toEqual(['londo']);
    expect(hashtagsOf('#b5-rules')).toEqual(['b5']);
  });

  it(`keeps at most ${MAX_TOKENS} tokens`, () => {
    const text = Array.from({ length: 15 }, (_, i) => `#t${i}`).join(' ');
    expect(extractTokens(text, '#')).toHaveLength(MAX_TOKENS);
  });

  it('normalizes hashtag arguments', () => {
    expect(normalizeTag(' #Cloud ')).toBe('cloud');
    expect(normalizeTag('cloud')).toBe('cloud');
    expect(normalizeTag('#no spaces')).toBe('');
    expect(normalizeTag('#')).toBe('');
  });

  it('gives the same answer inside the APPSYNC_JS runtime (through createCrud)', async () => {
    const message = "#AWS @Bayko's mail: x@y.z (#cloud) #aws";
    const ev = await run('Mutation.createCrud/2.write.[table].ts', 'request', { args: { message }, identity: user('u1') });
    const item = ev.stash.item as { hashtags: string[]; mentions: string[] };
    expect(item.hashtags).toEqual(hashtagsOf(message));
    expect(item.mentions).toEqual(mentionsOf(message));
  });
});
