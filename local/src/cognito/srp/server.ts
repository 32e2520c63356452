/**
 * The server side of Cognito's USER_SRP_AUTH → PASSWORD_VERIFIER exchange. Challenge state (b, B, A,
 * user) stays here, keyed by a random single-use SECRET_BLOCK, so the client needs no Session.
 */
import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import diagnostics from 'node:diagnostics_channel';
import { N, k, computeU, computeX, derivePasswordKey, modPow, padHex, randomBigInt } from './math.ts';
import { powG, powMod } from './pow.ts';
import { CognitoError } from '../errors.ts';
import { parseTimestamp } from './timestamp.ts';

/** What the pool stores per user instead of a password: the SRP salt and verifier (hex). */
export interface SrpVerifier {
  salt: string;
  verifier: string;
}

/** Derives the verifier v = g^x at sign-up and password change; the password itself is never kept. */
export function createVerifier(poolName: string, userIdForSrp: string, password: string): SrpVerifier {
  // The client re-encodes SALT with padHex(BigInt(SALT)), so keep the salt canonical from the start.
  const salt = randomBigInt(16, randomBytes);
  const x = computeX(poolName, userIdForSrp, password, salt);
  return { salt: padHex(salt), verifier: padHex(powG(x)) };
}

/** Publishes `{ real }` each time a password proof is computed, so callers can see the work was done. */
export const srpProofChannel = diagnostics.channel('cruddur.cognito.srp-proof');

/** Whom a challenge was issued to. */
export interface ChallengeSubject {
  userIdForSrp: string;
  /** The name the client signed in with (decoy records are kept under it). */
  signInName: string;
  /** False for the decoy challenge sent for unknown users: it can never verify. */
  real: boolean;
}

interface PendingChallenge extends ChallengeSubject {
  A: bigint;
  B: bigint;
  b: bigint;
  v: bigint;
  expiresAt: number;
}

export interface Challenge {
  SALT: string;
  SRP_B: string;
  SECRET_BLOCK: string;
}

/** How long a PASSWORD_VERIFIER challenge can be answered (Cognito sessions last 3 minutes by default). */
const challengeTtlMs = 3 * 60_000;
/** Open challenges kept at most; beyond it new ones are refused (a flood must not exhaust memory). */
export const maxPendingChallenges = 10_000;
/** Clock skew accepted on the client's TIMESTAMP. */
const timestampSkewMs = 5 * 60_000;

export class SrpServer {
  private readonly pending = new Map<string, PendingChallenge>();

  constructor(readonly poolName: string) {}

  /**
   * Answers SRP_A for `subject` with its salt and verifier. For a decoy (fake salt and verifier,
   * `real: false`) the work and the shapes are the same; only the proof can never succeed.
   * Returns undefined when A ≡ 0 (mod N), which SRP-6a requires the server to refuse.
   */
  begin(srpAHex: string, subject: ChallengeSubject, { salt, verifier }: SrpVerifier): Challenge | undefined {
    const A = BigInt('0x' + srpAHex);
    if (A % N === 0n) return undefined;
    this.sweep();
    if (this.pending.size >= maxPendingChallenges) throw new CognitoError('TooManyRequestsException', 'Too many requests');
    const v = BigInt('0x' + verifier);
    let b: bigint;
    let B: bigint;
    do {
      b = randomBigInt(128, randomBytes);
      B = (k * v + powG(b)) % N;
    } while (B === 0n);
    const secretBlock = randomBytes(64).toString('base64');
    const { userIdForSrp, signInName, real } = subject;
    this.pending.set(secretBlock, { userIdForSrp, signInName, real, A, B, b, v, expiresAt: Date.now() + challengeTtlMs });
    return { SALT: salt, SRP_B: B.toString(16), SECRET_BLOCK: secretBlock };
  }

  /**
   * Checks PASSWORD_CLAIM_SIGNATURE. Returns the userIdForSrp on success, undefined on any failure
   * (unknown or reused secret block, wrong user, stale timestamp, wrong password). Single use.
   */
  verify(responses: { USERNAME?: string; PASSWORD_CLAIM_SECRET_BLOCK?: string; TIMESTAMP?: string; PASSWORD_CLAIM_SIGNATURE?: string }, now = Date.now()): string | undefined {
    const secretBlock = responses.PASSWORD_CLAIM_SECRET_BLOCK ?? '';
    const state = this.pending.get(secretBlock);
    if (!state) return undefined;
    this.pending.delete(secretBlock);
    if (state.expiresAt < now) return undefined;
    const timestamp = parseTimestamp(responses.TIMESTAMP ?? '');
    if (!timestamp || Math.abs(timestamp.getTime() - now) > timestampSkewMs) return undefined;
    const u = computeU(state.A, state.B);
    if (u === 0n) return undefined;
    // A decoy goes through the same exponentiation and HMAC as a real proof: only the result differs.
    if (srpProofChannel.hasSubscribers) srpProofChannel.publish({ real: state.real });
    const S = powMod((state.A * modPow(state.v, u, N)) % N, state.b);
    const key = derivePasswordKey(S, u);
    const expected = createHmac('sha256', key)
      .update(Buffer.from(this.poolName, 'utf8'))
      .update(Buffer.from(state.userIdForSrp, 'utf8'))
      .update(Buffer.from(secretBlock, 'base64'))
      .update(Buffer.from(responses.TIMESTAMP ?? '', 'utf8'))
      .digest();
    const given = Buffer.from(responses.PASSWORD_CLAIM_SIGNATURE ?? '', 'base64');
    const matches = given.length === expected.length && timingSafeEqual(given, expected);
    return matches && state.real ? state.userIdForSrp : undefined;
  }

  /** Whom a pending challenge was issued to (to check USERNAME and find the lockout counters). */
  subjectOf(secretBlock: string): ChallengeSubject | undefined {
    const state = this.pending.get(secretBlock);
    return state && { userIdForSrp: state.userIdForSrp, signInName: state.signInName, real: state.real };
  }

  private sweep(now = Date.now()): void {
    for (const [key, state] of this.pending) if (state.expiresAt < now) this.pending.delete(key);
  }
}
