import { useEffect, useRef } from 'react';
import { Button } from './button.tsx';

/**
 * The end of an infinitely scrolled list: loads more when it scrolls into view, and is also a
 * real button so keyboard and screen-reader users can load more on purpose.
 */
export function LoadMore({ hasMore, loading, onLoadMore, label = 'Load more' }: { hasMore: boolean; loading: boolean; onLoadMore: () => void; label?: string }) {
  const ref = useRef<HTMLDivElement>(null);
  const latest = useRef(onLoadMore);
  latest.current = onLoadMore;
  useEffect(() => {
    const el = ref.current;
    if (!el || !hasMore || loading || typeof IntersectionObserver === 'undefined') return undefined;
    const io = new IntersectionObserver((entries) => {
      if (entries.some((e) => e.isIntersecting)) latest.current();
    }, { rootMargin: '400px' });
    io.observe(el);
    return () => io.disconnect();
  }, [hasMore, loading]);
  if (!hasMore) return null;
  return (
    <div ref={ref} className="load-more">
      <Button variant="secondary" busy={loading} onClick={onLoadMore}>
        {loading ? 'Loading…' : label}
      </Button>
    </div>
  );
}
