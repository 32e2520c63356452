/**
 * Chart colours for the dark purple theme: each is at least 3:1 against the page background
 * (WCAG 1.4.11, non-text contrast) and they differ in lightness and dash pattern too, so series
 * stay apart for colour-blind viewers. Each is drawn thinner than the one before, so where two
 * series have the same values (both lines on one path) the one underneath still shows.
 */
export const SERIES_STYLES = [
  { color: '#7fd4ff', dash: undefined, width: 5 },
  { color: '#ff8fab', dash: '6 4', width: 3 },
  { color: '#ffd166', dash: '2 3', width: 1.5 },
] as const;

/** The accent for single-series bars. */
export const BAR_COLOR = '#be78ff';

/** Every `step`-th index, always including the last: axis ticks that never crowd. */
export function tickIndexes(count: number, maxTicks: number): number[] {
  if (count <= 0) return [];
  const step = Math.max(1, Math.ceil(count / Math.max(1, maxTicks)));
  const picked: number[] = [];
  for (let i = count - 1; i >= 0; i -= step) picked.unshift(i);
  return picked;
}
