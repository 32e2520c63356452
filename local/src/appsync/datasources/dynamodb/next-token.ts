/**
 * AppSync's `nextToken` is opaque (an encrypted blob, base64 — never the raw LastEvaluatedKey).
 * Offline it is the LastEvaluatedKey sealed with AES-256-GCM, so clients cannot read or forge it;
 * the key is derived from a secret that is stable across restarts unless one is given.
 */
import { createCipheriv, createDecipheriv, createHash, randomBytes } from 'node:crypto';
import type { AttributeValue } from '@aws-sdk/client-dynamodb';
import { toAttributeMap, RequestShapeError } from './values.ts';

type Key = Record<string, AttributeValue>;

export class NextTokenCodec {
  private readonly key: Buffer;

  constructor(secret = 'cruddur-local nextToken v1') {
    this.key = createHash('sha256').update(secret).digest();
  }

  encode(lastEvaluatedKey: Key | undefined): string | null {
    if (!lastEvaluatedKey) return null;
    const iv = randomBytes(12);
    const cipher = createCipheriv('aes-256-gcm', this.key, iv);
    const plain = JSON.stringify(toWire(lastEvaluatedKey));
    const sealed = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
    const envelope = JSON.stringify({ version: 1, token: Buffer.concat([iv, cipher.getAuthTag(), sealed]).toString('base64') });
    return Buffer.from(envelope).toString('base64');
  }

  /** @throws RequestShapeError for a token this codec did not issue. */
  decode(token: unknown): Key | undefined {
    if (token === undefined || token === null) return undefined;
    try {
      const envelope = JSON.parse(Buffer.from(String(token), 'base64').toString('utf8')) as { token: string };
      const raw = Buffer.from(envelope.token, 'base64');
      const decipher = createDecipheriv('aes-256-gcm', this.key, raw.subarray(0, 12));
      decipher.setAuthTag(raw.subarray(12, 28));
      const plain = Buffer.concat([decipher.update(raw.subarray(28)), decipher.final()]).toString('utf8');
      return toAttributeMap(JSON.parse(plain), 'nextToken');
    } catch {
      throw new RequestShapeError('Invalid nextToken');
    }
  }
}

/** Binary values survive JSON as base64 (the only non-JSON wire type a key can hold). */
function toWire(key: Key): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(key)) out[k] = v.B ? { B: Buffer.from(v.B).toString('base64') } : v;
  return out;
}
