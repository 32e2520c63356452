/**
 * TTL sweep cost: `expired` items already past their expiry, beside `live` items that are not,
 * bulk-loaded into the embedded store; one sweep deletes them all (each a conditional delete
 * under the write lock, with its REMOVE record). Reports time, items/s and memory (RSS and heap
 * before, peak during, after), so growth with table size shows.
 */
import { marshall } from '@aws-sdk/util-dynamodb';
import { startDynamo } from '../../local/src/dynamodb/index.ts';
import { table as cruddurTable } from '../../definitions/table.ts';

export interface TtlSample {
  expired: number;
  live: number;
  deleted: number;
  ms: number;
  itemsPerSecond: number;
  rssMb: { before: number; peak: number; after: number };
  heapMb: { before: number; peak: number; after: number };
}

const mb = (n: number) => Math.round(n / 1048576);

export async function measureTtlSweep(expired: number, live: number): Promise<TtlSample> {
  const dynamo = await startDynamo({ table: cruddurTable, ttlIntervalMs: 0 });
  try {
    const past = Math.floor(Date.now() / 1000) - 3600;
    const future = past + 30 * 86400;
    const total = expired + live;
    for (let i = 0; i < total; i += 5000) {
      const batch = [];
      for (let k = i; k < Math.min(total, i + 5000); k++) {
        batch.push(marshall({ pk: `BENCH#${k % 1000}`, sk: String(k).padStart(8, '0'), type: 'MARKER', expiresAt: k < expired ? past : future }));
      }
      await dynamo.importItems(batch as never);
    }
    global.gc?.();
    const before = process.memoryUsage();
    let peakRss = before.rss;
    let peakHeap = before.heapUsed;
    const sampler = setInterval(() => {
      const m = process.memoryUsage();
      peakRss = Math.max(peakRss, m.rss);
      peakHeap = Math.max(peakHeap, m.heapUsed);
    }, 100);
    const began = performance.now();
    const deleted = await dynamo.ttl.sweepNow();
    const ms = performance.now() - began;
    clearInterval(sampler);
    global.gc?.();
    const after = process.memoryUsage();
    return {
      expired,
      live,
      deleted,
      ms,
      itemsPerSecond: deleted / (ms / 1000),
      rssMb: { before: mb(before.rss), peak: mb(peakRss), after: mb(after.rss) },
      heapMb: { before: mb(before.heapUsed), peak: mb(peakHeap), after: mb(after.heapUsed) },
    };
  } finally {
    await dynamo.close();
  }
}
