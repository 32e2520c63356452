import type { KeyboardEvent } from 'react';

/** True for Ctrl+Enter (Windows, Linux) or Cmd+Enter (macOS), the "post" shortcut of social apps. */
export function isSubmitShortcut(e: KeyboardEvent): boolean {
  return e.key === 'Enter' && (e.ctrlKey || e.metaKey) && !e.nativeEvent.isComposing;
}

/**
 * A textarea's onKeyDown that submits its form on Ctrl/Cmd+Enter through `requestSubmit()`, so the
 * form's own validation and disabled submit button still decide.
 */
export function submitOnShortcut(e: KeyboardEvent<HTMLTextAreaElement>): void {
  if (!isSubmitShortcut(e)) return;
  e.preventDefault();
  const form = e.currentTarget.form;
  const submit = form?.querySelector<HTMLButtonElement>('button[type="submit"]');
  if (form && submit && !submit.disabled) form.requestSubmit(submit);
}
