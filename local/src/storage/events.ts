/**
 * S3 event notifications to Lambda, with the message shape S3 sends ("Event message structure",
 * version 2.1), to each target function as its definition says (in-process, or isolated with
 * reserved concurrency: ../lambda/lambda-function.ts). Delivery is asynchronous, like S3's (an asynchronous
 * Lambda invocation): the PUT is answered first. A failing invocation is retried twice with a
 * back-off, as Lambda does for asynchronous invocations, then logged and dropped.
 */
import { randomBytes } from 'node:crypto';
import { lambdaFunction, type FunctionDefinition } from '../lambda-runtime/lambda-function.ts';
import type { FunctionEnv } from '../lambda-runtime/function-env.ts';

/** One record of an `s3:ObjectCreated:*` event (the fields S3 sends). */
export interface S3EventRecord {
  eventVersion: '2.1';
  eventSource: 'aws:s3';
  awsRegion: string;
  eventTime: string;
  eventName: 'ObjectCreated:Put';
  userIdentity: { principalId: string };
  requestParameters: { sourceIPAddress: string };
  responseElements: { 'x-amz-request-id': string; 'x-amz-id-2': string };
  s3: {
    s3SchemaVersion: '1.0';
    configurationId: string;
    bucket: { name: string; ownerIdentity: { principalId: string }; arn: string };
    object: { key: string; size: number; eTag: string; sequencer: string };
  };
}

export interface S3Event {
  Records: S3EventRecord[];
}

export interface NotificationTarget extends FunctionDefinition {
  bucket: string;
  prefix: string;
}

export interface CreatedObject {
  bucket: string;
  key: string;
  size: number;
  /** Hex MD5 without quotes (S3 events carry the bare ETag). */
  eTag: string;
  requestId: string;
  sourceIp: string;
  principalId: string;
}

/** S3 URL-encodes the key in events, spaces as `+` ("red flower.jpg" → "red+flower.jpg"); `/` stays. */
export function eventKey(key: string): string {
  return key
    .split('/')
    .map((s) => encodeURIComponent(s).replace(/%20/g, '+'))
    .join('/');
}

let sequence = 0n;
/** Sequencers only order events for the same key; a hex counter seeded by the clock does that. */
function nextSequencer(): string {
  sequence = sequence === 0n ? BigInt(Date.now()) * 1_000_000n : sequence + 1n;
  return sequence.toString(16).toUpperCase().padStart(18, '0');
}

export function objectCreatedEvent(o: CreatedObject, region: string, configurationId: string): S3Event {
  return {
    Records: [
      {
        eventVersion: '2.1',
        eventSource: 'aws:s3',
        awsRegion: region,
        eventTime: new Date().toISOString(),
        eventName: 'ObjectCreated:Put',
        userIdentity: { principalId: o.principalId },
        requestParameters: { sourceIPAddress: o.sourceIp },
        responseElements: { 'x-amz-request-id': o.requestId, 'x-amz-id-2': randomBytes(48).toString('base64') },
        s3: {
          s3SchemaVersion: '1.0',
          configurationId,
          bucket: { name: o.bucket, ownerIdentity: { principalId: 'CRUDDURLOCAL' }, arn: `arn:aws:s3:::${o.bucket}` },
          object: { key: eventKey(o.key), size: o.size, eTag: o.eTag, sequencer: nextSequencer() },
        },
      },
    ],
  };
}

export interface Notifier {
  objectCreated(o: CreatedObject): void;
  /** Resolves when every delivery started so far has finished (tests, shutdown). */
  idle(): Promise<void>;
  /** Stops the target functions' isolated environments (call after idle()). */
  close(): Promise<void>;
}

export interface NotifierOptions {
  targets: NotificationTarget[];
  region: string;
  /** Each target function's environment, computed when an invocation starts (../lambda-runtime/function-env.ts). */
  functionEnv?: (functionName: string) => FunctionEnv;
  log: (obj: object, msg: string) => void;
  /** Back-off between attempts (Lambda waits about a minute, then two; shortened offline). */
  retryDelaysMs?: number[];
}

export function createNotifier(options: NotifierOptions): Notifier {
  const inFlight = new Set<Promise<void>>();
  const delays = options.retryDelaysMs ?? [1000, 2000];
  const functions = new Map(options.targets.map((t) => [t, lambdaFunction(t, { region: options.region, env: () => options.functionEnv?.(t.functionName) ?? {} })]));

  async function deliver(target: NotificationTarget, event: S3Event): Promise<void> {
    for (let attempt = 0; ; attempt++) {
      try {
        await functions.get(target)!.invoke(event);
        return;
      } catch (err) {
        if (attempt >= delays.length) {
          options.log({ err: (err as Error).message, key: event.Records[0].s3.object.key, functionName: target.functionName }, 'S3 event delivery failed; dropped after retries');
          return;
        }
        await new Promise((r) => setTimeout(r, delays[attempt]));
      }
    }
  }

  return {
    objectCreated(o) {
      for (const target of options.targets) {
        if (target.bucket !== o.bucket || !o.key.startsWith(target.prefix)) continue;
        const p = deliver(target, objectCreatedEvent(o, options.region, `${target.functionName}-${target.prefix}`)).finally(() => inFlight.delete(p));
        inFlight.add(p);
      }
    },
    async idle() {
      while (inFlight.size > 0) await Promise.all([...inFlight]);
    },
    async close() {
      await Promise.all([...functions.values()].map((f) => f.close()));
    },
  };
}
