import { SignInForm } from '../../../features/auth/components/sign-in-form.tsx';
import { usePageTitle } from '../page-title.ts';

/** /signin page. */
export default function Route() {
  usePageTitle('Sign in');
  return (
    <main id="main" className="auth-page">
      <SignInForm />
    </main>
  );
}
