/**
 * A line-splitting transform that passes a process's stdout through `formatLogLine`. Used by
 * `cruddur-local start` (and so `npm start`) unless `LOG_FORMAT=json`: the stack and the Lambda
 * processes it forks all write to that one stdout, so formatting it once covers every source.
 */
import { Transform } from 'node:stream';
import { StringDecoder } from 'node:string_decoder';
import { formatLogLine, type FormatOptions } from './format-line.ts';

/** A line longer than this is flushed as it is (unformatted) instead of buffering without bound. */
const maxBufferedChars = 1024 * 1024;

/** `LOG_FORMAT=json` keeps JSON lines for tools; anything else (or unset) means readable lines. */
export function wantsPrettyLogs(env: NodeJS.ProcessEnv = process.env): boolean {
  return (env.LOG_FORMAT ?? 'pretty').toLowerCase() !== 'json';
}

/** LOG_LEVEL=debug or trace shows the routine lines too. */
export function wantsAllLines(env: NodeJS.ProcessEnv = process.env): boolean {
  return ['debug', 'trace'].includes((env.LOG_LEVEL ?? '').toLowerCase());
}

/** Creates the transform; text ending without a newline is flushed at end of stream. */
export function createPrettyStream(options: FormatOptions = {}): Transform {
  let pending = '';
  // A chunk may end inside a multi-byte character; the decoder holds it until the rest arrives.
  const decoder = new StringDecoder('utf8');
  return new Transform({
    decodeStrings: true,
    transform(chunk: Buffer, _encoding, done) {
      pending += decoder.write(chunk);
      const lines = pending.split('\n');
      pending = lines.pop() ?? '';
      let out = '';
      for (const l of lines) {
        const text = formatLogLine(l, options);
        if (text !== undefined) out += `${text}\n`;
      }
      if (pending.length > maxBufferedChars) {
        out += pending;
        pending = '';
      }
      done(null, out);
    },
    flush(done) {
      pending += decoder.end();
      done(null, pending ? (formatLogLine(pending, options) ?? '') : '');
    },
  });
}
