import { useState, type FormEvent } from 'react';
import { useNavigate, useSearchParams } from 'react-router-dom';

/** The search box: submits to /search?q=<handle prefix>. */
export function UserSearchBox() {
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const [q, setQ] = useState(params.get('q') ?? '');
  function onSubmit(e: FormEvent) {
    e.preventDefault();
    const prefix = q.trim().replace(/^@/, '');
    if (prefix) navigate(`/search?q=${encodeURIComponent(prefix)}`);
  }
  return (
    <form role="search" className="search-box" onSubmit={onSubmit}>
      <label htmlFor="user-search" className="visually-hidden">
        Search people by handle
      </label>
      <input id="user-search" type="search" placeholder="Search @handles" value={q} onChange={(e) => setQ(e.target.value)} />
    </form>
  );
}
