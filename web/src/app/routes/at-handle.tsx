import { lazy } from 'react';
import { useParams } from 'react-router-dom';
import type { ProfileSection } from './profile-sections.tsx';

const Profile = lazy(() => import('./profile.tsx'));
const CrudPage = lazy(() => import('./crud.tsx'));
const NotFound = lazy(() => import('./not-found.tsx'));

const SECTIONS: readonly ProfileSection[] = ['replies', 'likes', 'followers', 'following'];

/** `/@handle` → profile, `/@handle/<section>` → a profile section, `/@handle/status/:id` → crud page; anything without "@" is not found. */
export default function AtHandleRoute() {
  const { at = '', id, section } = useParams();
  if (!at.startsWith('@') || at.length < 2) return <NotFound />;
  const handle = at.slice(1);
  if (id) return <CrudPage handle={handle} id={id} />;
  if (section === undefined) return <Profile handle={handle} />;
  const known = SECTIONS.find((s) => s === section);
  return known ? <Profile handle={handle} section={known} /> : <NotFound />;
}
