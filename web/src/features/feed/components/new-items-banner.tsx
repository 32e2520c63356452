/** The "N new cruds" button shown when live items arrive while the reader is scrolled down. */
export function NewItemsBanner({ count, onShow }: { count: number; onShow(): void }) {
  if (count === 0) return null;
  return (
    <div className="new-items" role="status">
      <button type="button" className="btn btn-primary" onClick={onShow}>
        Show {count} new {count === 1 ? 'crud' : 'cruds'}
      </button>
    </div>
  );
}
