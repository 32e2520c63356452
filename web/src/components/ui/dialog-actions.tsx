import type { ReactNode } from 'react';
import { Button } from './button.tsx';

/** A dialog form's submit and Cancel buttons, in the app's order. */
export function DialogActions({ submit, busy, disabled, danger = false, onCancel }: { submit: ReactNode; busy: boolean; disabled: boolean; danger?: boolean; onCancel(): void }) {
  return (
    <div className="form-actions">
      <Button type="submit" variant={danger ? 'danger' : 'primary'} busy={busy} disabled={disabled}>
        {submit}
      </Button>
      <Button variant="ghost" onClick={onCancel}>
        Cancel
      </Button>
    </div>
  );
}
