/**
 * The NONE data source: the request object's `payload` becomes `ctx.result`
 * ("resolver-reference-none-js.html"). Used for local-only logic and for publish mutations.
 */
import type { DataSource, DataSourceResponse } from './types.ts';

export function createNoneDataSource(name = 'NONE'): DataSource {
  return {
    name,
    type: 'NONE',
    invoke(request: unknown): Promise<DataSourceResponse> {
      const payload = request !== null && typeof request === 'object' ? (request as { payload?: unknown }).payload : undefined;
      return Promise.resolve({ result: payload ?? null });
    },
  };
}
