/**
 * Every text a person writes goes through definitions/text.ts inside the APPSYNC_JS runtime:
 * the same bundles AppSync runs, evaluated by the offline runtime.
 */
import { describe, expect, it } from 'vitest';
import { charCount, TEXT_LIMITS } from '../definitions/text.ts';
import { run, user } from './lib/testing/evaluate.ts';

const FAMILY = '👨\u200D👩\u200D👧\u200D👦';

/** Each writing mutation, the argument it validates, and its limit. */
const FIELDS = [
  { file: 'Mutation.createCrud/2.write.[table].ts', arg: 'message', max: TEXT_LIMITS.crud, extra: {} },
  { file: 'Mutation.replyToCrud/resolver.ts', arg: 'message', max: TEXT_LIMITS.crud, extra: { crudId: 'c1' } },
  { file: 'Mutation.sendMessage/resolver.ts', arg: 'body', max: TEXT_LIMITS.message, extra: { toHandle: 'bayko' } },
  { file: 'Mutation.updateProfile/resolver.ts', arg: 'displayName', max: TEXT_LIMITS.displayName, extra: {} },
  { file: 'Mutation.updateProfile/resolver.ts', arg: 'bio', max: TEXT_LIMITS.bio, extra: {} },
] as const;

const request = (f: (typeof FIELDS)[number], value: string) =>
  run(f.file, 'request', { args: { ...f.extra, [f.arg]: value }, identity: user('u1') });

describe.each(FIELDS)('$file $arg', (f) => {
  it.each([
    ['zero-width spaces only', '\u200B\u200B\u200B', 'blank'],
    ['U+3164 Hangul filler only', '\u3164', 'blank'],
    ['NUL only', '\u0000', 'control'],
    ['a NUL inside text', 'hi\u0000there', 'control'],
    ['a lone high surrogate', 'hi \uD83D', 'malformed'],
    ['a lone low surrogate', '\uDE00', 'malformed'],
  ])('refuses %s with ValidationError and writes nothing', async (_name, value, reason) => {
    const ev = await request(f, value);
    expect(ev.error?.errorType).toBe('ValidationError');
    expect(ev.error?.errorInfo).toMatchObject({ field: f.arg, reason });
    expect(ev.value).toBeUndefined();
  });

  it(`accepts ${f.max} emoji and refuses ${f.max + 1}`, async () => {
    const ok = await request(f, '😀'.repeat(f.max));
    expect(ok.error).toBeUndefined();
    const over = await request(f, '😀'.repeat(f.max + 1));
    expect(over.error?.errorType).toBe('ValidationError');
    expect(over.error?.message).toBe(`${f.arg} must be at most ${f.max} characters`);
    expect(over.value).toBeUndefined();
  });

  it('counts a family emoji as its seven code points, as the web counter does', async () => {
    expect(charCount(FAMILY)).toBe(7);
    const fits = FAMILY.repeat(Math.floor(f.max / 7)) + 'x'.repeat(f.max % 7);
    expect(charCount(fits)).toBe(f.max);
    expect((await request(f, fits)).error).toBeUndefined();
    expect((await request(f, `${fits}x`)).error?.errorType).toBe('ValidationError');
  });
});

describe('an empty bio still clears it', () => {
  it('stores "" for a blank bio but refuses one made only of invisible characters', async () => {
    const cleared = await run('Mutation.updateProfile/resolver.ts', 'request', { args: { bio: '   ' }, identity: user('u1') });
    expect(cleared.error).toBeUndefined();
    expect(JSON.stringify(cleared.stash.update)).toContain('":bio":{"S":""}');
    const hidden = await run('Mutation.updateProfile/resolver.ts', 'request', { args: { bio: '\u200B' }, identity: user('u1') });
    expect(hidden.error).toMatchObject({ errorType: 'ValidationError', message: 'bio must be empty or contain visible characters' });
  });
});

describe('the inbox preview', () => {
  it('cuts the last message at 100 code points, never inside an emoji', async () => {
    const body = `${'a'.repeat(99)}😀 and more`;
    const ev = await run('Mutation.sendMessage/2.write.[table].ts', 'request', {
      identity: user('u1'),
      stash: { conversationId: 'u1_u2', callerId: 'u1', peerId: 'u2', body },
    });
    expect(ev.error).toBeUndefined();
    const previews = JSON.stringify(ev.value).match(/":lbody":\{"S":"[^"]*"/g) ?? [];
    expect(previews).toHaveLength(2);
    for (const p of previews) expect(p).toBe(`":lbody":{"S":"${'a'.repeat(99)}😀"`);
  });
});
