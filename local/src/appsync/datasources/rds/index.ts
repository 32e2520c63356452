/**
 * The RELATIONAL_DATABASE data source ("AWS AppSync JavaScript resolver function reference for
 * Amazon RDS"): the request object `{ statements, variableMap, variableTypeHintMap }` that
 * `createPgStatement` builds (at most two statements, `:P0`… variables) runs as AppSync runs it,
 * one Data API ExecuteStatement per statement with result metadata, in order, stopping at the
 * first failure. AWS documents no transaction around the two, so none is added (decision 022).
 * The response handler gets the JSON text of `{ sqlStatementResults: [{ records, columnMetadata,
 * numberOfRecordsUpdated, generatedFields }] }`, which `toJsonObject` parses. The statements go
 * through the same Data API operations the offline endpoint serves, in process (no HTTP hop).
 * A Data API error becomes `ctx.error` as AppSync reports it: message `RDSHttp:{"message":…}`,
 * type the HTTP status line (aws/aws-cdk#12735, sid88in/serverless-appsync-plugin#462).
 */
import { STATUS_CODES } from 'node:http';
import { DataApiError } from '../../../data-api/errors.ts';
import type { DataApi, ExecuteStatementResponse, Field, SqlParameter, TypeHint } from '../../../data-api/index.ts';
import type { DataSource, DataSourceResponse } from '../types.ts';

export interface RdsDataSourceOptions {
  name: string;
  api: DataApi;
  /** The cluster and secret the data source is configured with. */
  resourceArn: string;
  secretArn: string;
  /** The data source's database name. */
  database: string;
}

const MAX_STATEMENTS = 2;

const isMap = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

const mappingError = (message: string): DataSourceResponse => ({ result: null, error: { type: 'MappingTemplate', message } });

/** A variable's JS value as a Data API Field (objects and lists travel as JSON text). */
function toField(value: unknown): Field {
  if (value === null || value === undefined) return { isNull: true };
  if (typeof value === 'string') return { stringValue: value };
  if (typeof value === 'boolean') return { booleanValue: value };
  if (typeof value === 'number') return Number.isInteger(value) ? { longValue: value } : { doubleValue: value };
  return { stringValue: JSON.stringify(value) };
}

function parameters(variableMap: Record<string, unknown>, hints: Record<string, unknown>): SqlParameter[] {
  return Object.entries(variableMap).map(([key, value]) => {
    const hint = hints[key];
    const field = hint !== undefined && typeof value !== 'string' && value !== null ? { stringValue: JSON.stringify(value) } : toField(value);
    return { name: key.replace(/^:/, ''), value: field, ...(hint !== undefined ? { typeHint: hint as TypeHint } : {}) };
  });
}

function statementResult(r: ExecuteStatementResponse): Record<string, unknown> {
  return {
    numberOfRecordsUpdated: r.numberOfRecordsUpdated,
    ...(r.records ? { records: r.records } : {}),
    ...(r.columnMetadata ? { columnMetadata: r.columnMetadata } : {}),
    ...(r.generatedFields ? { generatedFields: r.generatedFields } : {}),
  };
}

export function createRdsDataSource(options: RdsDataSourceOptions): DataSource {
  return {
    name: options.name,
    type: 'RELATIONAL_DATABASE',
    async invoke(request: unknown): Promise<DataSourceResponse> {
      if (!isMap(request)) return mappingError('The request of a RELATIONAL_DATABASE data source must be an object with statements.');
      const { statements, variableMap = {}, variableTypeHintMap = {} } = request;
      if (!Array.isArray(statements) || statements.length === 0 || !statements.every((s) => typeof s === 'string')) {
        return mappingError('statements must be a non-empty list of SQL strings.');
      }
      if (statements.length > MAX_STATEMENTS) return mappingError(`A request runs at most ${MAX_STATEMENTS} statements.`);
      if (!isMap(variableMap) || !isMap(variableTypeHintMap)) return mappingError('variableMap and variableTypeHintMap must be objects.');
      const params = parameters(variableMap, variableTypeHintMap);
      const results: Record<string, unknown>[] = [];
      try {
        for (const sql of statements as string[]) {
          const r = await options.api.executeStatement({ resourceArn: options.resourceArn, secretArn: options.secretArn, database: options.database, sql, parameters: params, includeResultMetadata: true });
          results.push(statementResult(r));
        }
      } catch (err) {
        const e = err instanceof DataApiError ? err : new DataApiError('InternalServerErrorException', String(err));
        return { result: null, error: { message: `RDSHttp:${JSON.stringify({ message: e.message })}`, type: `${e.status} ${STATUS_CODES[e.status] ?? ''}`.trim() } };
      }
      return { result: JSON.stringify({ sqlStatementResults: results }) };
    },
  };
}
