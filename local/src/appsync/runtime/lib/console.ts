/**
 * console.log / console.error for resolver code. Lines are recorded as
 * `<LEVEL> - <file>:<line>:<column>: <message>`, the shape AppSync writes to CloudWatch and returns
 * from EvaluateCode (location mapped to the bundle position of the call).
 */
import { state } from './state.ts';

let bundleFile = '';
let onLine: (line: string) => void = () => {};

export function configureConsole(file: string, sink: (line: string) => void): void {
  bundleFile = file;
  onLine = sink;
}

function show(v: unknown): string {
  if (typeof v === 'string') return v;
  if (v === undefined) return 'undefined';
  if (typeof v === 'function') return '[Function]';
  try {
    return JSON.stringify(v) ?? String(v);
  } catch {
    return String(v);
  }
}

function callerLocation(): string {
  const stack = new Error().stack ?? '';
  for (const line of stack.split('\n')) {
    const at = line.lastIndexOf(`${bundleFile}:`);
    if (at >= 0) {
      const m = /:(\d+):(\d+)\)?$/.exec(line);
      if (m) return `${bundleFile}:${m[1]}:${m[2]}`;
    }
  }
  return bundleFile;
}

function write(level: string, args: unknown[]): void {
  const line = `${level} - ${callerLocation()}: ${args.map(show).join(' ')}`;
  state().logs.push(line);
  onLine(line);
}

export const sandboxConsole = {
  log: (...args: unknown[]) => write('INFO', args),
  info: (...args: unknown[]) => write('INFO', args),
  debug: (...args: unknown[]) => write('DEBUG', args),
  warn: (...args: unknown[]) => write('WARN', args),
  error: (...args: unknown[]) => write('ERROR', args),
};
