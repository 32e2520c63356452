import { renderToStaticMarkup } from 'react-dom/server';
import { MemoryRouter } from 'react-router-dom';
import { describe, expect, it } from 'vitest';
import type { MyInsightsQuery } from '../../../graphql/types.ts';
import { InsightsView, isEmptyInsights } from './insights-view.tsx';

type Insights = NonNullable<MyInsightsQuery['myInsights']>;

const dates = ['2026-12-05', '2026-12-06', '2026-12-07'];
const zero = { cruds: 0, likes: 0, reposts: 0, replies: 0, newFollowers: 0, unfollows: 0 };
const hours = (entries: Record<number, number> = {}) => Array.from({ length: 24 }, (_, hour) => ({ hour, count: entries[hour] ?? 0 }));

function insights(over: Partial<Insights> = {}): Insights {
  return {
    days: 7,
    from: dates[0],
    to: dates[2],
    daily: [
      { date: dates[0], ...zero },
      { date: dates[1], ...zero, cruds: 2, likes: 5, reposts: 1, newFollowers: 3 },
      { date: dates[2], ...zero, cruds: 1, replies: 4, unfollows: 1 },
    ],
    totals: { cruds: 3, likes: 5, reposts: 1, replies: 4, newFollowers: 3, unfollows: 1 },
    topCruds: [
      { crudId: '01LIVE', message: 'hello <world>', createdAt: '2026-12-06T10:00:00Z', likes: 5, reposts: 1, replies: 0, expired: false },
      { crudId: '01GONE', message: null, createdAt: '2026-12-06T11:00:00Z', likes: 0, reposts: 0, replies: 4, expired: false },
      { crudId: '01OLD', message: null, createdAt: '2026-12-05T11:00:00Z', likes: 1, reposts: 0, replies: 0, expired: true },
    ],
    followerActiveHours: hours({ 22: 4, 9: 7 }),
    hashtags: [{ tag: 'cats', total: 2, daily: dates.map((date, i) => ({ date, count: i === 1 ? 2 : 0 })) }],
    ...over,
  };
}

const render = (value: Insights | null, offsetMinutes = 0) =>
  renderToStaticMarkup(
    <MemoryRouter>
      <InsightsView insights={value} handle="ada" offsetMinutes={offsetMinutes} />
    </MemoryRouter>,
  );
const text = (html: string) => html.replace(/<[^>]+>/g, ' ').replace(/\s+/g, ' ').trim();
/** The rows (as text) of the table captioned `caption`. */
function tableRows(html: string, caption: string): string[] {
  const table = html.split('<table').find((t) => t.includes(`<caption>${caption}</caption>`));
  if (!table) throw new Error(`no table "${caption}"`);
  return [...table.split('</table>')[0].matchAll(/<tr>(.*?)<\/tr>/g)].map((m) => text(m[1]));
}

describe('InsightsView', () => {
  it('gives every chart a data table with the day-by-day numbers', () => {
    const html = render(insights());
    expect(tableRows(html, 'Cruds posted per day (UTC)')).toEqual(['Day Cruds', 'Sat, Dec 5, 2026 0', 'Sun, Dec 6, 2026 2', 'Mon, Dec 7, 2026 1']);
    expect(tableRows(html, 'Engagement received per day (UTC)')[2]).toBe('Sun, Dec 6, 2026 5 1 0');
    expect(tableRows(html, 'Followers per day (UTC)')[3]).toBe('Mon, Dec 7, 2026 0 1');
    expect(tableRows(html, 'Uses of #cats per day (UTC)')[2]).toBe('Sun, Dec 6, 2026 2');
  });

  it('hides the drawings from assistive technology, which reads the tables instead', () => {
    const html = render(insights());
    const drawings = html.match(/<div class="chart-drawing"[^>]*>/g) ?? [];
    expect(drawings.length).toBe(5); // three daily charts, follower hours, one hashtag
    for (const d of drawings) expect(d).toContain('aria-hidden="true"');
    expect(html.match(/aria-pressed="false"[^>]*>Show as table/g)?.length).toBe(5);
  });

  it('shows the totals', () => {
    expect(text(render(insights()))).toContain('Cruds 3 Likes 5 Reposts 1 Replies 4 New followers 3 Unfollows 1');
  });

  it('links a live top crud to its page and marks deleted and expired ones', () => {
    const html = render(insights());
    expect(html).toContain('href="/@ada/status/01LIVE"');
    expect(html).toContain('hello &lt;world&gt;');
    expect(text(html)).toContain('Deleted crud');
    expect(text(html)).toContain('Expired crud');
    expect(html).not.toContain('/status/01GONE');
    expect(html).not.toContain('/status/01OLD');
  });

  it("moves the followers' UTC hours to the viewer's local time", () => {
    const html = render(insights(), 120);
    const rows = tableRows(html, 'Follower actions by hour (your local time)');
    expect(rows).toHaveLength(25);
    expect(rows[1]).toBe('00:00 4'); // 22:00 UTC
    expect(rows).toContain('11:00 7'); // 09:00 UTC
    expect(text(html)).toContain('Busiest (your local time): 11:00, 00:00.');
  });

  it('asks for a first crud when the range holds nothing', () => {
    const empty = insights({ daily: dates.map((date) => ({ date, ...zero })), totals: zero, topCruds: [], followerActiveHours: hours(), hashtags: [] });
    expect(isEmptyInsights(empty)).toBe(true);
    expect(text(render(empty))).toContain('Post something to see Insights.');
    expect(text(render(null))).toContain('Post something to see Insights.');
    expect(isEmptyInsights(insights({ topCruds: [], hashtags: [], totals: { ...zero, likes: 1 } }))).toBe(false);
  });
});
