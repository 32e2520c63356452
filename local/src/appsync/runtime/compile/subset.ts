/**
 * Checks a bundle against the APPSYNC_JS language subset: the developer guide's "Supported runtime
 * features" page plus the bans of @aws-appsync/eslint-plugin's `recommended` config (no-try,
 * no-while, no-for, no-continue, no-labels, no-disallowed-unary/binary-operators, no-in-operator,
 * no-classes, no-async, no-await, no-promise, no-generators, no-yield, no-this, no-regex,
 * no-recursion, no-function-passing, no-function-return, no-function-reassign,
 * no-disallowed-methods, no-disallowed-re-assignment). The eslint rules are type-aware; here the
 * checks are syntactic, so name-based where the rule uses types (see docs/runtime-fidelity.md).
 */
import type * as acorn from 'acorn';
import { walk, type Node } from './parse.ts';
import type { Violation } from './module-transform.ts';

const CALLBACK_METHODS = ['map', 'find', 'filter', 'findIndex', 'findLast', 'findLastIndex', 'forEach', 'reduce', 'reduceRight', 'every', 'some', 'flatMap'];

const STATIC_BANS: Record<string, string[]> = {
  Array: ['from', 'of'],
  Object: ['create', 'defineProperties', 'defineProperty', 'freeze', 'getOwnPropertyDescriptor', 'getOwnPropertyDescriptors', 'getOwnPropertyNames',
    'getOwnPropertySymbols', 'getPrototypeOf', 'hasOwnProperty', 'is', 'isExtensible', 'isFrozen', 'isPrototypeOf', 'isSealed', 'preventExtensions',
    'propertyIsEnumerable', 'seal', 'setPrototypeOf', 'toLocaleString'],
  String: ['fromCharCode', 'fromCodePoint', 'raw'],
};

/** Instance methods the runtime does not implement (receiver type unknown here, so by name). */
const METHOD_BANS = ['copyWithin', 'group', 'groupToMap', 'charCodeAt', 'localeCompare', 'matchAll', 'padEnd', 'padStart', 'repeat', 'search',
  'toLocaleLowerCase', 'toLocaleUpperCase', 'toLocaleString', 'toLocaleDateString', 'toLocaleTimeString', 'toGMTString',
  'setDate', 'setFullYear', 'setHours', 'setMilliseconds', 'setMinutes', 'setMonth', 'setSeconds', 'setTime', 'setUTCDate', 'setUTCFullYear',
  'setUTCHours', 'setUTCMilliseconds', 'setUTCMinutes', 'setUTCMonth', 'setUTCSeconds', 'setYear'];

/** Array.prototype.entries/keys/values (Object.entries/keys/values are fine). */
const ITERATOR_METHODS = ['entries', 'keys', 'values'];

const isFunctionNode = (n: Node | null | undefined): boolean =>
  !!n && (n.type === 'FunctionDeclaration' || n.type === 'FunctionExpression' || n.type === 'ArrowFunctionExpression');

function propertyName(member: Node): string | null {
  const prop = member.property as Node;
  if (!member.computed && prop.type === 'Identifier') return prop.name as string;
  if (member.computed && prop.type === 'Literal' && typeof prop.value === 'string') return prop.value;
  return null;
}

/** Named functions of the bundle: declarations and `const f = () => …` / `function` expressions. */
function namedFunctions(program: acorn.Program): Map<string, Node> {
  const fns = new Map<string, Node>();
  walk(program, (node) => {
    if (node.type === 'FunctionDeclaration' && node.id) fns.set((node.id as Node).name as string, node);
    if (node.type === 'VariableDeclarator' && (node.id as Node).type === 'Identifier' && isFunctionNode(node.init as Node)) {
      fns.set((node.id as Node).name as string, node.init as Node);
    }
  });
  return fns;
}

function nameOfFunction(fn: Node, parent: Node | undefined): string | null {
  if (fn.type === 'FunctionDeclaration' && fn.id) return (fn.id as Node).name as string;
  if (parent?.type === 'VariableDeclarator' && (parent.id as Node).type === 'Identifier') return (parent.id as Node).name as string;
  return null;
}

function recursionViolations(program: acorn.Program, fns: Map<string, Node>): Violation[] {
  const calls = new Map<string, { callee: string; node: Node }[]>();
  walk(program, (node, ancestors) => {
    if (node.type !== 'CallExpression' || (node.callee as Node).type !== 'Identifier') return;
    const callee = (node.callee as Node).name as string;
    if (!fns.has(callee)) return;
    for (let i = ancestors.length - 1; i >= 0; i -= 1) {
      if (!isFunctionNode(ancestors[i])) continue;
      const caller = nameOfFunction(ancestors[i], ancestors[i - 1]);
      if (caller) {
        if (!calls.has(caller)) calls.set(caller, []);
        calls.get(caller)?.push({ callee, node });
        break;
      }
    }
  });
  const reaches = (from: string, target: string, seen: Set<string>): boolean => {
    for (const { callee } of calls.get(from) ?? []) {
      if (callee === target) return true;
      if (!seen.has(callee)) {
        seen.add(callee);
        if (reaches(callee, target, seen)) return true;
      }
    }
    return false;
  };
  const out: Violation[] = [];
  for (const [caller, list] of calls) {
    for (const { callee, node } of list) {
      if (callee === caller || reaches(callee, caller, new Set([callee]))) {
        out.push({ line: node.loc.start.line, column: node.loc.start.column + 1, message: `Recursion is not supported: '${caller}' calls '${callee}', which leads back to '${caller}'` });
      }
    }
  }
  return out;
}

export function checkSubset(program: acorn.Program): Violation[] {
  const violations: Violation[] = [];
  const fns = namedFunctions(program);
  const isFunctionValue = (n: Node | null | undefined): boolean =>
    isFunctionNode(n) || (!!n && n.type === 'Identifier' && fns.has(n.name as string));
  const report = (node: Node, message: string) => violations.push({ line: node.loc.start.line, column: node.loc.start.column + 1, message });

  walk(program, (node, ancestors) => {
    const parent = ancestors[ancestors.length - 1];
    switch (node.type) {
      case 'TryStatement': report(node, 'try/catch/finally statements are not supported'); break;
      case 'ThrowStatement': report(node, 'throw statements are not supported (use util.error)'); break;
      case 'WhileStatement': report(node, 'while loops are not supported'); break;
      case 'DoWhileStatement': report(node, 'do-while loops are not supported'); break;
      case 'ForStatement': report(node, 'for(;;) loops are not supported (use for-of or for-in)'); break;
      case 'ContinueStatement': report(node, 'continue statements are not supported'); break;
      case 'LabeledStatement': report(node, 'labeled statements are not supported'); break;
      case 'UpdateExpression': report(node, `The operator ${node.operator as string} is not supported`); break;
      case 'UnaryExpression':
        if (node.operator === '~') report(node, 'The operator ~ is not supported');
        break;
      case 'BinaryExpression':
        if (node.operator === 'in') report(node, "The 'in' operator is not supported (use Object.hasOwn)");
        if (node.operator === 'instanceof') report(node, "The 'instanceof' operator is not supported");
        break;
      case 'ClassDeclaration': case 'ClassExpression': report(node, 'Classes are not supported'); break;
      case 'AwaitExpression': report(node, 'await is not supported'); break;
      case 'YieldExpression': report(node, 'yield is not supported'); break;
      case 'ThisExpression': report(node, "'this' is not supported"); break;
      case 'ImportExpression': report(node, 'Dynamic import is not supported'); break;
      case 'Literal':
        if (node.regex) report(node, 'Regular expression literals are not supported');
        break;
      case 'Identifier':
        if (node.name === 'Promise' && !(parent?.type === 'MemberExpression' && parent.property === node && !parent.computed)
          && !(parent?.type === 'Property' && parent.key === node && !parent.computed)) report(node, 'Promises are not supported');
        break;
      case 'FunctionDeclaration': case 'FunctionExpression': case 'ArrowFunctionExpression':
        if (node.async) report(node, 'async functions are not supported');
        if (node.generator) report(node, 'Generators are not supported');
        if (node.type === 'ArrowFunctionExpression' && node.expression && isFunctionValue(node.body as Node)) report(node.body as Node, 'Functions can not be returned');
        break;
      case 'ReturnStatement':
        if (isFunctionValue(node.argument as Node)) report(node, 'Functions can not be returned');
        break;
      case 'AssignmentExpression': {
        const left = node.left as Node;
        if (left.type === 'Identifier' && fns.has(left.name as string)) report(node, `Function '${left.name as string}' can not be reassigned`);
        if (left.type === 'Identifier' && left.name === 'ctx') report(node, 'ctx is readonly and re-assignment is not supported.');
        if (left.type === 'MemberExpression' && (left.object as Node).type === 'Identifier' && (left.object as Node).name === 'ctx') {
          report(node, `ctx is readonly. Adding/Updating ${propertyName(left) ?? 'properties'} is not supported.`);
        }
        break;
      }
      case 'CallExpression': case 'NewExpression': {
        const callee = node.callee as Node;
        const args = (node.arguments as Node[]) ?? [];
        if (args.some((a) => isFunctionValue(a))) {
          const method = callee.type === 'MemberExpression' ? propertyName(callee) : null;
          if (!method || !CALLBACK_METHODS.includes(method)) report(node, 'Functions can not be passed as an argument');
        }
        if (callee.type === 'Identifier' && (callee.name === 'eval' || callee.name === 'Function')) report(node, `${callee.name as string} is not supported`);
        if (callee.type === 'MemberExpression') {
          const method = propertyName(callee);
          const object = callee.object as Node;
          if (method && object.type === 'Identifier' && STATIC_BANS[object.name as string]) {
            if (STATIC_BANS[object.name as string].includes(method)) report(node, `Method ${object.name as string}.${method} is not implemented`);
          } else if (method && METHOD_BANS.includes(method)) {
            report(node, `Method ${method} is not implemented`);
          } else if (method && ITERATOR_METHODS.includes(method) && !(object.type === 'Identifier' && object.name === 'Object') && args.length === 0) {
            report(node, `Method Array.${method} is not implemented`);
          }
        }
        break;
      }
      case 'TaggedTemplateExpression': {
        const tag = node.tag as Node;
        if (tag.type === 'MemberExpression' && propertyName(tag) === 'raw') report(node, 'Method String.raw is not implemented');
        break;
      }
      default: break;
    }
  });
  violations.push(...recursionViolations(program, fns));
  return violations.sort((a, b) => a.line - b.line || a.column - b.column);
}
