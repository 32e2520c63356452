/**
 * The on-failure destination of a stream event source mapping: what Lambda sends to an SQS queue
 * or SNS topic when a batch is discarded ("Retaining discarded batches for a DynamoDB event source
 * in Lambda" page): invocation metadata and the batch's position, not the records themselves.
 * Offline the messages are kept in memory and, with a directory, appended to `<name>.jsonl`.
 */
import fs from 'node:fs';
import path from 'node:path';
import { adoptFormerFile } from './former-names.ts';
import type { StreamRecord } from './record.ts';

export interface FailureRecord {
  requestContext: {
    requestId: string;
    functionArn: string;
    condition: 'RetryAttemptsExhausted' | 'RecordAgeExceeded';
    approximateInvokeCount: number;
  };
  responseContext: { statusCode: number; executedVersion: string; functionError?: string };
  version: '1.0';
  timestamp: string;
  DDBStreamBatchInfo: {
    shardId: string;
    startSequenceNumber: string;
    endSequenceNumber: string;
    approximateArrivalOfFirstRecord: string;
    approximateArrivalOfLastRecord: string;
    batchSize: number;
    streamArn: string;
  };
}

export function failureRecord(options: {
  records: StreamRecord[];
  requestId: string;
  functionArn: string;
  condition: FailureRecord['requestContext']['condition'];
  invokeCount: number;
  functionError?: string;
  shardId: string;
}): FailureRecord {
  const { records } = options;
  const iso = (s: number) => new Date(s * 1000).toISOString().replace(/\.\d{3}Z$/, 'Z');
  return {
    requestContext: {
      requestId: options.requestId,
      functionArn: options.functionArn,
      condition: options.condition,
      approximateInvokeCount: options.invokeCount,
    },
    responseContext: { statusCode: 200, executedVersion: '$LATEST', ...(options.functionError ? { functionError: options.functionError } : {}) },
    version: '1.0',
    timestamp: new Date().toISOString(),
    DDBStreamBatchInfo: {
      shardId: options.shardId,
      startSequenceNumber: records[0].dynamodb.SequenceNumber,
      endSequenceNumber: records[records.length - 1].dynamodb.SequenceNumber,
      approximateArrivalOfFirstRecord: iso(records[0].dynamodb.ApproximateCreationDateTime),
      approximateArrivalOfLastRecord: iso(records[records.length - 1].dynamodb.ApproximateCreationDateTime),
      batchSize: records.length,
      streamArn: records[0].eventSourceARN,
    },
  };
}

export class FailureDestination {
  readonly messages: FailureRecord[] = [];
  private readonly file?: string;

  constructor(name: string, dir?: string, formerNames?: readonly string[]) {
    if (dir) {
      fs.mkdirSync(dir, { recursive: true });
      this.file = path.join(dir, `${name}.jsonl`);
      adoptFormerFile(dir, name, formerNames, '.jsonl');
    }
  }

  send(record: FailureRecord): void {
    this.messages.push(record);
    if (this.file) fs.appendFileSync(this.file, JSON.stringify(record) + '\n');
  }
}
