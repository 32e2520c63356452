import { describe, expect, it } from 'vitest';
import { foldTag, MAX_TOKENS, tokenize, tokensOf } from './text-tokens.ts';
import { run, user } from '../resolvers/lib/testing/evaluate.ts';

const tags = (text: string) => tokensOf(text.normalize('NFC'), 'hashtag');
const mentions = (text: string) => tokensOf(text.normalize('NFC'), 'mention');

describe('hashtag and mention tokenizer', () => {
  it('finds tokens at the start, after spaces and punctuation, lower-cased and de-duplicated', () => {
    expect(tags('#AWS is fun, (#cloud) #aws #Cloud_Camp!')).toEqual(['aws', 'cloud', 'cloud_camp']);
    expect(mentions('@andrewbrown: cc @Bayko.')).toEqual(['andrewbrown', 'bayko']);
  });

  it('ignores markers inside words (emails), bare markers and doubled markers', () => {
    expect(mentions('mail me at bayko@exampro.co or @ alone')).toEqual([]);
    expect(tags('C# and ## and #')).toEqual([]);
    expect(tags('café#x')).toEqual([]);
  });

  it('ends a token at the first character that cannot be part of one', () => {
    expect(mentions("@londo's ship")).toEqual(['londo']);
    expect(tags('#b5-rules')).toEqual(['b5']);
  });

  it('keeps Unicode letters and digits whole, NFC and case-folded', () => {
    expect(tags('#café #naïve_tag')).toEqual(['café', 'naïve_tag']);
    expect(tags('#CAFÉ #cafe\u0301')).toEqual(['café']);
    expect(tags('#日本語 #한국어 #Ελλάδα #Москва #عربي #हिन्दी #ไทย #٣')).toEqual(['日本語', '한국어', 'ελλάδα', 'москва', 'عربي', 'हिन्दी', 'ไทย', '٣']);
    expect(tags('＃全角 and #emoji😀')).toEqual(['全角', 'emoji']);
    expect(mentions('@Zoë, hi')).toEqual(['zoë']);
  });

  it(`keeps at most ${MAX_TOKENS} tokens`, () => {
    const text = Array.from({ length: 15 }, (_, i) => `#t${i}`).join(' ');
    expect(tags(text)).toHaveLength(MAX_TOKENS);
  });

  it('splits a text into plain runs and tokens that join back to the text', () => {
    const text = 'Hi @Ana, see #Café! a@b.c';
    const parts = tokenize(text);
    expect(parts).toEqual([
      { kind: 'text', text: 'Hi ' },
      { kind: 'mention', text: '@Ana', value: 'ana' },
      { kind: 'text', text: ', see ' },
      { kind: 'hashtag', text: '#Café', value: 'café' },
      { kind: 'text', text: '! a@b.c' },
    ]);
    expect(parts.map((p) => p.text).join('')).toBe(text);
  });

  it('folds hashtag arguments the way tags are stored', () => {
    expect(foldTag(' #Cloud ')).toBe('cloud');
    expect(foldTag('Café')).toBe('café');
    expect(foldTag('#no spaces')).toBe('');
    expect(foldTag('#')).toBe('');
  });

  it('gives the same answer inside the APPSYNC_JS runtime, decomposed input included (createCrud, hashtagCruds)', async () => {
    const message = "#AWS @Bayko's mail: x@y.z (#cloud) #aws #cafe\u0301 #naïve_tag @Zoë";
    const ev = await run('Mutation.createCrud/2.write.[table].ts', 'request', { args: { message }, identity: user('u1') });
    const item = ev.stash.item as { hashtags: string[]; mentions: string[] };
    expect(item.hashtags).toEqual(['aws', 'cloud', 'café', 'naïve_tag']);
    expect(item.mentions).toEqual(['bayko', 'zoë']);
    const read = await run('Query.hashtagCruds/1.tagRows.[table].ts', 'request', { args: { tag: '#CAFE\u0301' }, stash: {} });
    expect(JSON.stringify(read.value)).toContain('TAG#café');
  });
});
