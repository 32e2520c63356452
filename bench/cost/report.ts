/** The cost model's three outputs as text tables (printed by `npm run cost` and after `npm run bench`). */
import { defaultAssumptions, feedReadCost, monthlyCost, postCost, type Assumptions } from './model.ts';
import type { Measured } from './measured.ts';
import { prices, type Prices } from './prices.ts';

const usd = (n: number) => (n >= 100 ? `$${n.toFixed(0)}` : n >= 1 ? `$${n.toFixed(2)}` : `$${n.toPrecision(3)}`);

export function costReport(m: Measured, a: Assumptions = defaultAssumptions, p: Prices = prices): string {
  const lines = [`Cost model (us-east-1 public prices, docs/cost.md); counts: ${m.source}`];
  lines.push(`  1M home-feed reads (limit 20): ${usd(1e6 * feedReadCost(m, p))}  (${m.homeFeedRead.readUnits} RRU and ${Object.entries(m.homeFeedRead.calls).map(([k, v]) => `${v} ${k.replace('Command', '')}`).join(', ')} per page)`);
  lines.push('  per post, by followers:        push          pull    (+ pull per follower feed page)');
  for (const n of [10, 100, 1000, 10_000, 100_000]) {
    const c = postCost(m, n, a, p);
    lines.push(`    ${String(n).padStart(7)} followers   ${usd(c.push).padStart(11)}  ${usd(c.pull).padStart(12)}    ${usd(c.pullPerFollowerRead)}`);
  }
  const month = monthlyCost(m, 1000, a, p);
  lines.push(`  1,000 daily active users, a month (assumptions: docs/cost.md): ${usd(month.reduce((t, l) => t + l.usd, 0))}`);
  for (const l of month) lines.push(`    ${l.item.padEnd(70)} ${usd(l.usd).padStart(9)}`);
  return lines.join('\n');
}
