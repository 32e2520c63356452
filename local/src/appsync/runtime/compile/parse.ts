/** Parses a resolver bundle (ESM, latest syntax) with acorn, keeping line/column locations. */
import * as acorn from 'acorn';

export type Node = acorn.Node & Record<string, unknown> & { loc: acorn.SourceLocation };

export function parseModule(source: string): acorn.Program {
  return acorn.parse(source, { ecmaVersion: 'latest', sourceType: 'module', locations: true });
}

/** Visits every node depth-first; `enter` gets the node and its ancestors (nearest last). */
export function walk(root: acorn.Node, enter: (node: Node, ancestors: Node[]) => void): void {
  const ancestors: Node[] = [];
  const visit = (node: Node): void => {
    enter(node, ancestors);
    ancestors.push(node);
    for (const key of Object.keys(node)) {
      if (key === 'loc' || key === 'start' || key === 'end' || key === 'type') continue;
      const child = node[key];
      if (Array.isArray(child)) {
        for (const c of child) if (c && typeof c === 'object' && typeof (c as Node).type === 'string') visit(c as Node);
      } else if (child && typeof child === 'object' && typeof (child as Node).type === 'string') {
        visit(child as Node);
      }
    }
    ancestors.pop();
  };
  visit(root as Node);
}
