/**
 * Statement handles, type hints and the variable map that `@aws-appsync/utils/rds` builds. Statement
 * and hint objects are recognised by identity (WeakMap/WeakSet), never by shape, so a value that
 * merely looks like `{ type, value }` in request arguments cannot smuggle in a type hint (chosen;
 * AWS documents no shape for either).
 */
import { refuse } from '../util/code-error.ts';

export type Verb = 'select' | 'insert' | 'update' | 'remove';
export type Statement =
  | { kind: 'sql'; strings: readonly string[]; values: readonly unknown[] }
  | { kind: Verb; payload: Record<string, unknown> };

const statements = new WeakMap<object, Statement>();
const hints = new WeakSet<object>();

export const isMap = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** An opaque handle for a statement; its rendering happens in create*Statement. */
export function handle(statement: Statement): object {
  const h = Object.freeze(Object.create(null) as object);
  statements.set(h, statement);
  return h;
}

export function statementOf(v: unknown): Statement | undefined {
  return typeof v === 'object' && v !== null ? statements.get(v) : undefined;
}

/** A value with a Data API type hint (RDS Data API `SqlParameter.typeHint`). */
export function hint(type: string, value: unknown): { type: string; value: unknown } {
  const h = Object.freeze({ type, value });
  hints.add(h);
  return h;
}

export function isHint(v: unknown): v is { type: string; value: unknown } {
  return typeof v === 'object' && v !== null && hints.has(v);
}

/** The request a RELATIONAL_DATABASE data source receives (resolver-return-types `RDSRequest`). */
export interface RdsRequest {
  statements: string[];
  variableMap: Record<string, unknown>;
  variableTypeHintMap: Record<string, string>;
}

/** Binds values to `:P0`, `:P1`, … in order, across every statement of one request. */
export class Variables {
  readonly variableMap: Record<string, unknown> = {};
  readonly variableTypeHintMap: Record<string, string> = {};
  private next = 0;

  bind(value: unknown): string {
    const name = `:P${this.next}`;
    this.next += 1;
    if (isHint(value)) {
      this.variableMap[name] = value.value;
      this.variableTypeHintMap[name] = value.type;
    } else {
      this.variableMap[name] = value;
    }
    return name;
  }

  /** Insert/update values and range bounds: a nullish value is written as the literal NULL. */
  bindOrNull(value: unknown): string {
    return value === null || value === undefined ? 'NULL' : this.bind(value);
  }

  /** A `sql` tagged template with every interpolated value bound. */
  template(strings: readonly string[], values: readonly unknown[]): string {
    if (strings.length !== values.length + 1) refuse(TEMPLATE_ARITY);
    let out = strings[0];
    for (let i = 0; i < values.length; i += 1) out += this.bind(values[i]) + strings[i + 1];
    return out;
  }
}

// AppSync's own wording, Java exception name included (recorded from EvaluateCode).
export const TEMPLATE_ARITY = 'java.lang.IllegalArgumentException: Unexpected argument passed to sql tagged template';
