/** A nav badge: the count (99+ above 99), announced as "N unread" with the link's name; nothing at 0. */
export function CountBadge({ count }: { count: number }) {
  if (count === 0) return null;
  return (
    <span className="badge" aria-label={`${count} unread`}>
      {count > 99 ? '99+' : count}
    </span>
  );
}
