/**
 * Can timing tell an unknown sign-in name from a user? Runs the offline pool in-process and
 * times failed sign-ins, interleaved, for users and unknown names: USER_PASSWORD_AUTH, and both
 * USER_SRP_AUTH steps. Prints medians and the unknown/known ratio (≈ 1.00 means no signal).
 * Each name fails at most 4 times, below the lockout. Env: EXISTENCE_SAMPLES (default 40).
 */
import { randomBytes } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import { callCognito } from '../../local/src/cognito/client.ts';
import { startCognito, type CognitoHandle } from '../../local/src/cognito/index.ts';
import { N, g, modPow } from '../../local/src/cognito/srp/math.ts';
import { createUser } from '../../local/src/cognito/testing/helpers.ts';
import { srpClaim, type SrpChallenge } from '../../local/src/cognito/testing/srp-client.ts';
import { userPool as cruddurPool } from '../../definitions/user-pool.ts';

const samples = Number(process.env.EXISTENCE_SAMPLES ?? 40);
const perName = 4;

async function timed(run: () => Promise<unknown>): Promise<number> {
  const start = performance.now();
  await run().catch(() => undefined);
  return performance.now() - start;
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

/** One failed USER_SRP_AUTH round: the time of each request (the client's proof is not timed). */
async function srpRound(c: CognitoHandle, USERNAME: string): Promise<[number, number]> {
  const a = BigInt('0x' + randomBytes(128).toString('hex'));
  const A = modPow(g, a, N);
  let challenge: SrpChallenge | undefined;
  const begin = await timed(async () => {
    challenge = await callCognito<SrpChallenge>(c.url, 'InitiateAuth', { ClientId: c.clientId, AuthFlow: 'USER_SRP_AUTH', AuthParameters: { USERNAME, SRP_A: A.toString(16) } });
  });
  const responses = srpClaim(c, { a, A, params: challenge!.ChallengeParameters }, 'Wrong-Pass-1');
  const respond = await timed(() => callCognito(c.url, 'RespondToAuthChallenge', { ClientId: c.clientId, ChallengeName: 'PASSWORD_VERIFIER', ChallengeResponses: responses }));
  return [begin, respond];
}

const c = await startCognito({ definition: cruddurPool, print: false });
try {
  const users = Math.ceil(samples / perName);
  const known: string[] = [];
  for (let i = 0; i < users * 2; i++) {
    known.push(`bench-${i}@example.com`);
    await createUser(c, known[i], `bench_${i}`);
  }
  const times = { password: { known: [] as number[], unknown: [] as number[] }, srpBegin: { known: [] as number[], unknown: [] as number[] }, srpProof: { known: [] as number[], unknown: [] as number[] } };
  const passwordAuth = (USERNAME: string) => () => callCognito(c.url, 'InitiateAuth', { ClientId: c.clientId, AuthFlow: 'USER_PASSWORD_AUTH', AuthParameters: { USERNAME, PASSWORD: 'Wrong-Pass-1' } });
  for (let i = 0; i < samples; i++) {
    const user = Math.floor(i / perName);
    // Users 0..n−1 for USER_PASSWORD_AUTH, n..2n−1 for SRP, so no name nears the lockout.
    times.password.known.push(await timed(passwordAuth(known[user])));
    times.password.unknown.push(await timed(passwordAuth(`nobody-pw-${user}@example.com`)));
    // Alternate which goes first, so warm-up and GC fall on both sides alike.
    const first = i % 2 === 0;
    const [ub0, up0] = first ? [0, 0] : await srpRound(c, `nobody-srp-${user}@example.com`);
    const [kb, kp] = await srpRound(c, known[users + user]);
    const [ub, up] = first ? await srpRound(c, `nobody-srp-${user}@example.com`) : [ub0, up0];
    times.srpBegin.known.push(kb);
    times.srpBegin.unknown.push(ub);
    times.srpProof.known.push(kp);
    times.srpProof.unknown.push(up);
  }
  console.log(`failed sign-ins, ${samples} samples each (median ms)`);
  console.log('step                        known   unknown   unknown/known');
  for (const [step, { known: k, unknown: u }] of Object.entries(times)) {
    const label = { password: 'USER_PASSWORD_AUTH', srpBegin: 'USER_SRP_AUTH InitiateAuth', srpProof: 'USER_SRP_AUTH proof' }[step]!;
    console.log(`${label.padEnd(26)} ${median(k).toFixed(2).padStart(7)} ${median(u).toFixed(2).padStart(9)} ${(median(u) / median(k)).toFixed(2).padStart(15)}`);
  }
} finally {
  await c.close();
}
