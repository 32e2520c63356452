import { useEffect, useRef, useState } from 'react';

/**
 * Opens a native `<dialog>` modally on mount (focus trap and Escape come with it) and, when the
 * dialog unmounts, gives focus back to the element that opened it. Browsers restore focus only
 * when a dialog is closed with `close()`; React removing it from the page would drop focus to
 * `<body>` and keyboard users would lose their place.
 */
export function useModalDialog() {
  const dialog = useRef<HTMLDialogElement>(null);
  // Read during the first render, before the dialog takes focus; state survives StrictMode's
  // re-run of effects, where an effect would see the dialog's own field as the active element.
  const [opener] = useState(() => (document.activeElement instanceof HTMLElement ? document.activeElement : null));
  useEffect(() => {
    const d = dialog.current;
    if (d && !d.open && typeof d.showModal === 'function') d.showModal();
    return () => {
      // The opener may be gone (e.g. the dialog deleted what it belonged to).
      if (opener?.isConnected) opener.focus();
    };
  }, [opener]);
  return dialog;
}
