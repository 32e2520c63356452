/**
 * CreateTable, DescribeTable, UpdateTable and DeleteTable through the front, which owns the
 * tables' stream settings (`StreamSpecification`, streams/settings.ts). With the embedded store
 * (dynalite ignores StreamSpecification) the front validates and keeps them, and adds
 * `StreamSpecification`, `LatestStreamArn` and `LatestStreamLabel` to the table descriptions it
 * relays (API_TableDescription). With an external store, the store's own answers are relayed and
 * the front only learns the settings from them.
 */
import type { Backend, BackendResponse } from '../backend.ts';
import type { StreamHub } from '../streams/hub.ts';
import type { StreamSpecification } from '../streams/settings.ts';
import type { ItemReader, TableDescription } from './items.ts';
import { awsError, type FrontResponse } from './protocol.ts';

export interface TableContext {
  backend: Backend;
  hub: StreamHub;
  reader: ItemReader;
  /** Runs table changes under the write lock, so no write sees a table mid-change. */
  exclusive<T>(fn: () => Promise<T>): Promise<T>;
}

/** Takes an external store's stream settings from a table description it sent. */
export function observeStream(hub: StreamHub, tableName: string, table: TableDescription | undefined): void {
  const spec = table?.StreamSpecification;
  if (spec?.StreamEnabled) hub.settings.apply(tableName, spec as StreamSpecification);
  else if (table) hub.settings.apply(tableName, { StreamEnabled: false });
}

const succeeded = (res: BackendResponse) => res.status >= 200 && res.status < 300;

/** Adds the stream fields to the description under `field` (`Table` or `TableDescription`). */
function withStream(res: BackendResponse, field: 'Table' | 'TableDescription', tableName: string, hub: StreamHub): FrontResponse {
  const body = JSON.parse(res.body) as Record<string, Record<string, unknown> | undefined>;
  if (body[field]) body[field] = { ...body[field], ...hub.describe(tableName) };
  return { status: res.status, body: JSON.stringify(body) };
}

/** Fields of UpdateTable other than the table name and StreamSpecification that change something. */
function otherUpdates(input: Record<string, unknown>): Record<string, unknown> | null {
  const rest = { ...input };
  delete rest.StreamSpecification;
  const changes = Object.keys(rest).filter((k) => k !== 'TableName' && k !== 'AttributeDefinitions');
  return changes.length ? rest : null;
}

export async function tableOperation(operation: string, input: Record<string, unknown>, ctx: TableContext): Promise<FrontResponse> {
  const { backend, hub, reader } = ctx;
  const tableName = typeof input.TableName === 'string' ? input.TableName : '';
  const forward = (request = input) => backend.call(operation, request);
  const changeTable = async (run: () => Promise<FrontResponse>) => {
    try {
      return await ctx.exclusive(run);
    } finally {
      reader.forget(tableName);
    }
  };

  if (!backend.embedded) {
    const res = operation === 'DescribeTable' ? await forward() : await changeTable(() => forward());
    if (!succeeded(res)) return res;
    if (operation === 'DeleteTable') hub.settings.forget(tableName);
    else {
      const body = JSON.parse(res.body) as { Table?: TableDescription; TableDescription?: TableDescription };
      observeStream(hub, tableName, body.Table ?? body.TableDescription);
    }
    return res;
  }

  switch (operation) {
    case 'DescribeTable': {
      const res = await forward();
      return succeeded(res) ? withStream(res, 'Table', tableName, hub) : res;
    }
    case 'CreateTable':
      return changeTable(async () => {
        const spec = input.StreamSpecification;
        const invalid = spec === undefined ? null : hub.settings.check(tableName, spec, null);
        if (invalid) return awsError('ValidationException', invalid);
        const res = await forward();
        if (!succeeded(res)) return res;
        if (spec) hub.settings.apply(tableName, spec as StreamSpecification);
        return withStream(res, 'TableDescription', tableName, hub);
      });
    case 'UpdateTable':
      return changeTable(async () => {
        const spec = input.StreamSpecification;
        if (spec === undefined) return forward();
        const described = await backend.call('DescribeTable', { TableName: tableName });
        if (!succeeded(described)) return described;
        const invalid = hub.settings.check(tableName, spec, { current: hub.settings.viewType(tableName) });
        if (invalid) return awsError('ValidationException', invalid);
        const rest = otherUpdates(input);
        const res = rest ? await forward(rest) : described;
        if (!succeeded(res)) return res;
        hub.settings.apply(tableName, spec as StreamSpecification);
        const body = JSON.parse(res.body) as { Table?: unknown; TableDescription?: unknown };
        return withStream({ status: 200, body: JSON.stringify({ TableDescription: body.TableDescription ?? body.Table }) }, 'TableDescription', tableName, hub);
      });
    default: {
      const res = await changeTable(() => forward());
      if (succeeded(res)) hub.settings.forget(tableName);
      return res;
    }
  }
}
