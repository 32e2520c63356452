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

export interface UserRecord {
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
  failedSignIns: number;
  lockedUntil?: number;
  /** Admin-set temporary passwords expire (FORCE_CHANGE_PASSWORD). */
  temporaryPasswordExpiresAt?: number;
  codes: Partial<Record<CodePurpose, CodeRecord>>;
  /** Send times of recent codes, for LimitExceededException on resend floods. */
  codeSends: number[];
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
}
