/**
 * Data-source errors as AppSync reports them: `DynamoDB:<ExceptionName>` with DynamoDB's message
 * (e.g. `DynamoDB:ConditionalCheckFailedException`, "The conditional request failed"); request
 * objects AppSync cannot evaluate are `MappingTemplate` errors.
 */
import type { DataSourceResponse } from '../types.ts';
import { RequestShapeError } from './values.ts';

export function toErrorResponse(err: unknown, result: unknown = null): DataSourceResponse {
  if (err instanceof RequestShapeError) return { result: null, error: { type: 'MappingTemplate', message: err.message } };
  const e = err as { name?: string; message?: string; $fault?: string };
  const name = e.$fault ? (e.name ?? 'InternalServerError') : 'InternalServerError';
  return { result, error: { type: `DynamoDB:${name}`, message: e.message ?? String(err) } };
}

export function shapeError(message: string): DataSourceResponse {
  return { result: null, error: { type: 'MappingTemplate', message } };
}
