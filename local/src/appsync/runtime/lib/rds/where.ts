/**
 * The `where` condition object of select/update/remove, rendered the way AppSync renders it
 * (recorded from EvaluateCode): sibling keys join with AND, members of `and`/`or` are each wrapped
 * in parentheses, a group at the top level is not, and an empty condition contributes an empty
 * string (AppSync keeps the dangling joiner: `{ a: { eq: 1 }, b: {} }` → `"a" = :P0 AND`).
 */
import { refuse } from '../util/code-error.ts';
import { isMap, statementOf, type Variables } from './values.ts';

const COMPARISONS: Record<string, string> = { eq: '=', ne: '!=', gt: '>', lt: '<', ge: '>=', le: '<=' };

export interface Rendering { vars: Variables; quote: (identifier: string) => string }

function present(value: unknown, path: string): unknown {
  if (value === null || value === undefined) refuse(`Value for ${path} can't be null.`);
  return value;
}

function text(value: unknown, path: string): string {
  if (typeof present(value, path) !== 'string') refuse(`${path} expects a string value to be passed.`);
  return value as string;
}

function between(r: Rendering, target: string, value: unknown, path: string): string {
  if (!Array.isArray(value)) refuse(`${path} condition expects an array with length of 2.`);
  if (value.length !== 2) refuse(`${path} condition expects an array with 2 values but received an array with length ${value.length}.`);
  const low = r.vars.bindOrNull(value[0]);
  return `${target} BETWEEN ${low} AND ${r.vars.bindOrNull(value[1])}`;
}

/** `size` compares the column's LENGTH; unlike a direct comparison, a null there renders as NULL. */
function size(r: Rendering, column: string, value: unknown, path: string): string {
  if (!isMap(value)) refuse(`Expected ${path} to be an Object.`);
  const target = `LENGTH (${column})`;
  return Object.entries(value).map(([op, v]) => {
    if (op === 'between') return between(r, target, v, path);
    if (!(op in COMPARISONS)) refuse(`${path} has invalid size operator.`);
    return `${target} ${COMPARISONS[op]} ${r.vars.bindOrNull(v)}`;
  }).join(' AND ');
}

function condition(r: Rendering, name: string, op: string, value: unknown): string {
  const column = r.quote(name);
  const path = `${name}.${op}`;
  switch (op) {
    case 'size': return size(r, column, value, path);
    case 'between': return between(r, column, value, path);
    case 'attributeExists':
      if (typeof present(value, path) !== 'boolean') refuse(`${path} expects a boolean value to be passed.`);
      return `${column} IS ${value ? 'NOT ' : ''}NULL`;
    case 'contains': return `${column} LIKE ${r.vars.bind(`%${text(value, path)}%`)}`;
    case 'notContains': return `${column} NOT LIKE ${r.vars.bind(text(value, path))}`;
    case 'beginsWith': return `${column} LIKE ${r.vars.bind(`${text(value, path)}%`)}`;
    default:
      if (!(op in COMPARISONS)) refuse(`Unsupported condition ${path}.`);
      return `${column} ${COMPARISONS[op]} ${r.vars.bind(present(value, path))}`;
  }
}

function conditions(r: Rendering, where: Record<string, unknown>, open: string, close: string, joiner: string): string {
  const blocks: string[] = [];
  for (const [key, value] of Object.entries(where)) {
    if (key === 'and' || key === 'or') {
      if (!Array.isArray(value)) refuse(`${key} expects conditions to be an array`);
      const op = key.toUpperCase();
      const members = value.map((member: unknown) => {
        if (!isMap(member) || statementOf(member)) refuse(`Expected ${key} to be an Object.`);
        return conditions(r, member, '(', ')', op);
      });
      const group = members.join(` ${op} `);
      if (group !== '') blocks.push(`${open}${group}${close}`);
    } else {
      if (!isMap(value)) refuse('Expected condition to be an Object.');
      const parts = Object.entries(value).map(([op, v]) => condition(r, key, op, v)).join(' AND ');
      blocks.push(parts === '' ? '' : `${open}${parts}${close}`);
    }
  }
  return blocks.join(` ${joiner} `);
}

/** `WHERE …` for a condition object or a `sql` template, or '' when it renders to nothing. */
export function whereClause(r: Rendering, where: unknown): string {
  if (where === null || where === undefined) return '';
  const statement = statementOf(where);
  let body: string;
  if (statement?.kind === 'sql') body = r.vars.template(statement.strings, statement.values);
  else if (isMap(where) && !statement) body = conditions(r, where, '', '', 'AND');
  else return refuse('WHERE values are expected to be SQL templates or a condition object.');
  return body === '' ? '' : `WHERE ${body}`;
}
