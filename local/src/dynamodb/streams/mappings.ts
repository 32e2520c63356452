/**
 * Runs the app's stream consumers (`AppDefinition.streamConsumers`) as event source mappings on a
 * stack's table stream, invoking the handlers in-process (local/src/lambda-runtime/invoke.ts),
 * each invocation with its consumer's own environment (local/src/lambda-runtime/function-env.ts).
 */
import path from 'node:path';
import type { StreamConsumerDefinition } from '../../app-definition.ts';
import type { FunctionEnv } from '../../lambda-runtime/function-env.ts';
import { invokeHandler } from '../../lambda-runtime/invoke.ts';
import type { DynamoStack } from '../index.ts';
import { EventSourceMapping } from './event-source-mapping.ts';
import { FailureDestination, type FailureRecord } from './failure-destination.ts';

export interface EventSourceMappingsOptions {
  /**
   * Each consumer's configuration (what its function declares), over the mapping's defaults (the
   * table's endpoint, the region, placeholder credentials); computed when an invocation starts and
   * seen by that invocation only. A consumer that reads the table's name declares it.
   */
  env?: (consumerName: string) => FunctionEnv;
  log?: (obj: object) => void;
  /** First retry delay; doubles per attempt (default 100 ms). */
  retryBaseMs?: number;
  retryMaxMs?: number;
  accountId?: string;
}

export interface EventSourceMappings {
  close(): Promise<void>;
  /** Failure-destination messages of every mapping, in arrival order. */
  failures: FailureRecord[];
}

/** Runs each consumer as an event source mapping on the stack's table stream. */
export function startEventSourceMappings(stack: DynamoStack, consumers: StreamConsumerDefinition[], options: EventSourceMappingsOptions = {}): EventSourceMappings {
  // Lambda always runs with credentials in its environment; the embedded store only needs some present.
  const defaults: FunctionEnv = { AWS_ENDPOINT_URL_DYNAMODB: stack.endpoint, AWS_REGION: stack.region, AWS_ACCESS_KEY_ID: 'local', AWS_SECRET_ACCESS_KEY: 'local' };
  const failures: FailureRecord[] = [];
  const log = stack.streams.hub.log(stack.tableName);
  const account = options.accountId ?? '000000000000';
  const mappings = consumers.map((consumer) => {
    const destination = new FailureDestination(consumer.name, stack.streams.dir && path.join(stack.streams.dir, 'failures'), consumer.formerNames);
    const send = destination.send.bind(destination);
    destination.send = (record) => {
      send(record);
      failures.push(record);
    };
    const mapping = new EventSourceMapping({
      consumer,
      log,
      destination,
      functionArn: `arn:aws:lambda:${stack.region}:${account}:function:${consumer.name}`,
      checkpointDir: stack.streams.dir && path.join(stack.streams.dir, 'checkpoints'),
      retryBaseMs: options.retryBaseMs,
      retryMaxMs: options.retryMaxMs,
      logger: options.log,
      requestIds: (records) => stack.streams.hub.correlation.requestIds(log.tableName, records.map((r) => r.dynamodb.SequenceNumber)),
      invoke: (event, awsRequestId) =>
        invokeHandler(consumer.handler, event, { functionName: consumer.name, region: stack.region, accountId: account, awsRequestId, env: { ...defaults, ...options.env?.(consumer.name) } }),
    });
    const unregister = stack.streams.register(mapping);
    return { mapping, unregister };
  });
  return {
    failures,
    async close() {
      for (const { mapping, unregister } of mappings) {
        unregister();
        await mapping.close();
      }
    },
  };
}
