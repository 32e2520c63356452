/**
 * A throwaway Postgres server for tests: the Debian `postgresql` package's binaries
 * (`/usr/lib/postgresql/<version>/bin`), `initdb` into a temp dir and `pg_ctl start` on a free
 * loopback port, stopped and deleted after. initdb refuses to run as root (CI runs as root), so
 * as root both run as `nobody` through `runuser`, in a dir that user owns.
 *
 * When the binaries are missing the cases using it are skipped with the reason, unless
 * REQUIRE_POSTGRES=1 (set by .ci/run), which turns that into a failure.
 */
import { execFile } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';

const exec = promisify(execFile);
const ROOT = '/usr/lib/postgresql';
const USER = 'nobody';

/** The newest installed server's bin dir, if any. */
export function findPostgresBin(): string | undefined {
  let versions: string[];
  try {
    versions = fs.readdirSync(ROOT).filter((v) => /^\d+$/.test(v));
  } catch {
    return undefined;
  }
  versions.sort((a, b) => Number(b) - Number(a));
  return versions.map((v) => path.join(ROOT, v, 'bin')).find((bin) => fs.existsSync(path.join(bin, 'initdb')) && fs.existsSync(path.join(bin, 'pg_ctl')));
}

/**
 * Why real-Postgres cases cannot run here (undefined when they can). Throws when
 * REQUIRE_POSTGRES=1 and they cannot, so CI never passes by skipping them.
 */
export function postgresUnavailableReason(): string | undefined {
  const isRoot = process.getuid?.() === 0;
  const reason = !findPostgresBin()
    ? `no Postgres server binaries under ${ROOT}/*/bin (apt-get install postgresql)`
    : isRoot && !fs.existsSync('/usr/sbin/runuser') && !fs.existsSync('/sbin/runuser')
      ? 'running as root without runuser to drop privileges for initdb'
      : undefined;
  if (reason && process.env.REQUIRE_POSTGRES === '1') throw new Error(`REQUIRE_POSTGRES=1 but ${reason}`);
  return reason;
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

export interface PostgresServer {
  /** A connection URL for `database` (default `postgres`). */
  url(database?: string): string;
  /** Creates a fresh, empty database and returns its URL. */
  createDatabase(): Promise<string>;
  stop(): Promise<void>;
}

/** Starts a server; call `stop()` (in afterAll) to stop it and delete its files. */
export async function startPostgresServer(): Promise<PostgresServer> {
  const bin = findPostgresBin();
  if (!bin) throw new Error(postgresUnavailableReason() ?? 'no Postgres binaries');
  const asRoot = process.getuid?.() === 0;
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cruddur-pg-'));
  const data = path.join(dir, 'data');
  const run = (tool: string, args: string[]) => (asRoot ? exec('runuser', ['-u', USER, '--', path.join(bin, tool), ...args]) : exec(path.join(bin, tool), args));
  if (asRoot) {
    const { stdout } = await exec('id', ['-u', USER]);
    const uid = Number(stdout.trim());
    fs.chownSync(dir, uid, uid);
  }
  await run('initdb', ['-D', data, '-U', 'postgres', '--auth=trust', '--encoding=UTF8', '--no-sync']);
  const port = await freePort();
  // Unix socket in the private dir; TCP on loopback only; fsync off: a test server needs no crash safety.
  const opts = `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1 -c fsync=off -c max_connections=40`;
  await run('pg_ctl', ['-D', data, '-l', path.join(dir, 'log'), '-o', opts, '-w', '-t', '60', 'start']);
  let n = 0;
  const url = (database = 'postgres') => `postgres://postgres@127.0.0.1:${port}/${database}`;
  return {
    url,
    async createDatabase() {
      const name = `test_${process.pid}_${++n}`;
      await run('psql', ['-h', dir, '-p', String(port), '-U', 'postgres', '-d', 'postgres', '-qc', `CREATE DATABASE ${name}`]);
      return url(name);
    },
    async stop() {
      await run('pg_ctl', ['-D', data, '-m', 'immediate', '-w', 'stop']).catch(() => undefined);
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}
