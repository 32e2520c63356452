import { useEffect } from 'react';

/** Sets document.title (screen readers announce it on route changes). */
export function usePageTitle(title: string): void {
  useEffect(() => {
    document.title = title ? `${title} · Cruddur` : 'Cruddur';
  }, [title]);
}
