/**
 * AppSync expression objects (`{expression, expressionNames?, expressionValues?}`) → DynamoDB
 * request fields. A request may combine several (key condition + filter + projection); their
 * names and values merge into one ExpressionAttributeNames/Values map, omitted when empty
 * (DynamoDB rejects empty maps).
 */
import type { AttributeValue } from '@aws-sdk/client-dynamodb';
import { RequestShapeError, toAttributeValue } from './values.ts';

export interface AppSyncExpression {
  expression: string;
  expressionNames?: Record<string, string>;
  expressionValues?: Record<string, unknown>;
}

export class ExpressionParts {
  private names: Record<string, string> = {};
  private values: Record<string, AttributeValue> = {};

  /** Adds an expression's names/values and returns its text (undefined when absent). */
  add(expr: unknown, where: string): string | undefined {
    if (expr === undefined || expr === null) return undefined;
    const e = expr as AppSyncExpression;
    if (typeof e !== 'object' || typeof e.expression !== 'string') throw new RequestShapeError(`${where}.expression must be a string`);
    Object.assign(this.names, e.expressionNames ?? {});
    for (const [k, v] of Object.entries(e.expressionValues ?? {})) this.values[k] = toAttributeValue(v, `${where}.expressionValues.${k}`);
    return e.expression;
  }

  /** Projection objects carry names only. */
  projection(expr: unknown, where: string): string | undefined {
    if (expr === undefined || expr === null) return undefined;
    return this.add({ expressionValues: undefined, ...(expr as object) }, where);
  }

  fields(): { ExpressionAttributeNames?: Record<string, string>; ExpressionAttributeValues?: Record<string, AttributeValue> } {
    return {
      ...(Object.keys(this.names).length ? { ExpressionAttributeNames: this.names } : {}),
      ...(Object.keys(this.values).length ? { ExpressionAttributeValues: this.values } : {}),
    };
  }
}
