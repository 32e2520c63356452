import { useId } from 'react';

/** The ranges `myInsights(days:)` accepts (schema.graphql). */
export const INSIGHTS_RANGES = [7, 30, 90] as const;
export type InsightsRange = (typeof INSIGHTS_RANGES)[number];

/**
 * 7 / 30 / 90 days as a radio group: native radios give arrow-key movement and one tab stop,
 * so the picker needs no keyboard handling of its own.
 */
export function RangePicker({ value, onChange }: { value: InsightsRange; onChange(range: InsightsRange): void }) {
  const name = useId();
  return (
    <fieldset className="range-picker">
      <legend className="visually-hidden">Range</legend>
      {INSIGHTS_RANGES.map((days) => (
        <label key={days} className={`range-option${days === value ? ' selected' : ''}`}>
          <input type="radio" name={name} value={days} checked={days === value} onChange={() => onChange(days)} />
          {days} days
        </label>
      ))}
    </fieldset>
  );
}
