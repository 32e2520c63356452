/**
 * Bulk creation of confirmed users with known passwords, for fixtures: the offline counterpart of
 * a Cognito user import job (CreateUserImportJob), which also creates users without sign-up,
 * codes or triggers. Unlike an import job (whose users must reset their password), these get the
 * password given, so people can sign in as any of them; their profiles are the fixture's job.
 * The stored secrets are the real ones (SRP verifier and scrypt hash per user); the hashes run on
 * libuv's thread pool, and the pool file is written once at the end.
 */
import { CognitoError } from '../errors.ts';
import type { Pool } from '../pool.ts';
import { newUser } from '../actions/users.ts';

export interface ImportedUser {
  /** Becomes the username too (an email-as-username pool). */
  sub: string;
  email: string;
  password: string;
  /** Other attributes (name, preferred_username …). */
  attributes: Record<string, string>;
}

/** How many scrypt hashes run at once (libuv's default pool has 4 threads). */
const CONCURRENCY = 4;

export async function importUsers(pool: Pool, users: ImportedUser[]): Promise<void> {
  for (const u of users) {
    if (pool.store.findBySignInName(u.email)) throw new CognitoError('UsernameExistsException', `An account with the email ${u.email} already exists.`);
  }
  let next = 0;
  const worker = async () => {
    while (next < users.length) {
      const u = users[next++];
      const record = await newUser(pool, { ...u.attributes, email: u.email, email_verified: 'true' }, u.password, 'CONFIRMED', u.sub);
      pool.store.putUser(record);
    }
  };
  await Promise.all(Array.from({ length: CONCURRENCY }, worker));
  await pool.store.save();
}
