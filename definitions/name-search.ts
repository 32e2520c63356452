/**
 * Search by any word of a display name (docs/data-model.md, "Search by name"): a name is folded to
 * words, and each word start gets one index row whose gsi2 sort key is the name from that word on
 * ("andrew brown", "brown"), so a query matches a prefix of any word, and of the words after it.
 * Read by `searchUsers`, written by every profile writer (PostConfirmation, updateProfile, the
 * large-fixture builder, the backfill), removed by `deleteAccount`.
 *
 * Every function here expects NFD text: the caller decomposes first (resolvers with
 * `util.str.normalize(s, 'nfd')`, Lambdas and scripts with `String.prototype.normalize('NFD')`), so
 * accents fold away: "José" is found by "jose" and by "josé". Written in the APPSYNC_JS subset
 * (see text.ts): no regex, no loops but array methods.
 */
import { codePoints, inRanges } from './text.ts';
import { isTokenChar } from './text-tokens.ts';
import { gsi, ItemType, nameWordKey, type Key } from './keys.ts';

/** Positions of a name's words that get an index row; later words are found with the words before them. */
const POSITIONS = [0, 1, 2, 3, 4, 5, 6, 7];
export const MAX_NAME_WORDS = POSITIONS.length;

/** Diacritics of Latin, Greek and Cyrillic (what NFD splits off "é", "ñ", "ö"): folded away. */
const FOLDED_MARKS: Array<[string, string]> = [['\u0300', '\u036F']];

/**
 * The words of an NFD name as search compares them: runs of letters and digits (text-tokens.ts),
 * lower case, Latin/Greek/Cyrillic diacritics dropped. Punctuation and emoji separate words, so
 * "Mary-Jane" is "mary", "jane".
 */
export function nameWords(nfd: string): string[] {
  const words: string[] = [];
  let word = '';
  codePoints(nfd).forEach((cp) => {
    if (inRanges(cp, FOLDED_MARKS)) return;
    if (isTokenChar(cp)) {
      word = word + cp.toLowerCase();
      return;
    }
    if (word !== '') words.push(word);
    word = '';
  });
  if (word !== '') words.push(word);
  return words;
}

/** What a query compares against the index: its words joined by one space ('' when it has none). */
export function nameSearchKey(nfd: string): string {
  return nameWords(nfd).join(' ');
}

/** The index keys of a name: the name from each of its first MAX_NAME_WORDS words on. */
export function nameIndexKeys(nfd: string): string[] {
  const words = nameWords(nfd);
  return words.slice(0, MAX_NAME_WORDS).map((_, i) => words.slice(i).join(' '));
}

/** One index row: `USER#<id>` / `NAMEWORD#<position>`, on gsi2 `NAME_PREFIX` / `<key>#<id>`. */
export interface NameWordRow extends Key {
  type: 'NAMEWORD';
  userId: string;
  gsi2pk: string;
  gsi2sk: string;
}

/**
 * What a profile writer puts and deletes so that exactly `nfd`'s rows exist: rows at positions
 * 0…n-1, and every later position removed (a shorter new name leaves none of the old words
 * behind). Keys by position, so a writer needs no read of the old name and the whole set is one
 * transaction (at most 1 + MAX_NAME_WORDS items with the profile update).
 */
export function nameIndexWrites(userId: string, nfd: string): { put: NameWordRow[]; remove: Key[] } {
  const keys = nameIndexKeys(nfd);
  const put = keys.map((k, i) => Object.assign(nameWordKey(userId, i), { type: ItemType.NAMEWORD, userId, gsi2pk: gsi.namePrefix, gsi2sk: `${k}#${userId}` }));
  const remove = allNameWordKeys(userId).slice(keys.length);
  return { put, remove };
}

/** Every position a user's index rows may occupy (deleteAccount removes them all). */
export function allNameWordKeys(userId: string): Key[] {
  return POSITIONS.map((i) => nameWordKey(userId, i));
}
