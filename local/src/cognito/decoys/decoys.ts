/**
 * Stand-ins for sign-in names that match no user, used while the client hides existence errors
 * (PreventUserExistenceErrors = ENABLED). Cognito documents that an unknown name gets "the same
 * salt and internal user id in UUID format for the same user name and user pool combination"
 * and a generic NotAuthorizedException at the proof (Developer Guide, "Managing user existence
 * error responses"). Everything here is a keyed hash of the normalised name under the pool's
 * decoy secret: stable per name, unguessable without the secret, shaped like the real thing.
 */
import { createHmac } from 'node:crypto';
import { formatHash } from '../password/hash.ts';
import type { SrpVerifier } from '../srp/server.ts';
import { N, padHex } from '../srp/math.ts';
import type { PoolStore } from '../store/pool-store.ts';
import type { DecoyRecord } from '../store/types.ts';

/** Decoy records kept at most; the least recently created go first (a name flood must not grow the file forever). */
export const maxDecoyRecords = 10_000;

/** Unknown names are matched as emails are: trimmed, case-insensitive. */
const normalise = (name: string) => name.trim().toLowerCase();

export class Decoys {
  constructor(
    private readonly secret: Buffer,
    private readonly store: PoolStore,
  ) {}

  /**
   * `bytes` of HMAC-SHA256 output in counter mode under a per-name key, labelled so each use gets
   * independent bytes. The name is read once, however long it is.
   */
  private derive(label: string, name: string, bytes = 32): Buffer {
    const nameKey = createHmac('sha256', this.secret).update(normalise(name)).digest();
    const blocks: Buffer[] = [];
    for (let i = 0; blocks.length * 32 < bytes; i++) blocks.push(createHmac('sha256', nameKey).update(`${label}\0${i}`).digest());
    return Buffer.concat(blocks).subarray(0, bytes);
  }

  /** A version-4-shaped UUID, as real usernames are in an email-as-username pool. */
  srpUserId(name: string): string {
    const h = this.derive('user-id', name, 16).toString('hex');
    return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-${'89ab'[parseInt(h[16], 16) % 4]}${h.slice(17, 20)}-${h.slice(20, 32)}`;
  }

  /**
   * A salt drawn like a real one (16 bytes) and a verifier below N. The verifier is never
   * revealed (B hides it behind g^b), so it needs no exponentiation: the known path reads its
   * verifier from the store, this one hashes, and both then do the same work for B.
   */
  srpVerifier(name: string): SrpVerifier {
    const salt = BigInt('0x' + this.derive('salt', name, 16).toString('hex'));
    const v = BigInt('0x' + this.derive('verifier', name, 400).toString('hex')) % N;
    return { salt: padHex(salt), verifier: padHex(v) };
  }

  /** An scrypt hash at the real cost that no password matches, so verifying it costs what a real check costs. */
  passwordHash(name: string): string {
    return formatHash(this.derive('hash-salt', name, 16), this.derive('hash-key', name, 32));
  }

  /** The lockout and code counters for `name`, created on first use; the caller saves the store. */
  record(name: string, now = Date.now()): DecoyRecord {
    const key = 'd' + this.derive('record', name, 16).toString('hex');
    let record = this.store.decoys.get(key);
    if (!record) {
      if (this.store.decoys.size >= maxDecoyRecords) this.store.decoys.delete(this.store.decoys.keys().next().value!);
      record = { failedSignIns: 0, codes: {}, codeSends: [], touchedAt: now };
      this.store.decoys.set(key, record);
    }
    record.touchedAt = now;
    return record;
  }
}
