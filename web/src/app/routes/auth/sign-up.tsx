import { SignUpForm } from '../../../features/auth/components/sign-up-form.tsx';
import { usePageTitle } from '../page-title.ts';

/** /signup page. */
export default function Route() {
  usePageTitle('Sign up');
  return (
    <main id="main" className="auth-page">
      <SignUpForm />
    </main>
  );
}
