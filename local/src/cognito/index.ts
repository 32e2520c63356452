/**
 * The offline Cognito user pool: the app's pool and client (`AppDefinition.userPool`) served over
 * Cognito's JSON API, with SRP sign-in, RS256 tokens from per-pool keys, Lambda triggers from
 * `lambdas/` and a local outbox for codes. See docs/cognito.md.
 */
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import type { UserPoolDefinition } from '../app-definition.ts';
import { Decoys } from './decoys/decoys.ts';
import { importUsers, type ImportedUser } from './import/import-users.ts';
import { loadDecoySecret } from './decoys/secret.ts';
import { createCognitoServer, type RequestLog } from './http/server.ts';
import { Outbox } from './outbox/outbox.ts';
import type { Pool } from './pool.ts';
import { SrpServer } from './srp/server.ts';
import { PoolStore } from './store/pool-store.ts';
import { loadPoolKeys } from './tokens/keys.ts';
import { createAccessTokenVerifier } from './tokens/verify.ts';
import { Triggers, type TriggerRefs } from './triggers/triggers.ts';
import type { FunctionEnv } from '../lambda-runtime/function-env.ts';
import type { HostCheck } from '../host-check/host-check.ts';
import { loadLocalCredential, type LocalCredential } from '../iam/local-credential.ts';

export interface StartCognitoOptions {
  /** 0 (the default) picks a free port; `npm start` uses 9229. */
  port?: number;
  /** Interface to bind; also the host in the issuer URL. Default 127.0.0.1. */
  host?: string;
  /** Keys, the decoy secret, users and sessions persist under `<dataDir>/cognito/<poolId>/`; in memory when absent. */
  dataDir?: string;
  /** Handler references (`<file>#<export>`, relative to the repo root). Default: none. */
  triggers?: TriggerRefs;
  /** Environment of the in-process triggers: one for both, or each trigger's own; seen per invocation only. */
  env?: FunctionEnv | ((trigger: keyof TriggerRefs) => FunctionEnv);
  /** pino-compatible logger for one line per request. */
  log?: RequestLog;
  /** Where the outbox prints its code boxes; default stdout, `false` for silence. */
  print?: ((text: string) => void) | false;
  /** The app's pool and client. */
  definition: UserPoolDefinition;
  /** Which Host headers are served (default: loopback + ALLOWED_HOSTS). */
  hostCheck?: HostCheck;
  /** Clock for password lockouts; default Date.now. Tests pass one they can move forward. */
  now?: () => number;
  /**
   * The IAM credential whose SigV4 signature admits Admin actions. The stack passes its own
   * (`stack.iamCredential`); by default the data dir's (iam/local-credential.ts), or a random one.
   */
  iamCredential?: LocalCredential;
}

export interface CognitoHandle {
  url: string;
  userPoolId: string;
  clientId: string;
  issuer: string;
  jwksUri: string;
  /** The credential Admin calls must be signed with (service `cognito-idp`). Never log it. */
  iamCredential: LocalCredential;
  outbox: { latest(email: string): Promise<string | undefined> };
  /** Creates confirmed users in bulk (fixtures; import/import-users.ts). */
  importUsers(users: ImportedUser[]): Promise<void>;
  close(): Promise<void>;
}

/** Starts the pool's HTTP endpoint; resolves once it is listening. */
export async function startCognito(options: StartCognitoOptions): Promise<CognitoHandle> {
  const definition = options.definition;
  const { userPoolId, clientId } = definition.local;
  const host = options.host ?? '127.0.0.1';
  const dir = options.dataDir ? path.join(options.dataDir, 'cognito', userPoolId) : undefined;
  const triggerEnv = options.env;

  const [store, keys, decoySecret, iamCredential] = await Promise.all([
    PoolStore.open(dir),
    loadPoolKeys(dir),
    loadDecoySecret(dir),
    options.iamCredential ?? loadLocalCredential(options.dataDir),
  ]);
  let issuer = '';
  const tokens = {
    get issuer() {
      return issuer;
    },
    clientId,
    accessTokenValidityMinutes: definition.client.accessTokenValidityMinutes,
    idTokenValidityMinutes: definition.client.idTokenValidityMinutes,
    refreshTokenValidityDays: definition.client.refreshTokenValidityDays,
  };
  const print = options.print === false ? undefined : (options.print ?? ((text: string) => void process.stdout.write(text)));
  const pool: Pool = {
    definition,
    userPoolId,
    poolName: userPoolId.split('_')[1],
    clientId,
    store,
    keys,
    srp: new SrpServer(userPoolId.split('_')[1]),
    decoys: new Decoys(decoySecret, store),
    now: options.now ?? Date.now,
    outbox: new Outbox(store, print),
    triggers: new Triggers(options.triggers ?? {}, userPoolId, triggerEnv && ((trigger) => (typeof triggerEnv === 'function' ? triggerEnv(trigger) : triggerEnv))),
    tokens,
    // Replaced below once the port, and so the issuer, is known.
    verifyAccess: () => {
      throw new Error('not listening');
    },
  };
  const server = createCognitoServer(pool, { issuer: () => issuer, hostCheck: options.hostCheck, iamCredentials: [iamCredential] }, options.log);
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, host, () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  const urlHost = host.includes(':') ? `[${host}]` : host === '0.0.0.0' ? '127.0.0.1' : host;
  const url = `http://${urlHost}:${port}`;
  issuer = `${url}/${userPoolId}`;
  pool.verifyAccess = createAccessTokenVerifier(issuer, keys, store);

  return {
    url,
    userPoolId,
    clientId,
    issuer,
    jwksUri: `${issuer}/.well-known/jwks.json`,
    iamCredential,
    outbox: { latest: async (email) => pool.outbox.latest(email) },
    importUsers: (users) => importUsers(pool, users),
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.close((err) => (err ? reject(err) : resolve()));
        server.closeAllConnections();
      }).then(() => store.save()),
  };
}

export { readOutbox } from './outbox/read-outbox.ts';
