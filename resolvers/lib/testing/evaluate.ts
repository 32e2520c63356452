/**
 * Test helper (Node only, never bundled into a resolver): bundles a resolver file with the same
 * recipe the engine and CDK use, compiles it in the offline APPSYNC_JS runtime and evaluates its
 * handlers with a crafted ctx — the offline twin of `aws appsync evaluate-code`.
 */
import path from 'node:path';
import { bundleResolver, resolversDir } from '../../../definitions/resolvers.ts';
import { compileCode, evaluate, type CompiledCode, type Evaluation } from '../../../local/src/appsync/runtime/index.ts';

const cache = new Map<string, Promise<CompiledCode>>();

/** Compiles `resolvers/<relative>` once per test process. */
export function load(relative: string): Promise<CompiledCode> {
  let code = cache.get(relative);
  if (!code) {
    const file = path.join(resolversDir, relative);
    code = bundleResolver(file).then((src) => compileCode(src, path.basename(file)));
    cache.set(relative, code);
  }
  return code;
}

export const TABLE = 'cruddur-test';

export interface CtxInput {
  args?: Record<string, unknown>;
  identity?: Record<string, unknown> | null;
  source?: Record<string, unknown> | null;
  stash?: Record<string, unknown>;
  result?: unknown;
  error?: { message: string; type: string } | null;
  prev?: { result: unknown };
  /** Paths the client selected below the field (`ctx.info.selectionSetList`). */
  info?: { selectionSetList: string[] };
}

/** A ctx as AppSync builds it, with `env.TABLE_NAME` set. */
export function ctx(input: CtxInput = {}): Record<string, unknown> {
  const args = input.args ?? {};
  return {
    arguments: args,
    args,
    identity: input.identity === undefined ? null : input.identity,
    source: input.source ?? null,
    stash: input.stash ?? {},
    result: input.result ?? null,
    error: input.error ?? undefined,
    prev: input.prev ?? { result: null },
    request: { headers: {}, domainName: null },
    info: { fieldName: 'f', parentTypeName: 'T', variables: {}, selectionSetList: input.info?.selectionSetList ?? [], selectionSetGraphQL: '' },
    env: { TABLE_NAME: TABLE },
  };
}

/** Lambda-authorizer identity of a signed-in user. */
export const user = (sub: string, handle = sub): Record<string, unknown> => ({ resolverContext: { sub, username: sub, handle } });
/** Lambda-authorizer identity of a logged-out visitor. */
export const guest: Record<string, unknown> = { resolverContext: { guest: 'true' } };
/** Cognito user-pool identity (the explorer). */
export const cognito = (sub: string): Record<string, unknown> => ({ sub, issuer: 'http://localhost/pool', username: sub, claims: { sub, token_use: 'access' }, sourceIp: [], defaultAuthStrategy: 'ALLOW', groups: null });
/** IAM identity (the stream consumers). */
export const iam: Record<string, unknown> = { accountId: '000000000000', userArn: 'arn:aws:iam::000000000000:user/publisher', username: 'publisher', sourceIp: [] };

export async function run(relative: string, fn: 'request' | 'response', input: CtxInput = {}): Promise<Evaluation> {
  const code = await load(relative);
  const evaluation = evaluate(code, fn, ctx(input));
  if (evaluation.runtimeError) throw new Error(`${relative} ${fn}: ${evaluation.runtimeError.message} at ${evaluation.runtimeError.file}:${evaluation.runtimeError.line}`);
  return evaluation;
}

/** A typed DynamoDB string/number as AppSync's util.dynamodb writes them. */
export const S = (s: string) => ({ S: s });
export const N = (n: number) => ({ N: n });
