/** Maps bundle positions back to the resolver's TypeScript through the bundle's inline source map. */
import { SourceMap } from 'node:module';

export interface Position { file: string; line: number; column: number }

const INLINE = /\/\/# sourceMappingURL=data:application\/json(?:;charset=[^;,]+)?;base64,([A-Za-z0-9+/=]+)\s*$/;

export interface Mapper {
  /** 1-based line and column in the bundle → original position (1-based), or null. */
  original(line: number, column: number): Position | null;
}

export function inlineSourceMap(source: string): Mapper | null {
  const m = INLINE.exec(source);
  if (!m) return null;
  let map: SourceMap;
  try {
    map = new SourceMap(JSON.parse(Buffer.from(m[1], 'base64').toString('utf8')));
  } catch {
    return null;
  }
  return {
    original(line, column) {
      const entry = map.findEntry(line - 1, Math.max(0, column - 1)) as { originalSource?: string; originalLine?: number; originalColumn?: number };
      if (!entry || entry.originalSource === undefined || entry.originalLine === undefined) return null;
      return { file: entry.originalSource, line: entry.originalLine + 1, column: (entry.originalColumn ?? 0) + 1 };
    },
  };
}
