import { useId, type InputHTMLAttributes, type TextareaHTMLAttributes, type ReactNode } from 'react';

interface FieldShell {
  label: string;
  /** Shown under the field and announced with it (aria-describedby). */
  hint?: ReactNode;
  error?: string;
}

/** A labelled input with hint and error wired to aria-describedby / aria-invalid. */
export function TextField({ label, hint, error, id, ...rest }: FieldShell & InputHTMLAttributes<HTMLInputElement>) {
  const auto = useId();
  const fieldId = id ?? auto;
  const describedBy = [hint ? `${fieldId}-hint` : '', error ? `${fieldId}-error` : ''].filter(Boolean).join(' ') || undefined;
  return (
    <div className="field">
      <label htmlFor={fieldId}>{label}</label>
      <input {...rest} id={fieldId} aria-invalid={error ? true : undefined} aria-describedby={describedBy} />
      {hint && <div id={`${fieldId}-hint`} className="field-hint">{hint}</div>}
      {error && <div id={`${fieldId}-error`} className="field-error">{error}</div>}
    </div>
  );
}

/** A labelled textarea; same wiring as TextField. */
export function TextArea({ label, hint, error, id, ...rest }: FieldShell & TextareaHTMLAttributes<HTMLTextAreaElement>) {
  const auto = useId();
  const fieldId = id ?? auto;
  const describedBy = [hint ? `${fieldId}-hint` : '', error ? `${fieldId}-error` : ''].filter(Boolean).join(' ') || undefined;
  return (
    <div className="field">
      <label htmlFor={fieldId}>{label}</label>
      <textarea {...rest} id={fieldId} aria-invalid={error ? true : undefined} aria-describedby={describedBy} />
      {hint && <div id={`${fieldId}-hint`} className="field-hint">{hint}</div>}
      {error && <div id={`${fieldId}-error`} className="field-error">{error}</div>}
    </div>
  );
}
