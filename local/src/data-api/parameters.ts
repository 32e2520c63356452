/**
 * Named parameters (`:name` in the SQL, typed `SqlParameter` values) → Postgres positional
 * parameters sent as text, each with the type the Data API gives it: strings go as `varchar`,
 * longs as `int8`, doubles as `float8`, booleans as `bool`, blobs as `bytea`, and a `typeHint`
 * (DATE, TIME, TIMESTAMP, DECIMAL, JSON, UUID) types a string as that. Hence, as on AWS, a plain
 * string compared with a uuid or date column fails until it carries its hint. Hinted strings
 * must use the formats the Data API documents (API_SqlParameter: `YYYY-MM-DD`, `HH:MM:SS[.FFF]`,
 * `YYYY-MM-DD HH:MM:SS[.FFF]`).
 */
import { sqlSpans } from '../../../lib/postgres/sql-lexer.ts';
import { dataApiErrors } from './errors.ts';
import type { ArrayValue, Field, SqlParameter, TypeHint } from './protocol.ts';

interface Bound {
  text: string | null;
  cast?: string;
}

const HINTS: Record<TypeHint, { cast: string; format?: RegExp; formatText?: string }> = {
  DATE: { cast: 'date', format: /^\d{4}-\d{2}-\d{2}$/, formatText: 'YYYY-MM-DD' },
  TIME: { cast: 'time', format: /^\d{2}:\d{2}:\d{2}(\.\d{1,9})?$/, formatText: 'HH:MM:SS[.FFF]' },
  TIMESTAMP: { cast: 'timestamp', format: /^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}(\.\d{1,9})?$/, formatText: 'YYYY-MM-DD HH:MM:SS[.FFF]' },
  DECIMAL: { cast: 'numeric' },
  JSON: { cast: 'json' },
  UUID: { cast: 'uuid' },
};

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

function arrayLiteral(items: unknown[]): string {
  return `{${items.map((v) => (Array.isArray(v) ? arrayLiteral(v) : v === null ? 'NULL' : `"${String(v).replace(/(["\\])/g, '\\$1')}"`)).join(',')}}`;
}

/** An ArrayValue's elements as nested JS arrays, and the Postgres element type. */
function arrayItems(value: ArrayValue, name: string): { items: unknown[]; element: string } {
  if (!isRecord(value)) throw dataApiErrors.badRequest(`Parameter ${name}: arrayValue must be an object.`);
  const members = Object.keys(value);
  if (members.length !== 1) throw dataApiErrors.badRequest(`Parameter ${name}: arrayValue must set exactly one of booleanValues, longValues, doubleValues, stringValues, arrayValues.`);
  const [member] = members;
  const list = (value as Record<string, unknown>)[member];
  if (!Array.isArray(list)) throw dataApiErrors.badRequest(`Parameter ${name}: ${member} must be a list.`);
  const check = (ok: (v: unknown) => boolean, what: string) => {
    if (!list.every(ok)) throw dataApiErrors.badRequest(`Parameter ${name}: every element of ${member} must be ${what}.`);
  };
  switch (member) {
    case 'booleanValues':
      check((v) => typeof v === 'boolean', 'a boolean');
      return { items: list.map((v) => (v ? 't' : 'f')), element: 'bool' };
    case 'longValues':
      check((v) => Number.isSafeInteger(v), 'an integer');
      return { items: list, element: 'int8' };
    case 'doubleValues':
      check((v) => typeof v === 'number' && Number.isFinite(v), 'a number');
      return { items: list, element: 'float8' };
    case 'stringValues':
      check((v) => typeof v === 'string', 'a string');
      return { items: list, element: 'varchar' };
    case 'arrayValues': {
      const nested = list.map((v) => arrayItems(v as ArrayValue, name));
      const element = nested[0]?.element ?? 'varchar';
      if (nested.some((n) => n.element !== element)) throw dataApiErrors.badRequest(`Parameter ${name}: nested arrays must hold one type.`);
      return { items: nested.map((n) => n.items), element };
    }
    default:
      throw dataApiErrors.badRequest(`Parameter ${name}: unknown array member ${member}.`);
  }
}

/** One parameter's text and cast; throws BadRequestException for a malformed or mistyped value. */
export function bindValue(param: SqlParameter): Bound {
  const name = param.name ?? '';
  const field = param.value as Field | undefined;
  if (!isRecord(field)) throw dataApiErrors.badRequest(`Parameter ${name} has no value.`);
  const members = Object.keys(field).filter((k) => (field as Record<string, unknown>)[k] !== undefined);
  if (members.length !== 1) throw dataApiErrors.badRequest(`Parameter ${name}: a value must set exactly one member.`);
  const [member] = members;
  const raw = (field as Record<string, unknown>)[member];
  const hint = param.typeHint;
  if (hint !== undefined) {
    const spec = HINTS[hint];
    if (!spec) throw dataApiErrors.badRequest(`Parameter ${name}: unknown typeHint ${String(hint)}; use DATE, TIME, TIMESTAMP, DECIMAL, JSON or UUID.`);
    if (member !== 'stringValue' || typeof raw !== 'string') throw dataApiErrors.badRequest(`Parameter ${name}: typeHint ${hint} applies to a stringValue only.`);
    if (spec.format && !spec.format.test(raw)) throw dataApiErrors.badRequest(`Parameter ${name}: '${raw}' is not a valid ${hint} value; use the format ${spec.formatText}.`);
    return { text: raw, cast: spec.cast };
  }
  const wrong = (what: string) => dataApiErrors.badRequest(`Parameter ${name}: ${member} must be ${what}.`);
  switch (member) {
    case 'isNull':
      if (raw !== true) throw wrong('true');
      return { text: null };
    case 'booleanValue':
      if (typeof raw !== 'boolean') throw wrong('a boolean');
      return { text: raw ? 't' : 'f', cast: 'bool' };
    case 'longValue':
      if (!Number.isSafeInteger(raw)) throw wrong('an integer');
      return { text: String(raw), cast: 'int8' };
    case 'doubleValue':
      if (typeof raw !== 'number' || !Number.isFinite(raw)) throw wrong('a number');
      return { text: String(raw), cast: 'float8' };
    case 'stringValue':
      if (typeof raw !== 'string') throw wrong('a string');
      return { text: raw, cast: 'varchar' };
    case 'blobValue':
      if (typeof raw !== 'string' || !/^[A-Za-z0-9+/]*={0,2}$/.test(raw)) throw wrong('base64');
      return { text: `\\x${Buffer.from(raw, 'base64').toString('hex')}`, cast: 'bytea' };
    case 'arrayValue': {
      const { items, element } = arrayItems(raw as ArrayValue, name);
      return { text: arrayLiteral(items), cast: `${element}[]` };
    }
    default:
      throw dataApiErrors.badRequest(`Parameter ${name}: unknown value member ${member}.`);
  }
}

const NAME = /[A-Za-z_][A-Za-z0-9_]*/y;

/**
 * Rewrites `:name` placeholders in SQL code (not in strings, identifiers or comments, and not
 * the `::` cast) to `$n::type`, and returns the texts to send. Placeholders with no parameter
 * are left as written, so Postgres reports the syntax error, as it would on AWS.
 */
export function bindParameters(sql: string, parameters: SqlParameter[] = []): { sql: string; values: (string | null)[] } {
  if (!Array.isArray(parameters)) throw dataApiErrors.badRequest('parameters must be a list.');
  // Every parameter is checked, used or not, as the service validates the whole request.
  const byName = new Map<string, Bound>();
  for (const p of parameters) {
    if (!isRecord(p) || typeof p.name !== 'string' || p.name === '') throw dataApiErrors.badRequest('Every parameter needs a name.');
    byName.set(p.name, bindValue(p));
  }
  const values: (string | null)[] = [];
  const positions = new Map<string, string>();
  let out = '';
  for (const span of sqlSpans(sql)) {
    if (span.kind !== 'code') {
      out += span.text;
      continue;
    }
    const code = span.text;
    for (let i = 0; i < code.length; i++) {
      if (code[i] !== ':') {
        out += code[i];
        continue;
      }
      if (code[i + 1] === ':') {
        out += '::';
        i++;
        continue;
      }
      NAME.lastIndex = i + 1;
      const m = NAME.exec(code);
      const bound = m && byName.get(m[0]);
      if (!m || !bound) {
        out += ':';
        continue;
      }
      let placeholder = positions.get(m[0]);
      if (!placeholder) {
        values.push(bound.text);
        placeholder = `$${values.length}${bound.cast ? `::${bound.cast}` : ''}`;
        positions.set(m[0], placeholder);
      }
      out += placeholder;
      i += m[0].length;
    }
  }
  return { sql: out, values };
}
