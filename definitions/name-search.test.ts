import { describe, expect, it } from 'vitest';
import { allNameWordKeys, MAX_NAME_WORDS, nameIndexKeys, nameIndexWrites, nameSearchKey, nameWords } from './name-search.ts';

const nfd = (s: string) => s.normalize('NFD');

describe('name words', () => {
  it('lower-case runs of letters and digits; accents fold, punctuation and emoji separate', () => {
    expect(nameWords(nfd('  Ana  MARÍA-José 🌸 O’Brien_2 '))).toEqual(['ana', 'maria', 'jose', 'o', 'brien_2']);
    // A composed and a decomposed "é" give one word.
    expect(nameSearchKey(nfd('Jos\u00E9'))).toBe(nameSearchKey(nfd('Jose\u0301')));
    expect(nameSearchKey(nfd('Ørjan Şahin'))).toBe('ørjan sahin');
  });

  it('keeps scripts whose marks are letters, not accents', () => {
    expect(nameWords(nfd('हिन्दी नाम'))).toEqual(['हिन्दी', 'नाम']);
    // Hangul syllables decompose into jamo (U+1100–U+11FF), which stay: both halves compare the same form.
    expect(nameWords(nfd('김 민준'))).toEqual([nfd('김'), nfd('민준')]);
  });

  it('a prefix with no word has the empty key (searchUsers then skips names)', () => {
    expect(nameSearchKey(nfd(' 🌸 - '))).toBe('');
  });
});

describe('name index', () => {
  it('one key per word start: the name from that word on', () => {
    expect(nameIndexKeys(nfd('Andrew Brown'))).toEqual(['andrew brown', 'brown']);
  });

  it('indexes at most MAX_NAME_WORDS word starts; later words still match with the words before them', () => {
    const words = Array.from({ length: MAX_NAME_WORDS + 3 }, (_, i) => `w${i}`);
    const keys = nameIndexKeys(words.join(' '));
    expect(keys).toHaveLength(MAX_NAME_WORDS);
    expect(keys[MAX_NAME_WORDS - 1]).toBe(words.slice(MAX_NAME_WORDS - 1).join(' '));
  });

  it('puts the name’s rows and removes every other position', () => {
    const { put, remove } = nameIndexWrites('u1', nfd('Ana Ruiz'));
    expect(put).toEqual([
      { pk: 'USER#u1', sk: 'NAMEWORD#0', type: 'NAMEWORD', userId: 'u1', gsi2pk: 'NAME_PREFIX', gsi2sk: 'ana ruiz#u1' },
      { pk: 'USER#u1', sk: 'NAMEWORD#1', type: 'NAMEWORD', userId: 'u1', gsi2pk: 'NAME_PREFIX', gsi2sk: 'ruiz#u1' },
    ]);
    expect([...put.map((r) => r.sk), ...remove.map((k) => k.sk)]).toEqual(allNameWordKeys('u1').map((k) => k.sk));
  });
});
