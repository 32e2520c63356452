/**
 * Stream consumer handlers for the event source mapping tests. Each test scripts the handler's
 * behaviour through `globalThis.__streamTest` (shared by the test and the in-process invoker).
 */
import type { StreamRecord } from '../record.ts';

export interface StreamTestScript {
  /** Every event the handler received, in order. */
  calls: { Records: StreamRecord[] }[];
  /** Decides the response (or throws) for each call. */
  respond?: (event: { Records: StreamRecord[] }, call: number) => unknown;
  /** `context.awsRequestId` of each call, when the test asks for them. */
  awsRequestIds?: string[];
}

function script(): StreamTestScript {
  const g = globalThis as { __streamTest?: StreamTestScript };
  g.__streamTest ??= { calls: [] };
  return g.__streamTest;
}

export async function handler(event: { Records: StreamRecord[] }, context?: { awsRequestId: string }): Promise<unknown> {
  const s = script();
  s.calls.push(event);
  if (context) s.awsRequestIds?.push(context.awsRequestId);
  return s.respond ? s.respond(event, s.calls.length) : undefined;
}

/**
 * A consumer written like a production Lambda: a default SDK client (endpoint from
 * AWS_ENDPOINT_URL_DYNAMODB, table from TABLE_NAME) that writes a feed item per new crud.
 */
export async function fanOut(event: { Records: StreamRecord[] }): Promise<void> {
  const { DynamoDBClient, PutItemCommand } = await import('@aws-sdk/client-dynamodb');
  const client = new DynamoDBClient({});
  try {
    for (const r of event.Records) {
      const pk = r.dynamodb.Keys.pk.S ?? '';
      if (r.eventName !== 'INSERT' || !pk.startsWith('CRUD#')) continue;
      await client.send(new PutItemCommand({ TableName: process.env.TABLE_NAME, Item: { pk: { S: 'FEED#reader' }, sk: { S: pk } } }));
    }
  } finally {
    client.destroy();
  }
}
