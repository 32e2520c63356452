/**
 * Postgres results → the Data API's typed `Field`s and `ColumnMetadata`, from each column's
 * type OID and its text output: integers as `longValue`, floats as `doubleValue`, booleans as
 * `booleanValue`, bytea as `blobValue`, arrays as `arrayValue`, NUMERIC as `stringValue` (or a
 * number with `decimalReturnType: DOUBLE_OR_LONG`), everything else (text, dates and times, uuid,
 * json) as `stringValue`. Timestamps with time zone are given in UTC without the offset, in the
 * Data API's `YYYY-MM-DD HH:MM:SS[.FFF]` form. Column types are reported with their JDBC type
 * code and Postgres type name, as the Data API's driver does.
 */
import type { ColumnInfo } from '../database/index.ts';
import type { ArrayValue, ColumnMetadata, Field, ResultSetOptions } from './protocol.ts';

type Kind = 'bool' | 'long' | 'double' | 'decimal' | 'blob' | 'timestamptz' | 'string';

interface TypeInfo {
  name: string;
  kind: Kind;
  /** java.sql.Types code. */
  jdbc: number;
  precision: number;
  scale?: number;
  signed?: boolean;
  caseSensitive?: boolean;
}

const MAX = 2147483647;
/** Built-in scalar types by OID. */
const SCALARS: Record<number, TypeInfo> = {
  16: { name: 'bool', kind: 'bool', jdbc: -7, precision: 1 },
  17: { name: 'bytea', kind: 'blob', jdbc: -2, precision: MAX },
  18: { name: 'char', kind: 'string', jdbc: 1, precision: 1, caseSensitive: true },
  19: { name: 'name', kind: 'string', jdbc: 12, precision: 63, caseSensitive: true },
  20: { name: 'int8', kind: 'long', jdbc: -5, precision: 19, signed: true },
  21: { name: 'int2', kind: 'long', jdbc: 5, precision: 5, signed: true },
  23: { name: 'int4', kind: 'long', jdbc: 4, precision: 10, signed: true },
  25: { name: 'text', kind: 'string', jdbc: 12, precision: MAX, caseSensitive: true },
  26: { name: 'oid', kind: 'long', jdbc: -5, precision: 10 },
  114: { name: 'json', kind: 'string', jdbc: 1111, precision: MAX, caseSensitive: true },
  700: { name: 'float4', kind: 'double', jdbc: 7, precision: 8, scale: 8, signed: true },
  701: { name: 'float8', kind: 'double', jdbc: 8, precision: 17, scale: 17, signed: true },
  790: { name: 'money', kind: 'string', jdbc: 8, precision: 0, signed: true },
  1042: { name: 'bpchar', kind: 'string', jdbc: 1, precision: MAX, caseSensitive: true },
  1043: { name: 'varchar', kind: 'string', jdbc: 12, precision: MAX, caseSensitive: true },
  1082: { name: 'date', kind: 'string', jdbc: 91, precision: 13 },
  1083: { name: 'time', kind: 'string', jdbc: 92, precision: 15, scale: 6 },
  1114: { name: 'timestamp', kind: 'string', jdbc: 93, precision: 29, scale: 6 },
  1184: { name: 'timestamptz', kind: 'timestamptz', jdbc: 93, precision: 35, scale: 6 },
  1186: { name: 'interval', kind: 'string', jdbc: 1111, precision: 49, scale: 6 },
  1266: { name: 'timetz', kind: 'string', jdbc: 92, precision: 21, scale: 6 },
  1700: { name: 'numeric', kind: 'decimal', jdbc: 2, precision: 0, signed: true },
  2950: { name: 'uuid', kind: 'string', jdbc: 1111, precision: MAX },
  3802: { name: 'jsonb', kind: 'string', jdbc: 1111, precision: MAX, caseSensitive: true },
};
/** Built-in array types by OID → their element's OID. */
const ARRAYS: Record<number, number> = {
  1000: 16, 1001: 17, 1002: 18, 1003: 19, 1005: 21, 1007: 23, 1009: 25, 1014: 1042, 1015: 1043, 1016: 20, 1021: 700, 1022: 701, 1028: 26, 1115: 1114, 1182: 1082,
  1183: 1083, 1185: 1184, 1231: 1700, 199: 114, 2951: 2950, 3807: 3802,
};
const OTHER: TypeInfo = { name: 'unknown', kind: 'string', jdbc: 1111, precision: MAX, caseSensitive: true };

function typeInfo(oid: number, names: Map<number, string>): TypeInfo {
  return SCALARS[oid] ?? { ...OTHER, name: names.get(oid) ?? OTHER.name };
}

/** `2024-01-02 03:04:05.5+00` → `2024-01-02 03:04:05.5` (sessions run in UTC). */
const stripUtcOffset = (text: string) => text.replace(/\+00(:00)?$/, '');

function scalarField(text: string, info: TypeInfo, options: ResultSetOptions): Field {
  switch (info.kind) {
    case 'bool':
      return { booleanValue: text === 't' };
    case 'long':
      return options.longReturnType === 'STRING' ? { stringValue: text } : { longValue: Number(text) };
    case 'double': {
      const n = Number(text);
      return Number.isFinite(n) ? { doubleValue: n } : { stringValue: text };
    }
    case 'decimal': {
      if (options.decimalReturnType !== 'DOUBLE_OR_LONG') return { stringValue: text };
      const n = Number(text);
      if (!Number.isFinite(n)) return { stringValue: text };
      return Number.isInteger(n) && !text.includes('.') ? { longValue: n } : { doubleValue: n };
    }
    case 'blob':
      return { blobValue: Buffer.from(text.slice(2), 'hex').toString('base64') };
    case 'timestamptz':
      return { stringValue: stripUtcOffset(text) };
    default:
      return { stringValue: text };
  }
}

/** Parses a one-or-more-dimensional array literal (`{1,"a b",NULL,{2,3}}`) into nested arrays of texts. */
export function parseArrayLiteral(text: string): unknown[] {
  let i = text.startsWith('[') ? text.indexOf('=') + 1 : 0; // skip explicit bounds `[1:2]={…}`
  const parse = (): unknown[] => {
    const items: unknown[] = [];
    i++; // {
    while (i < text.length && text[i] !== '}') {
      if (text[i] === '{') items.push(parse());
      else if (text[i] === '"') {
        let s = '';
        for (i++; text[i] !== '"'; i++) s += text[i] === '\\' ? text[++i] : text[i];
        i++;
        items.push(s);
      } else {
        let j = i;
        while (text[j] !== ',' && text[j] !== '}') j++;
        const raw = text.slice(i, j);
        items.push(raw === 'NULL' ? null : raw);
        i = j;
      }
      if (text[i] === ',') i++;
    }
    i++; // }
    return items;
  };
  return parse();
}

function arrayField(items: unknown[], element: TypeInfo, options: ResultSetOptions): ArrayValue {
  if (items.some(Array.isArray)) return { arrayValues: items.map((v) => arrayField(Array.isArray(v) ? v : [], element, options)) };
  const fields = items.map((v) => (v === null ? null : scalarField(String(v), element, options)));
  const pick = <K extends keyof Field>(k: K) => fields.map((f) => (f ? (f[k] ?? null) : null));
  if (element.kind === 'bool') return { booleanValues: pick('booleanValue') as boolean[] };
  if (fields.some((f) => f?.longValue !== undefined)) return { longValues: pick('longValue') as number[] };
  if (fields.some((f) => f?.doubleValue !== undefined)) return { doubleValues: pick('doubleValue') as number[] };
  return { stringValues: pick('stringValue') as string[] };
}

/** Converts one value of column type `oid`. */
export function toField(text: string | null, oid: number, names: Map<number, string>, options: ResultSetOptions = {}): Field {
  if (text === null) return { isNull: true };
  const element = ARRAYS[oid];
  if (element !== undefined) return { arrayValue: arrayField(parseArrayLiteral(text), typeInfo(element, names), options) };
  return scalarField(text, typeInfo(oid, names), options);
}

/** OIDs among `columns` that are not built in, for a one-time name lookup. */
export function unknownTypes(columns: ColumnInfo[]): number[] {
  return [...new Set(columns.map((c) => c.dataTypeID).filter((oid) => !SCALARS[oid] && ARRAYS[oid] === undefined))];
}

/** The Data API's column metadata for a result's columns. */
export function columnMetadata(columns: ColumnInfo[], names: Map<number, string>): ColumnMetadata[] {
  return columns.map((c) => {
    const element = ARRAYS[c.dataTypeID];
    const info = element !== undefined ? { ...typeInfo(element, names), name: `_${typeInfo(element, names).name}`, jdbc: 2003 } : typeInfo(c.dataTypeID, names);
    return {
      name: c.name,
      type: info.jdbc,
      typeName: info.name,
      label: c.name,
      schemaName: '',
      tableName: '',
      isAutoIncrement: false,
      isSigned: info.signed ?? false,
      isCurrency: c.dataTypeID === 790,
      isCaseSensitive: info.caseSensitive ?? false,
      // columnNullableUnknown: the wire protocol does not say whether a result column is nullable.
      nullable: 2,
      precision: info.precision,
      scale: info.scale ?? 0,
      arrayBaseColumnType: element !== undefined ? typeInfo(element, names).jdbc : 0,
    };
  });
}

/** A Field's plain JSON value, as `formatRecordsAs: JSON` writes it. */
export function jsonValue(field: Field): unknown {
  if (field.isNull) return null;
  if (field.arrayValue) return jsonArray(field.arrayValue);
  return field.booleanValue ?? field.longValue ?? field.doubleValue ?? field.stringValue ?? field.blobValue ?? null;
}

function jsonArray(a: ArrayValue): unknown[] {
  return a.arrayValues ? a.arrayValues.map(jsonArray) : (a.booleanValues ?? a.longValues ?? a.doubleValues ?? a.stringValues ?? []);
}
