import { lazy } from 'react';
import { useParams } from 'react-router-dom';

const Profile = lazy(() => import('./profile.tsx'));
const CrudPage = lazy(() => import('./crud.tsx'));
const NotFound = lazy(() => import('./not-found.tsx'));

/** `/@handle` → profile, `/@handle/status/:id` → crud page; anything without "@" is not found. */
export default function AtHandleRoute() {
  const { at = '', id } = useParams();
  if (!at.startsWith('@') || at.length < 2) return <NotFound />;
  const handle = at.slice(1);
  return id ? <CrudPage handle={handle} id={id} /> : <Profile handle={handle} />;
}
