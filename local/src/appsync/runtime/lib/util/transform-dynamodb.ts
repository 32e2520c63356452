/**
 * util.transform.toDynamoDBFilterExpression / toDynamoDBConditionExpression. The rendering rules
 * (where parentheses go, how value placeholders are named after their nesting path, which inputs
 * yield null) follow AppSync's EvaluateCode output; see docs/runtime-fidelity.md.
 */
import { toDynamoDB, type AttributeValue } from './dynamodb-values.ts';

export interface RenderedExpression {
  expression: string;
  expressionNames: Record<string, string>;
  expressionValues: Record<string, AttributeValue>;
}

/** Thrown internally for a filter AppSync cannot render; the public helpers turn it into null. */
const REJECT = { rejected: true };

const COMPARATORS: Record<string, string> = { eq: '=', ne: '<>', lt: '<', le: '<=', gt: '>', ge: '>=' };
const ATTRIBUTE_TYPES: Record<string, string> = {
  _null: 'NULL', string: 'S', stringSet: 'SS', number: 'N', numberSet: 'NS', binary: 'B', binarySet: 'BS', boolean: 'BOOL', list: 'L', map: 'M',
};

const isMap = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const wrap = (parts: string[]): string => (parts.length > 1 ? `(${parts.join(' AND ')})` : (parts[0] ?? ''));

class Renderer {
  names: Record<string, string> = {};
  values: Record<string, AttributeValue> = {};

  value(name: string, v: unknown): string {
    const placeholder = `:${name}`;
    this.values[placeholder] = toDynamoDB(v) ?? { NULL: null };
    return placeholder;
  }

  /** A filter object: its members joined with AND (not wrapped: the caller decides). */
  object(filter: unknown, prefix: string): string[] {
    if (!isMap(filter)) throw REJECT;
    const parts: string[] = [];
    for (const [key, v] of Object.entries(filter)) {
      if (key === 'and' || key === 'or') parts.push(this.group(key, v, prefix));
      else if (key === 'not') {
        if (!isMap(v)) throw REJECT;
        parts.push(`(NOT ${this.object(v, `${prefix}not_`).join(' AND ')})`);
      } else parts.push(this.field(key, v, prefix));
    }
    return parts;
  }

  group(op: 'and' | 'or', members: unknown, prefix: string): string {
    if (!Array.isArray(members)) throw REJECT;
    const rendered = members.map((m, i) => {
      if (!isMap(m)) throw REJECT;
      return this.object(m, `${prefix}${op}_${i}_`).join(' AND ');
    });
    return rendered.length > 1 ? `(${rendered.join(op === 'and' ? ' AND ' : ' OR ')})` : (rendered[0] ?? '');
  }

  field(field: string, ops: unknown, prefix: string): string {
    if (!isMap(ops)) throw REJECT;
    this.names[`#${field}`] = field;
    return this.operators(`#${field}`, `${prefix}${field}`, ops);
  }

  operators(operand: string, base: string, ops: Record<string, unknown>): string {
    const parts: string[] = [];
    for (const [op, v] of Object.entries(ops)) {
      if (op === 'size') {
        if (!isMap(v)) throw REJECT;
        const sized = operand.startsWith('size(') ? operand : `size(${operand})`;
        const inner = this.operators(sized, `${base}_size`, v);
        if (inner !== '') parts.push(inner);
        continue;
      }
      parts.push(`(${this.condition(operand, `${base}_${op}`, op, v)})`);
    }
    return wrap(parts);
  }

  condition(operand: string, name: string, op: string, v: unknown): string {
    if (op in COMPARATORS) return `${operand} ${COMPARATORS[op]} ${this.value(name, v)}`;
    switch (op) {
      case 'contains':
        return `contains(${operand},${this.value(name, v)})`;
      case 'notContains':
        return `NOT contains(${operand},${this.value(name, v)})`;
      case 'beginsWith':
        return `begins_with(${operand},${this.value(name, v)})`;
      case 'between':
        if (!Array.isArray(v) || v.length < 2) throw REJECT;
        return `${operand} BETWEEN ${this.value(`${name}_start`, v[0])} AND ${this.value(`${name}_end`, v[1])}`;
      case 'in':
        if (!Array.isArray(v)) throw REJECT;
        // AppSync renders an empty list as the Java string "null".
        return v.length === 0 ? 'null' : `${operand} IN (${v.map((x, i) => this.value(`${name}_${i}`, x)).join(', ')})`;
      case 'attributeExists':
        if (typeof v !== 'boolean') throw REJECT;
        return `${v ? 'attribute_exists' : 'attribute_not_exists'}(${operand})`;
      case 'attributeType':
        if (typeof v !== 'string' || !(v in ATTRIBUTE_TYPES)) throw REJECT;
        return `attribute_type(${operand},${this.value(name, ATTRIBUTE_TYPES[v])})`;
      default:
        throw REJECT;
    }
  }
}

/** Renders a filter object, or returns null where AppSync answers null. */
export function renderFilter(filter: unknown): RenderedExpression | null {
  const r = new Renderer();
  try {
    const expression = r.object(filter, '').join(' AND ');
    return { expression, expressionNames: r.names, expressionValues: r.values };
  } catch (e) {
    if (e === REJECT) return null;
    throw e;
  }
}

const asJson = (filter: unknown): string | null => {
  const rendered = renderFilter(filter);
  return rendered === null ? null : JSON.stringify(rendered);
};

export const toDynamoDBFilterExpression = asJson;
export const toDynamoDBConditionExpression = asJson;
