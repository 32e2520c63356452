import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

interface Report {
  entryFiles: string[];
  worstBytes: number;
  budgetBytes: number;
  routes: { route: string; via: string; bytes: number; files: string[] }[];
}

const dist = path.resolve('web/dist');
// A class name every visx axis renders: present in a chunk exactly when the chart library is in it.
const CHART_MARKER = 'visx-axis';
const carriesCharts = (files: string[]) => files.some((f) => readFileSync(path.join(dist, f), 'utf8').includes(CHART_MARKER));

describe('first-load budget with the chart library', () => {
  it('keeps every route under 300 KB and loads the chart library only with Insights and the hashtag chart', () => {
    // Exits 1 (execFileSync throws) when the heaviest first load is over budget.
    const report = JSON.parse(execFileSync(process.execPath, ['web/scripts/bundle-size.mjs', '--build', '--json', '--budget-kb', '300'], { encoding: 'utf8' })) as Report;
    expect(report.worstBytes).toBeLessThanOrEqual(report.budgetBytes);
    expect(carriesCharts(report.entryFiles)).toBe(false);
    const withCharts = report.routes.filter((r) => carriesCharts(r.files));
    expect(withCharts.map((r) => r.route).sort()).toEqual(['hashtag.tsx', 'insights.tsx']);
    // The hashtag page gets the library only through its lazily loaded history chart.
    const hashtag = report.routes.find((r) => r.route === 'hashtag.tsx');
    expect(hashtag?.via).toBe('src/features/insights/components/hashtag-history.tsx');
  }, 180_000);
});
