/**
 * The RDS Data API's errors: the modeled exception names and HTTP statuses of its API reference
 * (as @aws-sdk/client-rds-data declares them), a `{message}` body and the `x-amzn-ErrorType`
 * header. SQL errors carry the database's own text the way the Data API formats it
 * (`ERROR: <message>` + Detail/Hint/Position lines + `; SQLState: <code>`, as quoted in
 * cloud-utils/aurora-data-api#53 and sqlalchemy-aurora-data-api#46).
 */
import { isPostgresError } from '../database/index.ts';

export type DataApiErrorType =
  | 'BadRequestException'
  | 'DatabaseErrorException'
  | 'StatementTimeoutException'
  | 'NotFoundException'
  | 'ForbiddenException'
  | 'InternalServerErrorException'
  // Request signing, answered before the service (the AWS request-signing vocabulary).
  | 'MissingAuthenticationTokenException'
  | 'IncompleteSignatureException'
  | 'InvalidSignatureException'
  | 'UnrecognizedClientException'
  | 'UnknownOperationException';

const STATUS: Record<DataApiErrorType, number> = {
  BadRequestException: 400,
  DatabaseErrorException: 400,
  StatementTimeoutException: 400,
  NotFoundException: 404,
  ForbiddenException: 403,
  InternalServerErrorException: 500,
  MissingAuthenticationTokenException: 403,
  IncompleteSignatureException: 403,
  InvalidSignatureException: 403,
  UnrecognizedClientException: 403,
  UnknownOperationException: 404,
};

/** A Data API error response. */
export class DataApiError extends Error {
  readonly status: number;
  constructor(
    readonly type: DataApiErrorType,
    message: string,
    /** Extra members of the error body (StatementTimeoutException's `dbConnectionId`). */
    readonly extra: Record<string, unknown> = {},
  ) {
    super(message);
    this.status = STATUS[type];
  }

  /** The JSON body AWS sends. */
  body(): Record<string, unknown> {
    return { message: this.message, ...this.extra };
  }
}

export const dataApiErrors = {
  badRequest: (message: string) => new DataApiError('BadRequestException', message),
  /** "There was an error in processing the SQL statement" — and a transaction already running one. */
  databaseError: (message: string) => new DataApiError('DatabaseErrorException', message),
  /** The text AWS answers a call cut off at its timeout (aws/aws-sdk-js#3385). */
  statementTimeout: (dbConnectionId: number) => new DataApiError('StatementTimeoutException', 'Request timed out', { dbConnectionId }),
  /** Unknown or expired transaction id, as the Data API words it (jeremydaly/data-api-client#96). */
  transactionNotFound: (id: string) => new DataApiError('NotFoundException', `Transaction ${id} is not found`),
  unknownResource: (arn: string) => new DataApiError('NotFoundException', `The resourceArn ${arn} can't be found.`),
  forbiddenSecret: (arn: string) => new DataApiError('ForbiddenException', `There are insufficient privileges to make the call with secret ${arn}.`),
  /** AWS's limit on a result (Aurora User Guide, "Limitations for the Amazon RDS Data API"). */
  responseTooLarge: () => new DataApiError('BadRequestException', 'Database returned more than the allowed response size limit'),
  internal: () => new DataApiError('InternalServerErrorException', 'An internal error occurred.'),
};

/** The Data API's text for a Postgres error: `ERROR: msg\n  Detail: …\n  Hint: …\n  Position: n; SQLState: code`. */
export function postgresErrorMessage(err: { message: string; code: string; severity?: string; detail?: string; hint?: string; position?: string }): string {
  let text = `${err.severity === 'FATAL' || err.severity === 'PANIC' ? err.severity : 'ERROR'}: ${err.message}`;
  if (err.detail) text += `\n  Detail: ${err.detail}`;
  if (err.hint) text += `\n  Hint: ${err.hint}`;
  if (err.position) text += `\n  Position: ${err.position}`;
  return `${text}; SQLState: ${err.code}`;
}

/**
 * A failure while running SQL as the Data API reports it: database errors become
 * BadRequestException with the Postgres text (decision 022); our own DataApiErrors pass through.
 */
export function toDataApiError(err: unknown): DataApiError {
  if (err instanceof DataApiError) return err;
  if (isPostgresError(err)) return dataApiErrors.badRequest(postgresErrorMessage(err));
  return dataApiErrors.databaseError(err instanceof Error ? err.message : String(err));
}
