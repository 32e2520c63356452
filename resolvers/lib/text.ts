/**
 * Server-side `#hashtags` and `@mentions`: definitions/text.ts's tokenizer (shared with the web
 * app's links) on the NFC form of the text, so "café" typed composed or decomposed is one tag.
 */
import { util } from '@aws-appsync/utils';
import { foldTag, tokensOf } from '../../definitions/text-tokens.ts';

export { MAX_TOKENS } from '../../definitions/text-tokens.ts';

const nfc = (text: string): string => util.str.normalize(text, 'nfc');

/** Distinct folded tags of a crud's message, in order of first appearance. */
export const hashtagsOf = (text: string): string[] => tokensOf(nfc(text), 'hashtag');
/** Distinct folded mentions of a crud's message, in order of first appearance. */
export const mentionsOf = (text: string): string[] => tokensOf(nfc(text), 'mention');

/** A hashtag argument as users type it (`#Café`, `café`) in its stored form, or '' if invalid. */
export const normalizeTag = (tag: string): string => foldTag(nfc(tag));
