import { useState, type FormEvent } from 'react';
import { Link, useNavigate, useSearchParams } from 'react-router-dom';
import { autoSignIn, confirmSignUp, resendSignUpCode } from 'aws-amplify/auth';
import { Button } from '../../../components/ui/button.tsx';
import { TextField } from '../../../components/ui/field.tsx';
import { FormMessage } from '../../../components/ui/states.tsx';
import { authErrorMessage } from '../cognito-errors.ts';
import { AuthCard } from './auth-card.tsx';
import { OfflineCodeHint } from './offline-code-hint.tsx';

/** Confirms a sign-up with the emailed code (email prefilled from ?email=), with resend. */
export function ConfirmForm() {
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const [email, setEmail] = useState(params.get('email') ?? '');
  const [code, setCode] = useState('');
  const [error, setError] = useState<string>();
  const [info, setInfo] = useState<string>();
  const [busy, setBusy] = useState(false);
  const [resending, setResending] = useState(false);

  async function onSubmit(e: FormEvent) {
    e.preventDefault();
    setBusy(true);
    setError(undefined);
    setInfo(undefined);
    try {
      const { nextStep } = await confirmSignUp({ username: email.trim(), confirmationCode: code.trim() });
      if (nextStep.signUpStep === 'COMPLETE_AUTO_SIGN_IN') {
        try {
          await autoSignIn();
          navigate('/', { replace: true });
          return;
        } catch {
          // Auto sign-in only works in the tab that signed up; elsewhere, sign in by hand.
        }
      }
      navigate(`/signin?email=${encodeURIComponent(email.trim())}`, { replace: true, state: { notice: 'Your account is confirmed. Sign in to continue.' } });
    } catch (err) {
      setError(authErrorMessage(err));
    } finally {
      setBusy(false);
    }
  }

  async function onResend() {
    setResending(true);
    setError(undefined);
    setInfo(undefined);
    try {
      const { destination } = await resendSignUpCode({ username: email.trim() });
      setInfo(`We sent a new code${destination ? ` to ${destination}` : ''}.`);
    } catch (err) {
      setError(authErrorMessage(err));
    } finally {
      setResending(false);
    }
  }

  return (
    <AuthCard
      title="Confirm your email"
      footer={
        <p>
          Already confirmed? <Link to="/signin">Sign in</Link>
        </p>
      }
    >
      <form onSubmit={onSubmit}>
        <TextField label="Email" type="email" name="email" autoComplete="username" required value={email} onChange={(e) => setEmail(e.target.value)} />
        <TextField
          label="Confirmation code"
          name="code"
          inputMode="numeric"
          autoComplete="one-time-code"
          required
          value={code}
          onChange={(e) => setCode(e.target.value)}
        />
        <OfflineCodeHint email={email} />
        {error && <FormMessage kind="error">{error}</FormMessage>}
        {info && <FormMessage kind="success">{info}</FormMessage>}
        <div className="form-actions">
          <Button type="submit" busy={busy}>
            Confirm
          </Button>
          <Button variant="ghost" busy={resending} disabled={!email.trim()} onClick={() => void onResend()}>
            Resend code
          </Button>
        </div>
      </form>
    </AuthCard>
  );
}
