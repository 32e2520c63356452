/**
 * Server-side `#hashtags` and `@mentions`: definitions/text.ts's tokenizer (shared with the web
 * app's links) on the NFC form of the text, so "café" typed composed or decomposed is one tag.
 */
import { util } from '@aws-appsync/utils';
import { foldTag, tokensOf } from '../../definitions/text-tokens.ts';
import { nameIndexWrites, nameSearchKey as nameKeyOfNfd } from '../../definitions/name-search.ts';

export { MAX_TOKENS } from '../../definitions/text-tokens.ts';

const nfc = (text: string): string => util.str.normalize(text, 'nfc');

/** Distinct folded tags of a crud's message, in order of first appearance. */
export const hashtagsOf = (text: string): string[] => tokensOf(nfc(text), 'hashtag');
/** Distinct folded mentions of a crud's message, in order of first appearance. */
export const mentionsOf = (text: string): string[] => tokensOf(nfc(text), 'mention');

/** A hashtag argument as users type it (`#Café`, `café`) in its stored form, or '' if invalid. */
export const normalizeTag = (tag: string): string => foldTag(nfc(tag));

const nfd = (text: string): string => util.str.normalize(text, 'nfd');

/** A search prefix as the name index compares it: accents and case folded (definitions/name-search.ts). */
export const nameSearchKey = (text: string): string => nameKeyOfNfd(nfd(text));
/** The name-index rows to put and delete for `userId`'s new display name. */
export const nameIndexFor = (userId: string, displayName: string) => nameIndexWrites(userId, nfd(displayName));
