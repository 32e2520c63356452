import { useEffect, useRef, useState } from 'react';

/**
 * The rendered width of an element, following resizes, so charts draw at their real size (text
 * stays legible on a 390 px phone instead of a scaled-down desktop drawing). Before layout, and
 * where ResizeObserver is missing, the fallback width is used.
 */
export function useElementWidth<T extends HTMLElement>(fallback: number) {
  const ref = useRef<T>(null);
  const [width, setWidth] = useState(fallback);
  useEffect(() => {
    const el = ref.current;
    if (!el || typeof ResizeObserver === 'undefined') return;
    const observer = new ResizeObserver(([entry]) => {
      const w = Math.floor(entry.contentRect.width);
      if (w > 0) setWidth(w);
    });
    observer.observe(el);
    return () => observer.disconnect();
  }, []);
  return { ref, width };
}
