/** Closed-loop load settings shared by the HTTP benchmarks, from the environment. */
export const loadSettings = {
  /** BENCH_DURATION_S (10): measured seconds per level. */
  durationMs: Number(process.env.BENCH_DURATION_S ?? 10) * 1000,
  /** BENCH_WARMUP_S (3): unmeasured seconds before each level. */
  warmupMs: Number(process.env.BENCH_WARMUP_S ?? 3) * 1000,
  /** BENCH_CONCURRENCY ("1,10,50"): requests in flight per level. */
  levels: (process.env.BENCH_CONCURRENCY ?? '1,10,50').split(',').map(Number),
};
