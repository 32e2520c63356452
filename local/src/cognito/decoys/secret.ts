/**
 * The pool's decoy secret: 32 random bytes, generated on first start into
 * `<dataDir>/cognito/<poolId>/decoy-secret.json` (mode 0600), in memory without a data dir. Fake
 * salts and user ids for unknown names derive from it, so they stay the same across restarts
 * but cannot be computed by someone who knows only the pool id and the name.
 */
import { randomBytes } from 'node:crypto';
import path from 'node:path';
import { readJson, writeJsonAtomic } from '../store/atomic-file.ts';

/** Loads the secret from `dir`, generating and saving it when absent. */
export async function loadDecoySecret(dir: string | undefined): Promise<Buffer> {
  const file = dir && path.join(dir, 'decoy-secret.json');
  const stored = file ? await readJson<{ secret: string }>(file) : undefined;
  if (stored && typeof stored.secret === 'string' && Buffer.from(stored.secret, 'base64').length === 32) return Buffer.from(stored.secret, 'base64');
  const secret = randomBytes(32);
  if (file) await writeJsonAtomic(file, { secret: secret.toString('base64') });
  return secret;
}
