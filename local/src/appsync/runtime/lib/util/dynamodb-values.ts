/**
 * util.dynamodb.*: plain JSON to DynamoDB typed values. AppSync keeps numbers as JSON numbers
 * (`toNumber(12345)` gives `{"N": 12345}`, not `{"N": "12345"}`), and so do we.
 */
export type AttributeValue = Record<string, unknown>;

const isPlainObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

export function toDynamoDB(value: unknown): AttributeValue | null {
  if (value === undefined) return null;
  if (value === null) return { NULL: null };
  if (typeof value === 'string') return { S: value };
  if (typeof value === 'number') return { N: value };
  if (typeof value === 'boolean') return { BOOL: value };
  if (Array.isArray(value)) return { L: value.map((v) => toDynamoDB(v) ?? { NULL: null }) };
  if (isPlainObject(value)) return { M: toMapValues(value) };
  return { S: String(value) };
}

export function toMapValues(value: unknown): Record<string, AttributeValue> | null {
  if (!isPlainObject(value)) return null;
  const out: Record<string, AttributeValue> = {};
  for (const [k, v] of Object.entries(value)) {
    const converted = toDynamoDB(v);
    if (converted !== null) out[k] = converted;
  }
  return out;
}

const orNull = <T>(v: unknown, f: () => T): T | null => (v === undefined || v === null ? null : f());

export const dynamodb = {
  toDynamoDB,
  toMapValues,
  toString: (v: unknown) => orNull(v, () => ({ S: String(v) })),
  toStringSet: (v: unknown) => orNull(v, () => ({ SS: (v as unknown[]).map(String) })),
  toNumber: (v: unknown) => orNull(v, () => ({ N: v })),
  toNumberSet: (v: unknown) => orNull(v, () => ({ NS: [...(v as unknown[])] })),
  toBinary: (v: unknown) => orNull(v, () => ({ B: String(v) })),
  toBinarySet: (v: unknown) => orNull(v, () => ({ BS: (v as unknown[]).map(String) })),
  toBoolean: (v: unknown) => orNull(v, () => ({ BOOL: Boolean(v) })),
  toNull: () => ({ NULL: null }),
  toList: (v: unknown) => (Array.isArray(v) ? toDynamoDB(v) : null),
  toMap: (v: unknown) => (isPlainObject(v) ? toDynamoDB(v) : null),
  /** An S3 object reference as AppSync stores it: a string attribute holding {"s3": {...}}. */
  toS3Object(key: string, bucket: string, region: string, version?: string) {
    const s3: Record<string, string> = { key, bucket, region };
    if (version !== undefined && version !== null) s3.version = version;
    return { S: JSON.stringify({ s3 }) };
  },
  /** The inverse of toS3Object: returns {key, bucket, region[, version]}. */
  fromS3ObjectJson(json: string): unknown {
    const parsed = JSON.parse(String(json));
    return isPlainObject(parsed) && isPlainObject(parsed.s3) ? parsed.s3 : null;
  },
};
