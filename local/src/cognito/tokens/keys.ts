/**
 * The pool's signing keys: one RSA key pair for ID tokens and another for access tokens, as
 * Cognito uses (different `kid`s). Generated on first start into `<dataDir>/cognito/<poolId>/keys.json`
 * (mode 0600), or kept in memory without a data dir. Never shipped in the repository.
 */
import { createHash, createPrivateKey, createPublicKey, generateKeyPairSync, type KeyObject } from 'node:crypto';
import path from 'node:path';
import { readJson, writeJsonAtomic } from '../store/atomic-file.ts';

export interface SigningKey {
  kid: string;
  privateKey: KeyObject;
  publicJwk: Jwk;
}

export interface Jwk {
  kty: 'RSA';
  alg: 'RS256';
  use: 'sig';
  kid: string;
  n: string;
  e: string;
}

export interface PoolKeys {
  id: SigningKey;
  access: SigningKey;
  jwks: { keys: Jwk[] };
}

interface StoredKeys {
  id: string;
  access: string;
}

function toSigningKey(pem: string): SigningKey {
  const privateKey = createPrivateKey(pem);
  const { n, e } = createPublicKey(privateKey).export({ format: 'jwk' }) as { n: string; e: string };
  // A stable kid derived from the public key, base64 like Cognito's.
  const kid = createHash('sha256').update(n).digest('base64');
  return { kid, privateKey, publicJwk: { kty: 'RSA', alg: 'RS256', use: 'sig', kid, n, e } };
}

function generatePem(): string {
  return generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey.export({ format: 'pem', type: 'pkcs8' }) as string;
}

/** Loads the pool's keys from `dir`, generating and saving them when absent; in memory when `dir` is undefined. */
export async function loadPoolKeys(dir: string | undefined): Promise<PoolKeys> {
  const file = dir && path.join(dir, 'keys.json');
  let stored = file ? await readJson<StoredKeys>(file) : undefined;
  if (!stored) {
    stored = { id: generatePem(), access: generatePem() };
    if (file) await writeJsonAtomic(file, stored);
  }
  const id = toSigningKey(stored.id);
  const access = toSigningKey(stored.access);
  return { id, access, jwks: { keys: [id.publicJwk, access.publicJwk] } };
}
