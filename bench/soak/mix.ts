/** The soak's operation mix, one entry per 20th of the load: 80% reads, 20% writes. */
export type Operation = 'feedQuery' | 'indexQuery' | 'get' | 'scan' | 'update' | 'put';

const weights: [Operation, number][] = [
  ['feedQuery', 8],
  ['indexQuery', 3],
  ['get', 3],
  ['scan', 2],
  ['update', 3],
  ['put', 1],
];

/** Interleaved, so every stretch of the run sees every kind of operation. */
export const mix: Operation[] = (() => {
  const out: Operation[] = [];
  const left = new Map(weights);
  while ([...left.values()].some((n) => n > 0)) {
    for (const [op] of weights) {
      const n = left.get(op)!;
      if (n > 0) {
        out.push(op);
        left.set(op, n - 1);
      }
    }
  }
  return out;
})();
