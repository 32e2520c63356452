/**
 * The DynamoDB Streams record, exactly as a Lambda event source mapping delivers it
 * (`DynamoDBStreamEvent.Records[i]` in @types/aws-lambda; "DynamoDB Streams and AWS Lambda
 * triggers" / `Record` in the DynamoDB Streams API reference). Defined once here; the front,
 * the TTL sweeper, the event source mappings and tests all use this module.
 */
import { randomUUID } from 'node:crypto';
import type { StreamViewType } from './settings.ts';

interface Untyped {
  S?: undefined;
  N?: undefined;
  B?: undefined;
  BOOL?: undefined;
  NULL?: undefined;
  SS?: undefined;
  NS?: undefined;
  BS?: undefined;
  L?: undefined;
  M?: undefined;
}

/** DynamoDB's wire attribute value: exactly one type key (the same union as in @types/aws-lambda). */
export type AttributeValue =
  | (Omit<Untyped, 'S'> & { S: string })
  | (Omit<Untyped, 'N'> & { N: string })
  | (Omit<Untyped, 'B'> & { B: string })
  | (Omit<Untyped, 'BOOL'> & { BOOL: boolean })
  | (Omit<Untyped, 'NULL'> & { NULL: boolean })
  | (Omit<Untyped, 'SS'> & { SS: string[] })
  | (Omit<Untyped, 'NS'> & { NS: string[] })
  | (Omit<Untyped, 'BS'> & { BS: string[] })
  | (Omit<Untyped, 'L'> & { L: AttributeValue[] })
  | (Omit<Untyped, 'M'> & { M: { [key: string]: AttributeValue } });
export type AttributeMap = { [key: string]: AttributeValue };

export type StreamEventName = 'INSERT' | 'MODIFY' | 'REMOVE';

export interface StreamRecord {
  eventID: string;
  eventName: StreamEventName;
  eventVersion: '1.1';
  eventSource: 'aws:dynamodb';
  awsRegion: string;
  dynamodb: {
    /** Epoch seconds (Lambda delivers a number). */
    ApproximateCreationDateTime: number;
    Keys: AttributeMap;
    NewImage?: AttributeMap;
    OldImage?: AttributeMap;
    SequenceNumber: string;
    SizeBytes: number;
    StreamViewType: StreamViewType;
  };
  eventSourceARN: string;
  /** Present only on deletions made by the TTL service. */
  userIdentity?: { type: 'Service'; principalId: 'dynamodb.amazonaws.com' };
}

/** The one committed change a record describes; the stream log assigns sequence numbers. */
export interface Change {
  tableName: string;
  keys: AttributeMap;
  oldImage?: AttributeMap;
  newImage?: AttributeMap;
  /** Set by the TTL sweeper: the deletion is the service's, not a user's. */
  byTtl?: boolean;
}

/** Width of sequence numbers: fixed so string order equals numeric order. */
const SEQUENCE_DIGITS = 21;

export function formatSequenceNumber(n: bigint): string {
  return n.toString().padStart(SEQUENCE_DIGITS, '0').replace(/^0/, '1');
}

export function parseSequenceNumber(s: string): bigint {
  return BigInt(s.length === SEQUENCE_DIGITS && s.startsWith('1') ? '0' + s.slice(1) : s);
}

/** DynamoDB's item size rule: attribute name bytes + value bytes (numbers approximated by digits). */
export function attributeMapSize(map: AttributeMap | undefined): number {
  if (!map) return 0;
  let size = 0;
  for (const [name, value] of Object.entries(map)) size += Buffer.byteLength(name) + valueSize(value);
  return size;
}

function valueSize(value: AttributeValue): number {
  const [type, v] = Object.entries(value)[0] ?? ['NULL', true];
  switch (type) {
    case 'S':
      return Buffer.byteLength(String(v));
    case 'N':
      return Math.ceil(String(v).replace(/^-|\.|e.*$/gi, '').length / 2) + 1;
    case 'B':
      return Buffer.from(String(v), 'base64').length;
    case 'SS':
      return (v as string[]).reduce((n, s) => n + Buffer.byteLength(s), 0);
    case 'NS':
      return (v as string[]).reduce((n, s) => n + valueSize({ N: s }), 0);
    case 'BS':
      return (v as string[]).reduce((n, s) => n + Buffer.from(s, 'base64').length, 0);
    case 'M':
      return 3 + attributeMapSize(v as AttributeMap) + Object.keys(v as object).length;
    case 'L':
      return 3 + (v as AttributeValue[]).reduce((n, e) => n + 1 + valueSize(e), 0);
    default:
      return 1;
  }
}

export function streamArn(region: string, accountId: string, tableName: string, label: string): string {
  return `arn:aws:dynamodb:${region}:${accountId}:table/${tableName}/stream/${label}`;
}

/** Builds the record for a change; `null` when nothing changed (DynamoDB writes no record then). */
export function buildRecord(
  change: Change,
  sequenceNumber: string,
  context: { region: string; eventSourceARN: string; now?: number; viewType?: StreamViewType },
): StreamRecord | null {
  const { oldImage, newImage } = change;
  if (!oldImage && !newImage) return null;
  if (oldImage && newImage && sameItem(oldImage, newImage)) return null;
  const eventName: StreamEventName = !oldImage ? 'INSERT' : !newImage ? 'REMOVE' : 'MODIFY';
  // The view type decides which images a record carries (StreamSpecification in the DynamoDB API
  // reference); the event name and the no-op check still look at both.
  const viewType = context.viewType ?? 'NEW_AND_OLD_IMAGES';
  const shownNew = viewType === 'NEW_IMAGE' || viewType === 'NEW_AND_OLD_IMAGES' ? newImage : undefined;
  const shownOld = viewType === 'OLD_IMAGE' || viewType === 'NEW_AND_OLD_IMAGES' ? oldImage : undefined;
  const record: StreamRecord = {
    eventID: randomUUID().replace(/-/g, ''),
    eventName,
    eventVersion: '1.1',
    eventSource: 'aws:dynamodb',
    awsRegion: context.region,
    dynamodb: {
      ApproximateCreationDateTime: Math.floor((context.now ?? Date.now()) / 1000),
      Keys: change.keys,
      ...(shownNew ? { NewImage: shownNew } : {}),
      ...(shownOld ? { OldImage: shownOld } : {}),
      SequenceNumber: sequenceNumber,
      SizeBytes: attributeMapSize(change.keys) + attributeMapSize(shownNew) + attributeMapSize(shownOld),
      StreamViewType: viewType,
    },
    eventSourceARN: context.eventSourceARN,
  };
  if (change.byTtl && eventName === 'REMOVE') {
    record.userIdentity = { type: 'Service', principalId: 'dynamodb.amazonaws.com' };
  }
  return record;
}

/** Item equality as DynamoDB sees it: map key order and set element order do not matter. */
export function sameItem(a: AttributeMap, b: AttributeMap): boolean {
  return canonical(a) === canonical(b);
}

function canonical(value: unknown, setType?: boolean): string {
  if (Array.isArray(value)) {
    const parts = value.map((v) => canonical(v));
    if (setType) parts.sort();
    return `[${parts.join(',')}]`;
  }
  if (value && typeof value === 'object') {
    const keys = Object.keys(value).sort();
    return `{${keys
      .map((k) => `${JSON.stringify(k)}:${canonical((value as Record<string, unknown>)[k], k === 'SS' || k === 'NS' || k === 'BS')}`)
      .join(',')}}`;
  }
  return JSON.stringify(value);
}
