import { PassThrough } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { createLogger, logRequest } from '../logger.ts';
import { formatLogLine, isRoutine } from './format-line.ts';
import { createPrettyStream, wantsAllLines, wantsPrettyLogs } from './pretty-stream.ts';

const at = '2026-12-07T21:04:31.250Z';
const local = new Date(at).toTimeString().slice(0, 8);

/** Lines the real pino logger writes, captured from a stream. */
function pinoLines(write: (logger: ReturnType<typeof createLogger>) => void): string[] {
  const chunks: string[] = [];
  const destination = { write: (s: string) => void chunks.push(s) };
  write(createLogger({ level: 'info', destination }));
  return chunks.join('').trim().split('\n');
}

describe('formatLogLine', () => {
  it('renders a GraphQL request as one access-log line', () => {
    const [line] = pinoLines((l) => logRequest(l.child({ component: 'graphql' }), { requestId: 'a1b2c3d4-e5f6', method: 'POST', path: '/graphql', status: 200, durationMs: 12.4, operationName: 'CreateCrud', authMode: 'AWS_LAMBDA' }));
    expect(formatLogLine(line)).toMatch(/^\d\d:\d\d:\d\d graphql\s+POST \/graphql 200 12ms CreateCrud \[AWS_LAMBDA\]  a1b2c3d4$/);
  });

  it('flags errors and warnings and names the error type', () => {
    const [line] = pinoLines((l) => logRequest(l.child({ component: 'graphql' }), { requestId: 'r', method: 'POST', path: '/graphql', status: 401, durationMs: 3, operationName: null, errorCount: 1, errorType: 'UnauthorizedException' }));
    expect(formatLogLine(line)).toContain('WARN POST /graphql 401 3ms (anonymous) 1 error (UnauthorizedException)');
    const [failed] = pinoLines((l) => l.child({ component: 'engine' }).error({ err: new TypeError('boom') }, 'request failed'));
    expect(formatLogLine(failed)).toMatch(/engine\s+ERROR request failed {2}err=TypeError: boom$/);
  });

  it('renders Cognito and storage request lines', () => {
    const cognito = JSON.stringify({ level: 30, time: at, component: 'cognito', requestId: 'ffeeddcc-1', action: 'SignUp', status: 200, ms: 41, msg: 'cognito' });
    expect(formatLogLine(cognito)).toBe(`${local} cognito   SignUp 200 41ms  ffeeddcc`);
    const storage = JSON.stringify({ level: 30, time: at, component: 'storage', requestId: 'x', method: 'PUT', path: '/avatars/u.jpg', status: 200, ms: 7, msg: 'storage request' });
    expect(formatLogLine(storage)).toBe(`${local} storage   PUT /avatars/u.jpg 200 7ms  x`);
  });

  it('reads Powertools lines from the Lambdas and drops their envelope', () => {
    const line = JSON.stringify({ level: 'INFO', message: 'fan-out done', timestamp: at, service: 'feed-fanout', cold_start: false, function_name: 'fanout', xray_trace_id: 't', recipients: 3 });
    expect(formatLogLine(line)).toBe(`${local} feed-fanout fan-out done  recipients=3`);
  });

  it('passes anything that is not a JSON object through unchanged', () => {
    for (const line of ['┌────┐', '│ Code: 123456 │', 'Cruddur offline backend is running.', '{not json', '[1,2]', '']) expect(formatLogLine(line)).toBe(line);
  });

  it('keeps a huge payload to one bounded line', () => {
    const line = JSON.stringify({ level: 30, time: at, component: 'streams', msg: 'batch', payload: 'x'.repeat(10_000) });
    expect(formatLogLine(line)!.length).toBeLessThan(500);
  });

  it('leaves out the routine lines behind a request unless all are asked for', () => {
    const batch = { level: 30, time: at, component: 'streams', msg: 'stream batch', consumer: 'fanout', records: 1, requestIds: [], ok: true, ms: 4 };
    const publish = { level: 30, time: at, component: 'graphql', msg: 'graphql request', method: 'POST', path: '/graphql', status: 200, durationMs: 2, operationName: 'PublishFeedItem', authMode: 'AWS_IAM', requestId: 'p' };
    const authorized = { level: 'INFO', timestamp: at, service: 'authorizer', message: 'authorized', sub: 's' };
    for (const f of [batch, publish, authorized]) {
      expect(isRoutine(f)).toBe(true);
      expect(formatLogLine(JSON.stringify(f))).toBeUndefined();
    }
    expect(formatLogLine(JSON.stringify(batch), { all: true })).toBe(`${local} streams   stream batch  consumer=fanout records=1 ok=true ms=4`);
    // Failures always show.
    expect(isRoutine({ ...batch, ok: false, level: 50 })).toBe(false);
    expect(isRoutine({ ...publish, status: 401 })).toBe(false);
    expect(isRoutine({ ...publish, authMode: 'AWS_LAMBDA' })).toBe(false);
  });

  it('colours levels only when asked', () => {
    const line = JSON.stringify({ level: 50, time: at, component: 'x', msg: 'bad' });
    expect(formatLogLine(line, { color: true })).toContain('\u001b[31mERROR \u001b[0m');
    expect(formatLogLine(line)).not.toContain('\u001b[');
  });
});

describe('createPrettyStream', () => {
  it('formats whole lines across chunk boundaries, multi-byte characters included', async () => {
    const out = new PassThrough();
    const stream = createPrettyStream();
    stream.pipe(out);
    const text = `${JSON.stringify({ level: 30, time: at, component: 'cognito', msg: 'cognito', action: 'SignUp', status: 200, ms: 1, requestId: 'abc' })}\n│ ✉ Code: 1 │\n`;
    const bytes = Buffer.from(text);
    const cut = bytes.indexOf(Buffer.from('✉')) + 1;
    stream.write(bytes.subarray(0, 20));
    stream.write(bytes.subarray(20, cut));
    stream.end(bytes.subarray(cut));
    const chunks: Buffer[] = [];
    for await (const c of out) chunks.push(c as Buffer);
    expect(Buffer.concat(chunks).toString()).toBe(`${local} cognito   SignUp 200 1ms  abc\n│ ✉ Code: 1 │\n`);
  });

  it('is the default; LOG_FORMAT=json keeps JSON', () => {
    expect(wantsPrettyLogs({})).toBe(true);
    expect(wantsPrettyLogs({ LOG_FORMAT: 'pretty' })).toBe(true);
    expect(wantsPrettyLogs({ LOG_FORMAT: 'JSON' })).toBe(false);
    expect(wantsAllLines({})).toBe(false);
    expect(wantsAllLines({ LOG_LEVEL: 'debug' })).toBe(true);
  });
});
