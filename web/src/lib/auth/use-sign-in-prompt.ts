import { useCallback } from 'react';
import { useLocation, useNavigate } from 'react-router-dom';

/** For guests pressing an action: go to sign-in with a notice, then come back here. */
export function useSignInPrompt(): (notice: string) => void {
  const navigate = useNavigate();
  const location = useLocation();
  return useCallback(
    (notice: string) => {
      const next = `${location.pathname}${location.search}`;
      navigate(`/signin?next=${encodeURIComponent(next)}`, { state: { notice } });
    },
    [navigate, location.pathname, location.search],
  );
}
