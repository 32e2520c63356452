import type { ExpiresIn } from '../../graphql/types.ts';
import { Icon } from './icon.tsx';

/** The original's expiry choices, longest first; 7 days is the default. */
export const EXPIRY_CHOICES: ReadonlyArray<{ value: ExpiresIn; label: string }> = [
  { value: 'THIRTY_DAYS', label: '30 days' },
  { value: 'SEVEN_DAYS', label: '7 days' },
  { value: 'THREE_DAYS', label: '3 days' },
  { value: 'ONE_DAY', label: '1 day' },
  { value: 'TWELVE_HOURS', label: '12 hours' },
  { value: 'THREE_HOURS', label: '3 hours' },
  { value: 'ONE_HOUR', label: '1 hour' },
];

/** What the schema defaults to when expiresIn is omitted. */
export const DEFAULT_EXPIRY: ExpiresIn = 'SEVEN_DAYS';

/** The "Expires after" menu of the composer and the reply form. */
export function ExpirySelect({ value, onChange }: { value: ExpiresIn; onChange(value: ExpiresIn): void }) {
  return (
    <label className="expiry">
      <Icon name="timer" size={18} />
      <span className="visually-hidden">Expires after</span>
      <select value={value} onChange={(e) => onChange(e.target.value as ExpiresIn)} aria-label="Expires after">
        {EXPIRY_CHOICES.map((c) => (
          <option key={c.value} value={c.value}>
            {c.label}
          </option>
        ))}
      </select>
    </label>
  );
}
