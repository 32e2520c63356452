/**
 * Turns one JSON log line of the offline stack into one short line a person can read: the time,
 * who logged it, and what happened ("12:04:31 graphql  POST /graphql 200 12ms CreateCrud"). Both
 * JSON dialects on the console are understood — pino's (`level` number, `time`, `msg`) from the
 * servers and Powertools' (`level` name, `timestamp`, `message`, `service`) from the Lambdas.
 * Anything that is not a JSON object (the outbox's code boxes, the start banner) passes unchanged.
 * Routine plumbing behind a request (successful stream batches, the Lambdas' IAM publish calls, the
 * authorizer's verdicts) is left out, so what remains is one line per request a client made.
 *
 * Hand-written rather than pino-pretty: pino-pretty renders pino's lines only, one field per line
 * unless told otherwise, and would need the same per-message formatting written as options; this
 * also reformats the Lambdas' Powertools lines, which never pass through pino.
 */

export interface FormatOptions {
  /** ANSI colours (levels, dim request ids); off when the output is not a terminal or NO_COLOR is set. */
  color?: boolean;
  /** Also show the routine plumbing lines (see isRoutine); LOG_LEVEL=debug turns this on. */
  all?: boolean;
}

type Fields = Record<string, unknown>;

const pinoLevels: Record<number, string> = { 10: 'trace', 20: 'debug', 30: 'info', 40: 'warn', 50: 'error', 60: 'fatal' };

/** Keys that say who and when, shown in the prefix or not at all. */
const envelope = new Set([
  'level', 'time', 'timestamp', 'msg', 'message', 'name', 'component', 'service', 'pid', 'hostname',
  'cold_start', 'function_arn', 'function_memory_size', 'function_name', 'function_request_id', 'xray_trace_id', 'sampling_rate',
  'requestId', 'awsRequestId',
]);

/** The longest a rendered line may get; a huge payload must not flood the console. */
const maxLineChars = 400;

const ansi = (code: number) => (s: string) => `\u001b[${code}m${s}\u001b[0m`;
const paint = { dim: ansi(2), yellow: ansi(33), red: ansi(31), cyan: ansi(36) };

function levelOf(f: Fields): string {
  if (typeof f.level === 'number') return pinoLevels[f.level] ?? String(f.level);
  return typeof f.level === 'string' ? f.level.toLowerCase() : 'info';
}

function clock(f: Fields): string {
  const raw = f.time ?? f.timestamp;
  const date = typeof raw === 'number' || typeof raw === 'string' ? new Date(raw) : new Date(NaN);
  return Number.isNaN(date.getTime()) ? '--:--:--' : date.toTimeString().slice(0, 8);
}

function source(f: Fields): string {
  for (const key of ['component', 'service', 'function_name', 'name']) if (typeof f[key] === 'string' && f[key]) return f[key];
  return 'log';
}

const str = (v: unknown): string => (v === undefined || v === null ? '' : typeof v === 'string' ? v : JSON.stringify(v));

function errorText(err: unknown): string {
  if (err && typeof err === 'object') {
    const e = err as { type?: unknown; name?: unknown; message?: unknown };
    return [str(e.type ?? e.name), str(e.message)].filter(Boolean).join(': ');
  }
  return str(err);
}

/** The rest of the fields as `key=value`, errors by their message. */
function details(f: Fields, skip: ReadonlySet<string>): string {
  const parts: string[] = [];
  for (const [key, value] of Object.entries(f)) {
    if (envelope.has(key) || skip.has(key) || value === undefined || value === '' || (Array.isArray(value) && value.length === 0)) continue;
    parts.push(`${key}=${key === 'err' || key === 'error' ? errorText(value) : str(value)}`);
  }
  return parts.join(' ');
}

const ms = (v: unknown) => (typeof v === 'number' ? `${Math.round(v)}ms` : '');

/** Request lines of the three servers, in the order an access log reads. */
function requestLine(f: Fields, message: string): { text: string; used: Set<string> } | undefined {
  if (message === 'graphql request') {
    const errors = typeof f.errorCount === 'number' && f.errorCount > 0 ? `${f.errorCount} error${f.errorCount === 1 ? '' : 's'}${f.errorType ? ` (${str(f.errorType)})` : ''}` : '';
    const text = [str(f.method), str(f.path), str(f.status), ms(f.durationMs), str(f.operationName) || '(anonymous)', f.authMode ? `[${str(f.authMode)}]` : '', errors];
    return { text: text.filter(Boolean).join(' '), used: new Set(['method', 'path', 'status', 'durationMs', 'operationName', 'authMode', 'errorCount', 'errorType']) };
  }
  if (message === 'cognito') {
    const text = [str(f.action) || 'request', str(f.status), ms(f.ms), str(f.errorType)];
    return { text: text.filter(Boolean).join(' '), used: new Set(['action', 'status', 'ms', 'errorType']) };
  }
  if (message === 'storage request') {
    const text = [str(f.method), str(f.path), str(f.status), ms(f.ms)];
    return { text: text.filter(Boolean).join(' '), used: new Set(['method', 'path', 'status', 'ms']) };
  }
  return undefined;
}

/**
 * Lines that follow from a request rather than being one: a stream batch the consumer took, a
 * Lambda's IAM-signed publish mutation, the authorizer saying yes. Failures are never routine.
 */
export function isRoutine(f: Fields): boolean {
  const message = f.msg ?? f.message;
  if (levelOf(f) !== 'info') return false;
  if (message === 'stream batch') return f.ok === true;
  if (message === 'graphql request') return f.authMode === 'AWS_IAM' && typeof f.status === 'number' && f.status < 400;
  return message === 'authorized' && source(f) === 'authorizer';
}

/**
 * Formats one line: unchanged when it is not a JSON object, undefined when it is routine
 * (unless `all`).
 */
export function formatLogLine(line: string, options: FormatOptions = {}): string | undefined {
  const trimmed = line.trim();
  if (!trimmed.startsWith('{')) return line;
  let f: Fields;
  try {
    const parsed: unknown = JSON.parse(trimmed);
    if (!parsed || typeof parsed !== 'object' || Array.isArray(parsed)) return line;
    f = parsed as Fields;
  } catch {
    return line;
  }
  if (!options.all && isRoutine(f)) return undefined;
  const level = levelOf(f);
  const message = str(f.msg ?? f.message);
  const request = requestLine(f, message);
  const body = request ? [request.text, details(f, request.used)] : [message, details(f, new Set())];
  let text = body.filter(Boolean).join('  ');
  if (text.length > maxLineChars) text = `${text.slice(0, maxLineChars - 1)}…`;
  const id = str(f.requestId ?? f.awsRequestId ?? f.function_request_id);
  const c = options.color ? paint : { dim: (s: string) => s, yellow: (s: string) => s, red: (s: string) => s, cyan: (s: string) => s };
  const tag = level === 'info' ? '' : level === 'warn' ? c.yellow('WARN ') : ['error', 'fatal'].includes(level) ? c.red(`${level.toUpperCase()} `) : c.dim(`${level.toUpperCase()} `);
  return `${c.dim(clock(f))} ${c.cyan(source(f).padEnd(9))} ${tag}${text}${id ? c.dim(`  ${id.slice(0, 8)}`) : ''}`;
}
