/**
 * The client side of USER_SRP_AUTH built from the formulas in `../srp/math.ts` (as Amplify computes
 * them), for tests
 * that must see or tamper with what Amplify hides (SALT, SRP_B, the proof).
 */
import { createHmac, randomBytes } from 'node:crypto';
import { callCognito } from '../client.ts';
import type { CognitoHandle } from '../index.ts';
import { N, computeU, computeX, derivePasswordKey, g, k, modPow } from '../srp/math.ts';
import { formatTimestamp } from '../srp/timestamp.ts';

export interface SrpChallenge {
  ChallengeName: string;
  ChallengeParameters: { SALT: string; SRP_B: string; SECRET_BLOCK: string; USER_ID_FOR_SRP: string; USERNAME: string };
}

export interface SrpSession {
  a: bigint;
  A: bigint;
  params: SrpChallenge['ChallengeParameters'];
}

/** InitiateAuth USER_SRP_AUTH for `username` with a fresh `a` (or the given A). */
export async function srpBegin(c: CognitoHandle, username: string, A?: bigint): Promise<SrpSession> {
  const a = BigInt('0x' + randomBytes(128).toString('hex'));
  const bigA = A ?? modPow(g, a, N);
  const out = await callCognito<SrpChallenge>(c.url, 'InitiateAuth', { ClientId: c.clientId, AuthFlow: 'USER_SRP_AUTH', AuthParameters: { USERNAME: username, SRP_A: bigA.toString(16) } });
  return { a, A: bigA, params: out.ChallengeParameters };
}

/** The PASSWORD_VERIFIER responses proving `password` for the challenge, signed at `when`. */
export function srpClaim(c: CognitoHandle, session: SrpSession, password: string, when = new Date()): Record<string, string> {
  const poolName = c.userPoolId.split('_')[1];
  const { SALT, SRP_B, SECRET_BLOCK, USER_ID_FOR_SRP } = session.params;
  const B = BigInt('0x' + SRP_B);
  const u = computeU(session.A, B);
  const x = computeX(poolName, USER_ID_FOR_SRP, password, BigInt('0x' + SALT));
  const base = (((B - k * modPow(g, x, N)) % N) + N) % N;
  const S = modPow(base, session.a + u * x, N);
  const key = derivePasswordKey(S, u);
  const TIMESTAMP = formatTimestamp(when);
  const signature = createHmac('sha256', key).update(poolName).update(USER_ID_FOR_SRP).update(Buffer.from(SECRET_BLOCK, 'base64')).update(TIMESTAMP).digest('base64');
  return { USERNAME: USER_ID_FOR_SRP, PASSWORD_CLAIM_SECRET_BLOCK: SECRET_BLOCK, TIMESTAMP, PASSWORD_CLAIM_SIGNATURE: signature };
}

/** RespondToAuthChallenge PASSWORD_VERIFIER. */
export const srpRespond = (c: CognitoHandle, ChallengeResponses: Record<string, string>) =>
  callCognito<{ AuthenticationResult?: { AccessToken: string } }>(c.url, 'RespondToAuthChallenge', { ClientId: c.clientId, ChallengeName: 'PASSWORD_VERIFIER', ChallengeResponses });
