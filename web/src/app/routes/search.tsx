import { useSearchParams } from 'react-router-dom';
import { UserSearchBox } from '../../features/explore/components/user-search-box.tsx';
import { UserSearchResults } from '../../features/explore/components/user-search-results.tsx';
import { usePageTitle } from './page-title.ts';

/** People search by handle prefix (/search?q=). */
export default function SearchRoute() {
  const [params] = useSearchParams();
  const prefix = (params.get('q') ?? '').trim().replace(/^@/, '');
  usePageTitle(prefix ? `Search: ${prefix}` : 'Search');
  return (
    <>
      <h1 className="page-title">Search people</h1>
      <div className="search-page-box">
        <UserSearchBox key={prefix} />
      </div>
      <UserSearchResults prefix={prefix} />
    </>
  );
}
