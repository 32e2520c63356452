/**
 * Budget checks for resolver code. vm's per-call `timeout` starts a watchdog thread each call
 * (~0.27 ms, more than the handler itself), so instead every loop iteration and every function
 * entry calls `__tick()`, which stops the handler once its time is up. With no while/for(;;)
 * loops and no recursion in the subset, that bounds every resolver except inside one built-in call.
 */
import type * as acorn from 'acorn';
import { walk, type Node } from './parse.ts';

export interface Insertion { pos: number; text: string }

export const TICK = '__tick';

export function tickInsertions(program: acorn.Program): Insertion[] {
  const out: Insertion[] = [];
  const guard = (body: Node, expressionBody: boolean) => {
    if (body.type === 'BlockStatement') out.push({ pos: body.start + 1, text: `${TICK}();` });
    else if (expressionBody) {
      out.push({ pos: body.start, text: `(${TICK}(), ` });
      out.push({ pos: body.end, text: ')' });
    } else {
      out.push({ pos: body.start, text: `{${TICK}();` });
      out.push({ pos: body.end, text: '}' });
    }
  };
  walk(program, (node) => {
    if (node.type === 'ForOfStatement' || node.type === 'ForInStatement') guard(node.body as Node, false);
    else if (node.type === 'FunctionDeclaration' || node.type === 'FunctionExpression') guard(node.body as Node, false);
    else if (node.type === 'ArrowFunctionExpression') guard(node.body as Node, node.expression === true);
  });
  return out;
}
