import { Link } from 'react-router-dom';
import { usePageTitle } from './page-title.ts';

/** 404 inside the shell. */
export default function NotFoundRoute() {
  usePageTitle('Not found');
  return (
    <div className="state">
      <h1 className="page-title">Page not found</h1>
      <p>
        Nothing lives here. <Link to="/explore">Explore Cruddur</Link>
      </p>
    </div>
  );
}
