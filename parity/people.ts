/**
 * People the parity scenarios create and remove, the way the app's users arrive: sign-up with the
 * real Amplify client, confirmation through the pool's administrator API (an emailed code cannot be
 * read against AWS; AdminConfirmSignUp runs the same PostConfirmation trigger that creates the
 * profile), sign-in with Amplify. Removal deletes the profile (the app's deleteAccount) and then the
 * pool user (AdminDeleteUser). Names are unique per run, so runs against one stack never collide.
 */
import { randomBytes } from 'node:crypto';
import { signUp } from 'aws-amplify/auth';
import { afterAll, beforeAll } from 'vitest';
import { currentAccessToken, graphql, startSignIn } from './amplify-session.ts';
import { poolAdmin, type PoolAdmin } from './pool-admin.ts';
import { connectTarget } from './target.ts';

export interface Person {
  handle: string;
  email: string;
  password: string;
  /** Cognito access token, the Lambda-mode authorization token. */
  token: string;
  /** The profile id (`me.id`), which subscriptions take as recipientId. */
  id: string;
}

/** Addresses go to this domain: against AWS, sign-up really sends a verification email. */
const emailDomain = process.env.PARITY_EMAIL_DOMAIN ?? 'example.com';
const runId = randomBytes(3).toString('hex');

/** A handle (3–20 of a–z, 0–9, _) and email unique to this run. */
export function newIdentity(label: string): { handle: string; email: string; password: string } {
  const handle = `p_${label}_${runId}${randomBytes(1).toString('hex')}`.slice(0, 20);
  return { handle, email: `${handle}@${emailDomain}`, password: `Parity-${randomBytes(6).toString('base64url')}-1a!` };
}

export async function createPerson(admin: PoolAdmin, label: string): Promise<Person> {
  const who = newIdentity(label);
  const { nextStep } = await signUp({
    username: who.email,
    password: who.password,
    options: { userAttributes: { email: who.email, name: `Parity ${label}`, preferred_username: who.handle } },
  });
  if (nextStep.signUpStep !== 'CONFIRM_SIGN_UP') throw new Error(`sign-up of ${who.email}: unexpected step ${nextStep.signUpStep}`);
  await admin.confirmSignUp(who.email);
  const signedIn = await startSignIn(who.email, who.password);
  if (signedIn.nextStep.signInStep !== 'DONE') throw new Error(`sign-in of ${who.email}: unexpected step ${signedIn.nextStep.signInStep}`);
  const token = await currentAccessToken();
  const me = await graphql<{ me: { id: string; handle: string } }>(token, '{ me { id handle } }');
  if (!me.data?.me) throw new Error(`no profile for ${who.email}: ${JSON.stringify(me.errors)}`);
  return { ...who, token, id: me.data.me.id };
}

/** Deletes the profile, then the pool user; safe to call for a person half created. */
export async function removePerson(admin: PoolAdmin, person: Pick<Person, 'email'> & Partial<Person>): Promise<void> {
  if (person.token) await graphql(person.token, 'mutation { deleteAccount }').catch(() => undefined);
  await admin.deleteUser(person.email);
}

/**
 * For a test file: creates the people named by `labels` before its tests (on the target
 * connectTarget() reads) and removes them after. Read them from the returned record in tests.
 */
export function peopleOfThisFile<L extends string>(...labels: L[]): Record<L, Person> {
  const people = {} as Record<L, Person>;
  let admin: PoolAdmin | undefined;
  beforeAll(async () => {
    admin = poolAdmin(connectTarget());
    for (const label of labels) people[label] = await createPerson(admin, label);
  }, 180_000);
  afterAll(async () => {
    if (!admin) return;
    for (const label of labels) if (people[label]) await removePerson(admin, people[label]);
    admin.close();
  }, 120_000);
  return people;
}
