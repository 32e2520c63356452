/**
 * The statement builders of `@aws-appsync/utils/rds`: the `sql` tag, select/insert/update/remove
 * and typeHint. Builders validate their payload when called (so AppSync's message names the
 * builder); rendering and variable numbering happen in create*Statement.
 */
import { refuse } from '../util/code-error.ts';
import { handle, hint, isMap, TEMPLATE_ARITY, type Verb } from './values.ts';

/** Tagged template: the expressions become bound variables, never SQL text. */
export function sql(strings: unknown, ...values: unknown[]): object {
  if (!Array.isArray(strings) || strings.length !== values.length + 1) refuse(TEMPLATE_ARITY);
  return handle({ kind: 'sql', strings: strings.map(String), values });
}

function builder(verb: Verb) {
  return (payload?: unknown): object => {
    if (payload === undefined) refuse(`An argument is expected to be passed to ${verb}`);
    if (!isMap(payload)) refuse('Expected payload to be an Object.');
    return handle({ kind: verb, payload });
  };
}

export const select = builder('select');
export const insert = builder('insert');
export const update = builder('update');
export const remove = builder('remove');

/** Data API type hints (RDS Data API `SqlParameter.typeHint`); a Date given to TIMESTAMP becomes ISO 8601. */
export const typeHint = {
  DECIMAL: (value: unknown) => hint('DECIMAL', value),
  JSON: (value: unknown) => hint('JSON', value),
  TIME: (value: unknown) => hint('TIME', value),
  DATE: (value: unknown) => hint('DATE', value),
  UUID: (value: unknown) => hint('UUID', value),
  TIMESTAMP: (value: unknown) => hint('TIMESTAMP', value instanceof Date ? value.toISOString() : value),
};
