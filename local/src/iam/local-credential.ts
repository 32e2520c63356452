/**
 * The offline stack's IAM credential: the key pair backend publishers (stream consumers, the
 * thumbnail Lambda, scripts) sign with, and the only one the local AppSync and S3 accept for IAM.
 * It is random per data dir (kept in `<dataDir>/iam/credentials.json`, mode 0600) or per start in
 * memory, and never taken from the developer's own AWS_* environment: a fixed key in the
 * repository, or a developer's real key echoed back, would let anyone who knows it forge
 * `publish*` mutations and write to the buckets.
 */
import { randomBytes, randomInt } from 'node:crypto';
import fs from 'node:fs/promises';
import path from 'node:path';
import { writeJsonAtomic } from '../cognito/store/atomic-file.ts';

/** A long-term access key pair, shaped like IAM's (`AKIA` + 16 characters, 40-character secret). */
export interface LocalCredential {
  accessKeyId: string;
  secretAccessKey: string;
}

/** Where the credential of a data dir lives. */
export const credentialFile = (dataDir: string): string => path.join(dataDir, 'iam', 'credentials.json');

// IAM access key ids use upper-case letters and the digits 2–7 after the 4-letter prefix.
const KEY_ID_ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';

/** A fresh random key pair. */
export function generateCredential(): LocalCredential {
  let id = 'AKIA';
  for (let i = 0; i < 16; i++) id += KEY_ID_ALPHABET[randomInt(KEY_ID_ALPHABET.length)];
  // 30 random bytes → 40 base64 characters, the length of an IAM secret access key.
  return { accessKeyId: id, secretAccessKey: randomBytes(30).toString('base64') };
}

function isCredential(value: unknown): value is LocalCredential {
  const v = value as Partial<LocalCredential> | null;
  return typeof v?.accessKeyId === 'string' && /^AKIA[A-Z2-7]{16}$/.test(v.accessKeyId) && typeof v.secretAccessKey === 'string' && v.secretAccessKey.length >= 40;
}

async function readExisting(file: string): Promise<LocalCredential | undefined> {
  let text: string;
  try {
    text = await fs.readFile(file, 'utf8');
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw err;
  }
  try {
    const parsed: unknown = JSON.parse(text);
    return isCredential(parsed) ? parsed : undefined;
  } catch {
    // A torn or hand-edited file: nothing else holds this key, so a new one costs nothing.
    return undefined;
  }
}

/**
 * The credential of `dataDir`, created on first use; a new random one when `dataDir` is
 * undefined (in-memory stacks). The file is (re)written and kept at mode 0600.
 */
export async function loadLocalCredential(dataDir: string | undefined): Promise<LocalCredential> {
  if (!dataDir) return generateCredential();
  const file = credentialFile(dataDir);
  const existing = await readExisting(file);
  if (existing) {
    // A copy or an editor may have widened the mode; only the owner should read the secret.
    await fs.chmod(file, 0o600);
    return { accessKeyId: existing.accessKeyId, secretAccessKey: existing.secretAccessKey };
  }
  const credential = generateCredential();
  // Atomic (a crash leaves no torn key), mode 0600 in a 0700 directory.
  await writeJsonAtomic(file, credential, 0o600);
  return credential;
}
