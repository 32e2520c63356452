/**
 * toJsonObject (`@aws-appsync/utils/rds` and `util.rds`): a Data API ExecuteStatement result, as
 * the JSON text AppSync puts in `ctx.result` (or already parsed), to one array per statement of
 * row objects keyed by column label (else name). SQL NULLs are left out of the row; a statement
 * without records (INSERT/UPDATE/DELETE) gives `[{}]`. Shapes recorded from EvaluateCode; field
 * types per the Data API `Field` and `ArrayValue` unions.
 */
import { refuse } from '../util/code-error.ts';
import { isMap } from './values.ts';

type Row = Record<string, unknown>;

function arrayValue(a: unknown): unknown {
  if (!isMap(a)) return [];
  if (Array.isArray(a.arrayValues)) return a.arrayValues.map(arrayValue);
  for (const key of ['stringValues', 'longValues', 'doubleValues', 'booleanValues']) if (Array.isArray(a[key])) return a[key];
  return [];
}

function fieldValue(f: unknown): unknown {
  if (!isMap(f) || f.isNull === true) return null;
  if ('arrayValue' in f) return arrayValue(f.arrayValue);
  for (const key of ['stringValue', 'longValue', 'doubleValue', 'booleanValue', 'blobValue']) if (key in f) return f[key];
  return null;
}

function statementRows(result: Record<string, unknown>): Row[] {
  if (!Array.isArray(result.records)) return [{}];
  const meta = Array.isArray(result.columnMetadata) ? result.columnMetadata : [];
  return result.records.map((record: unknown) => {
    const row: Row = {};
    if (!Array.isArray(record)) return row;
    record.forEach((field: unknown, i: number) => {
      const m = isMap(meta[i]) ? meta[i] : {};
      const name = typeof m.label === 'string' ? m.label : typeof m.name === 'string' ? m.name : String(i);
      const value = fieldValue(field);
      if (value !== null) row[name] = value;
    });
    return row;
  });
}

export function toJsonObject(data: unknown): Row[][] {
  let parsed = data;
  if (typeof data === 'string') {
    try {
      parsed = JSON.parse(data);
    } catch {
      refuse('toJsonObject expects the JSON text of a Data API result.');
    }
  }
  if (!isMap(parsed) || !Array.isArray(parsed.sqlStatementResults)) refuse('toJsonObject expects a Data API result with sqlStatementResults.');
  return parsed.sqlStatementResults.map((r: unknown) => statementRows(isMap(r) ? r : {}));
}
