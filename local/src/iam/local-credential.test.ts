import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { credentialFile, loadLocalCredential } from './local-credential.ts';

const dirs: string[] = [];
const tempDir = async () => {
  const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'cruddur-iam-'));
  dirs.push(dir);
  return dir;
};
afterAll(() => Promise.all(dirs.map((d) => fs.rm(d, { recursive: true, force: true }))));

const mode = async (file: string) => (await fs.stat(file)).mode & 0o777;

describe('local IAM credential', () => {
  it('is created in the data dir with mode 0600, shaped like an IAM key pair, and reused on restart', async () => {
    const dir = await tempDir();
    const first = await loadLocalCredential(dir);
    expect(first.accessKeyId).toMatch(/^AKIA[A-Z2-7]{16}$/);
    expect(first.secretAccessKey).toHaveLength(40);
    expect(await mode(credentialFile(dir))).toBe(0o600);
    expect(await mode(path.dirname(credentialFile(dir)))).toBe(0o700);
    expect(await loadLocalCredential(dir)).toEqual(first);
  });

  it('differs between data dirs and between in-memory starts', async () => {
    const [a, b] = [await loadLocalCredential(await tempDir()), await loadLocalCredential(await tempDir())];
    expect(a.accessKeyId).not.toBe(b.accessKeyId);
    expect(a.secretAccessKey).not.toBe(b.secretAccessKey);
    const [m1, m2] = [await loadLocalCredential(undefined), await loadLocalCredential(undefined)];
    expect(m1.secretAccessKey).not.toBe(m2.secretAccessKey);
  });

  it('does not depend on the AWS_* environment', async () => {
    const saved = { id: process.env.AWS_ACCESS_KEY_ID, secret: process.env.AWS_SECRET_ACCESS_KEY };
    Object.assign(process.env, { AWS_ACCESS_KEY_ID: 'AKIADEVELOPERREAL001', AWS_SECRET_ACCESS_KEY: 'developer-secret' });
    try {
      const c = await loadLocalCredential(await tempDir());
      expect(c.accessKeyId).not.toBe('AKIADEVELOPERREAL001');
      expect(c.secretAccessKey).not.toBe('developer-secret');
    } finally {
      for (const [k, v] of [['AWS_ACCESS_KEY_ID', saved.id], ['AWS_SECRET_ACCESS_KEY', saved.secret]] as const) {
        if (v === undefined) delete process.env[k];
        else process.env[k] = v;
      }
    }
  });

  it('tightens a widened file mode and replaces a torn file', async () => {
    const dir = await tempDir();
    const first = await loadLocalCredential(dir);
    await fs.chmod(credentialFile(dir), 0o644);
    expect(await loadLocalCredential(dir)).toEqual(first);
    expect(await mode(credentialFile(dir))).toBe(0o600);
    await fs.writeFile(credentialFile(dir), '{"accessKeyId":');
    const replaced = await loadLocalCredential(dir);
    expect(replaced.accessKeyId).not.toBe(first.accessKeyId);
    expect(await loadLocalCredential(dir)).toEqual(replaced);
    expect(await mode(credentialFile(dir))).toBe(0o600);
  });
});
