import { useId, type InputHTMLAttributes, type TextareaHTMLAttributes, type ReactNode } from 'react';

interface FieldShell {
  label: string;
  /** Shown under the field and announced with it (aria-describedby). */
  hint?: ReactNode;
  error?: string;
}

/** Label, hint and error around one control, wired with aria-describedby / aria-invalid. */
function Field({ label, hint, error, id, control }: FieldShell & { id?: string; control: (aria: { id: string; 'aria-invalid'?: true; 'aria-describedby'?: string }) => ReactNode }) {
  const auto = useId();
  const fieldId = id ?? auto;
  const describedBy = [hint ? `${fieldId}-hint` : '', error ? `${fieldId}-error` : ''].filter(Boolean).join(' ') || undefined;
  return (
    <div className="field">
      <label htmlFor={fieldId}>{label}</label>
      {control({ id: fieldId, 'aria-invalid': error ? true : undefined, 'aria-describedby': describedBy })}
      {hint && <div id={`${fieldId}-hint`} className="field-hint">{hint}</div>}
      {error && <div id={`${fieldId}-error`} className="field-error">{error}</div>}
    </div>
  );
}

/** A labelled input with hint and error. */
export function TextField({ label, hint, error, id, ...rest }: FieldShell & InputHTMLAttributes<HTMLInputElement>) {
  return <Field label={label} hint={hint} error={error} id={id} control={(aria) => <input {...rest} {...aria} />} />;
}

/** A labelled textarea; same wiring as TextField. */
export function TextArea({ label, hint, error, id, ...rest }: FieldShell & TextareaHTMLAttributes<HTMLTextAreaElement>) {
  return <Field label={label} hint={hint} error={error} id={id} control={(aria) => <textarea {...rest} {...aria} />} />;
}
