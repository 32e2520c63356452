/**
 * Turns an ESM resolver bundle into the body of a factory function the sandbox can run as a
 * classic script: `import` becomes a lookup in the built-in module table, `export` becomes the
 * factory's return value. Edits keep every line break in place, so line numbers in the transformed
 * code equal the bundle's and the bundle's source map stays valid.
 */
import type * as acorn from 'acorn';
import type { Node } from './parse.ts';
import { tickInsertions } from './instrument.ts';

export interface Violation { line: number; column: number; message: string }

/** A change of line length in the transformed code: columns at or after `column` moved by `delta`. */
export interface ColumnShift { line: number; column: number; delta: number }

export interface TransformResult {
  body: string;
  /** Per-line column shifts, to map transformed positions back to the bundle's. */
  shifts: ColumnShift[];
  exports: string[];
  violations: Violation[];
}

export const BUILTIN_MODULES = ['@aws-appsync/utils', '@aws-appsync/utils/dynamodb', '@aws-appsync/utils/rds'];

interface Edit { start: number; end: number; text: string }

/** Replacement text that keeps the original's line breaks (so later lines do not move). */
function sameLines(original: string, text: string): string {
  const breaks = original.split('\n').length - 1;
  return text + '\n'.repeat(breaks);
}

export function transformModule(source: string, program: acorn.Program): TransformResult {
  const edits: Edit[] = [];
  const exported: [string, string][] = [];
  const violations: Violation[] = [];
  const at = (n: acorn.Node) => ({ line: (n.loc?.start.line ?? 1), column: (n.loc?.start.column ?? 0) + 1 });

  for (const stmt of program.body as Node[]) {
    const original = source.slice(stmt.start, stmt.end);
    if (stmt.type === 'ImportDeclaration') {
      const from = (stmt.source as { value: string }).value;
      if (!BUILTIN_MODULES.includes(from)) {
        violations.push({ ...at(stmt), message: `Cannot import '${from}': only @aws-appsync/utils, @aws-appsync/utils/dynamodb and @aws-appsync/utils/rds are available (bundle other code into the resolver)` });
        continue;
      }
      const parts: string[] = [];
      for (const spec of stmt.specifiers as Node[]) {
        const local = (spec.local as { name: string }).name;
        if (spec.type === 'ImportNamespaceSpecifier') parts.push(`const ${local} = __load(${JSON.stringify(from)});`);
        else if (spec.type === 'ImportDefaultSpecifier') parts.push(`const ${local} = __load(${JSON.stringify(from)}).default;`);
        else {
          const imported = spec.imported as { name?: string; value?: string };
          parts.push(`const ${local} = __load(${JSON.stringify(from)})[${JSON.stringify(imported.name ?? imported.value)}];`);
        }
      }
      edits.push({ start: stmt.start, end: stmt.end, text: sameLines(original, parts.join(' ')) });
    } else if (stmt.type === 'ExportNamedDeclaration') {
      if (stmt.source) {
        violations.push({ ...at(stmt), message: 'Re-exporting from another module is not supported' });
      } else if (stmt.declaration) {
        const decl = stmt.declaration as Node;
        edits.push({ start: stmt.start, end: decl.start, text: ' '.repeat(decl.start - stmt.start) });
        if (decl.type === 'VariableDeclaration') {
          for (const d of decl.declarations as Node[]) {
            const id = d.id as Node;
            if (id.type === 'Identifier') exported.push([id.name as string, id.name as string]);
          }
        } else {
          const name = (decl.id as { name: string }).name;
          exported.push([name, name]);
        }
      } else {
        for (const spec of stmt.specifiers as Node[]) {
          const local = (spec.local as { name: string }).name;
          const ex = spec.exported as { name?: string; value?: string };
          exported.push([ex.name ?? (ex.value as string), local]);
        }
        edits.push({ start: stmt.start, end: stmt.end, text: sameLines(original, '') });
      }
    } else if (stmt.type === 'ExportDefaultDeclaration') {
      const decl = stmt.declaration as Node;
      const named = (decl.type === 'FunctionDeclaration') && decl.id;
      if (named) {
        edits.push({ start: stmt.start, end: decl.start, text: ' '.repeat(decl.start - stmt.start) });
        exported.push(['default', (decl.id as { name: string }).name]);
      } else {
        edits.push({ start: stmt.start, end: decl.start, text: 'const __default = ' });
        exported.push(['default', '__default']);
      }
    } else if (stmt.type === 'ExportAllDeclaration') {
      violations.push({ ...at(stmt), message: 'Re-exporting from another module is not supported' });
    }
  }

  for (const ins of tickInsertions(program)) edits.push({ start: ins.pos, end: ins.pos, text: ins.text });
  edits.sort((a, b) => b.start - a.start || b.end - a.end);
  let body = source;
  for (const e of edits) body = body.slice(0, e.start) + e.text + body.slice(e.end);
  const ret = exported.map(([name, local]) => `${JSON.stringify(name)}: ${local}`).join(', ');
  body += `\n;return { ${ret} };`;
  return { body, shifts: columnShifts(source, edits), exports: exported.map(([name]) => name), violations };
}

/** Where single-line edits changed a line's length (multi-line edits keep their lines by construction). */
function columnShifts(source: string, edits: Edit[]): ColumnShift[] {
  const lineStarts = [0];
  for (let i = 0; i < source.length; i += 1) if (source[i] === '\n') lineStarts.push(i + 1);
  const locate = (pos: number) => {
    let lo = 0;
    let hi = lineStarts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (lineStarts[mid] <= pos) lo = mid; else hi = mid - 1;
    }
    return { line: lo + 1, column: pos - lineStarts[lo] + 1 };
  };
  const shifts: ColumnShift[] = [];
  for (const e of edits) {
    if (source.slice(e.start, e.end).includes('\n')) continue;
    const delta = e.text.length - (e.end - e.start);
    if (delta !== 0) shifts.push({ ...locate(e.start), delta });
  }
  return shifts;
}

/** Maps a 1-based position in the transformed code back to the bundle. */
export function bundlePosition(shifts: ColumnShift[], line: number, column: number): { line: number; column: number } {
  let acc = 0;
  for (const s of shifts.filter((x) => x.line === line).sort((a, b) => a.column - b.column)) {
    const start = s.column + acc;
    if (column < start) break;
    if (s.delta > 0 && column < start + s.delta) return { line, column: s.column };
    acc += s.delta;
  }
  return { line, column: column - acc };
}
