import { ConfirmForm } from '../../../features/auth/components/confirm-form.tsx';
import { usePageTitle } from '../page-title.ts';

/** /confirm page. */
export default function Route() {
  usePageTitle('Confirm your email');
  return (
    <main id="main" className="auth-page">
      <ConfirmForm />
    </main>
  );
}
