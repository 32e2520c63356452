import { RequireAuth } from '../require-auth.tsx';
import { SafetyLists } from '../../features/safety/components/safety-lists.tsx';
import { usePageTitle } from './page-title.ts';

/** `/settings`: the accounts the caller blocks and mutes, each with a way back. */
export default function SettingsRoute() {
  usePageTitle('Settings');
  return (
    <RequireAuth notice="Sign in to change your settings.">
      <h1 className="page-title">Settings</h1>
      <SafetyLists />
    </RequireAuth>
  );
}
