import { useId, type ComponentProps, type InputHTMLAttributes, type ReactNode } from 'react';

interface FieldShell {
  label: string;
  /** Keeps the label for assistive technology only (composers whose placeholder says it all). */
  hideLabel?: boolean;
  /** Shown under the field and announced with it (aria-describedby). */
  hint?: ReactNode;
  error?: string;
}

type Aria = { id: string; 'aria-invalid'?: true; 'aria-describedby'?: string };

/**
 * Label, hint and error around one control, wired with aria-describedby / aria-invalid.
 * `describedBy` adds ids of descriptions rendered elsewhere (a counter in a toolbar).
 */
function Field({ label, hideLabel, hint, error, id, describedBy, control }: FieldShell & { id?: string; describedBy?: string; control: (aria: Aria) => ReactNode }) {
  const auto = useId();
  const fieldId = id ?? auto;
  const ids = [describedBy ?? '', hint ? `${fieldId}-hint` : '', error ? `${fieldId}-error` : ''].filter(Boolean).join(' ') || undefined;
  return (
    <div className="field">
      <label htmlFor={fieldId} className={hideLabel ? 'visually-hidden' : undefined}>
        {label}
      </label>
      {control({ id: fieldId, 'aria-invalid': error ? true : undefined, 'aria-describedby': ids })}
      {hint && <div id={`${fieldId}-hint`} className="field-hint">{hint}</div>}
      {error && <div id={`${fieldId}-error`} className="field-error">{error}</div>}
    </div>
  );
}

/** A labelled input with hint and error. */
export function TextField({ label, hideLabel, hint, error, id, 'aria-describedby': describedBy, ...rest }: FieldShell & InputHTMLAttributes<HTMLInputElement>) {
  return <Field label={label} hideLabel={hideLabel} hint={hint} error={error} id={id} describedBy={describedBy} control={(aria) => <input {...rest} {...aria} />} />;
}

/** A labelled textarea; same wiring as TextField (`ref` reaches the textarea). */
export function TextArea({ label, hideLabel, hint, error, id, 'aria-describedby': describedBy, ...rest }: FieldShell & ComponentProps<'textarea'>) {
  return <Field label={label} hideLabel={hideLabel} hint={hint} error={error} id={id} describedBy={describedBy} control={(aria) => <textarea {...rest} {...aria} />} />;
}
