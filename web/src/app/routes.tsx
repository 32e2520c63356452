import { lazy, Suspense } from 'react';
import { Route, Routes } from 'react-router-dom';
import { Loading } from '../components/ui/states.tsx';
import { AppShell } from './layout/app-shell.tsx';

// Every screen is its own chunk: first load carries only the shell and the current route.
const Home = lazy(() => import('./routes/home.tsx'));
const Explore = lazy(() => import('./routes/explore.tsx'));
const Hashtag = lazy(() => import('./routes/hashtag.tsx'));
const Search = lazy(() => import('./routes/search.tsx'));
const ProfileOrCrud = lazy(() => import('./routes/at-handle.tsx'));
const Notifications = lazy(() => import('./routes/notifications.tsx'));
const Messages = lazy(() => import('./routes/messages.tsx'));
const Insights = lazy(() => import('./routes/insights.tsx'));
const Bookmarks = lazy(() => import('./routes/bookmarks.tsx'));
const Settings = lazy(() => import('./routes/settings.tsx'));
const SignIn = lazy(() => import('./routes/auth/sign-in.tsx'));
const SignUp = lazy(() => import('./routes/auth/sign-up.tsx'));
const Confirm = lazy(() => import('./routes/auth/confirm.tsx'));
const Forgot = lazy(() => import('./routes/auth/forgot.tsx'));
const NotFound = lazy(() => import('./routes/not-found.tsx'));
const ProfileRedirect = lazy(() => import('./routes/redirects.tsx').then((m) => ({ default: m.ProfileRedirect })));
const CrudRedirect = lazy(() => import('./routes/redirects.tsx').then((m) => ({ default: m.CrudRedirect })));

/** The route table. `/@handle` and `/@handle/status/:id` share one route (react-router has no `@:param`). */
export function AppRoutes() {
  return (
    <Suspense fallback={<Loading />}>
      <Routes>
        <Route path="/signin" element={<SignIn />} />
        <Route path="/signup" element={<SignUp />} />
        <Route path="/confirm" element={<Confirm />} />
        <Route path="/forgot" element={<Forgot />} />
        <Route element={<AppShell />}>
          <Route index element={<Home />} />
          <Route path="explore" element={<Explore />} />
          <Route path="hashtag/:tag" element={<Hashtag />} />
          <Route path="search" element={<Search />} />
          <Route path="notifications" element={<Notifications />} />
          <Route path="messages" element={<Messages />} />
          <Route path="messages/new/:handle" element={<Messages />} />
          <Route path="messages/:conversationId" element={<Messages />} />
          <Route path="insights" element={<Insights />} />
          <Route path="profile/:handle" element={<ProfileRedirect />} />
          <Route path="crud/:id" element={<CrudRedirect />} />
          <Route path="bookmarks" element={<Bookmarks />} />
          <Route path="settings" element={<Settings />} />
          <Route path=":at" element={<ProfileOrCrud />} />
          <Route path=":at/status/:id" element={<ProfileOrCrud />} />
          <Route path=":at/:section" element={<ProfileOrCrud />} />
          <Route path="*" element={<NotFound />} />
        </Route>
      </Routes>
    </Suspense>
  );
}
