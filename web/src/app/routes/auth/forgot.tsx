import { ForgotPasswordForm } from '../../../features/auth/components/forgot-password-form.tsx';
import { usePageTitle } from '../page-title.ts';

/** /forgot page. */
export default function Route() {
  usePageTitle('Recover your password');
  return (
    <main id="main" className="auth-page">
      <ForgotPasswordForm />
    </main>
  );
}
