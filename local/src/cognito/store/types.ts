/** What the offline pool persists. Passwords appear only as an SRP verifier and a scrypt hash. */
import type { SrpVerifier } from '../srp/server.ts';

export type UserStatus = 'UNCONFIRMED' | 'CONFIRMED' | 'FORCE_CHANGE_PASSWORD' | 'RESET_REQUIRED';
export type CodePurpose = 'signup' | 'reset' | 'verify_email';

export interface CodeRecord {
  /** SHA-256 of the code: the plaintext lives only in the outbox, like a sent email. */
  hash: string;
  expiresAt: number;
  failedAttempts: number;
}

/** Failed password attempts and the lock they caused (sign-in and ChangePassword share them). */
export interface LockState {
  failedSignIns: number;
  lockedUntil?: number;
}

/** Pending one-time codes and recent send times (for LimitExceededException on floods). */
export interface CodeHolder {
  codes: Partial<Record<CodePurpose, CodeRecord>>;
  codeSends: number[];
}

/**
 * What an unknown sign-in name accumulates while existence errors are hidden: the same lockout
 * and code counters a real user would, so probing cannot tell the two apart.
 */
export interface DecoyRecord extends LockState, CodeHolder {
  /** Last use (ms); idle records are pruned. */
  touchedAt: number;
}

export interface UserRecord extends LockState, CodeHolder {
  /** Cognito's immutable username; in an email-as-username pool it is the `sub`. */
  username: string;
  sub: string;
  status: UserStatus;
  enabled: boolean;
  /** All values are strings, as Cognito returns them (`email_verified: "true"`). */
  attributes: Record<string, string>;
  srp: SrpVerifier;
  passwordHash: string;
  createdAt: number;
  updatedAt: number;
  /** Admin-set temporary passwords expire (FORCE_CHANGE_PASSWORD). */
  temporaryPasswordExpiresAt?: number;
}

export interface RefreshRecord {
  username: string;
  clientId: string;
  originJti: string;
  authTime: number;
  expiresAt: number;
}

export interface OutboxMessage {
  to: string;
  subject: string;
  code: string;
  purpose: CodePurpose;
  sentAt: number;
}

export interface PoolState {
  users: Record<string, UserRecord>;
  /** Keyed by SHA-256 of the refresh token; the token itself is not stored. */
  refreshTokens: Record<string, RefreshRecord>;
  /** origin_jti → when the tokens it links to have all expired (ms); tokens with these are refused. */
  revokedOriginJtis: Record<string, number>;
  outbox: OutboxMessage[];
  /** Keyed by a keyed hash of the unknown sign-in name, never the name itself; absent in older files. */
  decoys?: Record<string, DecoyRecord>;
}
