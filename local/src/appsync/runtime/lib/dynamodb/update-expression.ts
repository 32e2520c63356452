/**
 * Builds `update: {expression, expressionNames, expressionValues}` from an update object, with
 * AppSync's placeholders: every attribute name becomes `#expName_<n>` and every value
 * `:expValue_<n>`, numbered from 1 in the order met (EvaluateCode output: increment renders
 * `SET #expName_1 = #expName_1 + :expValue_1`).
 */
import { toDynamoDB, type AttributeValue } from '../util/dynamodb-values.ts';
import { isOperation } from './operations.ts';

export interface UpdateExpression {
  expression: string;
  expressionNames: Record<string, string>;
  expressionValues: Record<string, AttributeValue>;
}

export function buildUpdate(update: Record<string, unknown>): UpdateExpression {
  const names: Record<string, string> = {};
  const values: Record<string, AttributeValue> = {};
  const nameFor: Record<string, string> = {};
  const set: string[] = [];
  const remove: string[] = [];
  let nameCount = 0;
  let valueCount = 0;

  const name = (attr: string): string => {
    if (!(attr in nameFor)) {
      nameCount += 1;
      nameFor[attr] = `#expName_${nameCount}`;
      names[nameFor[attr]] = attr;
    }
    return nameFor[attr];
  };
  const value = (v: unknown): string => {
    valueCount += 1;
    const placeholder = `:expValue_${valueCount}`;
    values[placeholder] = toDynamoDB(v) ?? { NULL: null };
    return placeholder;
  };

  const visit = (obj: Record<string, unknown>, prefix: string): void => {
    for (const [attr, v] of Object.entries(obj)) {
      if (v === undefined) continue;
      const path = prefix ? `${prefix}.${name(attr)}` : name(attr);
      if (isOperation(v)) {
        switch (v.type) {
          case 'OPERATION_ADD': case 'OPERATION_REPLACE': set.push(`${path} = ${value(v.value)}`); break;
          case 'OPERATION_REMOVE': remove.push(path); break;
          case 'OPERATION_INCREMENT': set.push(`${path} = ${path} + ${value(v.by)}`); break;
          case 'OPERATION_DECREMENT': set.push(`${path} = ${path} - ${value(v.by)}`); break;
          case 'OPERATION_APPEND': set.push(`${path} = list_append(${path}, ${value(v.items)})`); break;
          case 'OPERATION_PREPEND': set.push(`${path} = list_append(${value(v.items)}, ${path})`); break;
          case 'OPERATION_UPDATE_LIST_ITEM': set.push(`${path}[${Number(v.index)}] = ${value(v.items)}`); break;
          default: break;
        }
      } else if (Array.isArray(v) && v.length > 0 && v.every(isOperation)) {
        for (const op of v) if (op.type === 'OPERATION_UPDATE_LIST_ITEM') set.push(`${path}[${Number(op.index)}] = ${value(op.items)}`);
      } else if (v === null) {
        remove.push(path);
      } else if (typeof v === 'object' && !Array.isArray(v)) {
        visit(v as Record<string, unknown>, path);
      } else {
        set.push(`${path} = ${value(v)}`);
      }
    }
  };
  visit(update ?? {}, '');

  const clauses: string[] = [];
  if (set.length > 0) clauses.push(`SET ${set.join(', ')}`);
  if (remove.length > 0) clauses.push(`REMOVE ${remove.join(', ')}`);
  return { expression: clauses.join(' '), expressionNames: names, expressionValues: values };
}
