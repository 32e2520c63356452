import { useState, type FormEvent } from 'react';
import { Link, useLocation, useNavigate, useSearchParams } from 'react-router-dom';
import { signIn } from 'aws-amplify/auth';
import { Button } from '../../../components/ui/button.tsx';
import { TextField } from '../../../components/ui/field.tsx';
import { FormMessage } from '../../../components/ui/states.tsx';
import { authErrorMessage, authErrorName } from '../cognito-errors.ts';
import { AuthCard } from './auth-card.tsx';
import { safeNext } from '../safe-next.ts';

/** Email + password sign-in with Amplify's default flow (USER_SRP_AUTH). */
export function SignInForm() {
  const navigate = useNavigate();
  const location = useLocation();
  const [params] = useSearchParams();
  const next = safeNext(params.get('next'));
  const notice = (location.state as { notice?: string } | null)?.notice;
  const [email, setEmail] = useState(params.get('email') ?? '');
  const [password, setPassword] = useState('');
  const [error, setError] = useState<string>();
  const [busy, setBusy] = useState(false);

  async function onSubmit(e: FormEvent) {
    e.preventDefault();
    setBusy(true);
    setError(undefined);
    try {
      const { nextStep } = await signIn({ username: email.trim(), password });
      if (nextStep.signInStep === 'CONFIRM_SIGN_UP') {
        navigate(`/confirm?email=${encodeURIComponent(email.trim())}`);
      } else if (nextStep.signInStep === 'RESET_PASSWORD') {
        navigate(`/forgot?email=${encodeURIComponent(email.trim())}`);
      } else if (nextStep.signInStep === 'DONE') {
        navigate(next, { replace: true });
      } else {
        setError(`This account needs a step Cruddur does not support (${nextStep.signInStep}).`);
      }
    } catch (err) {
      const name = authErrorName(err);
      if (name === 'UserNotConfirmedException') navigate(`/confirm?email=${encodeURIComponent(email.trim())}`);
      else if (name === 'UserAlreadyAuthenticatedException') navigate(next, { replace: true });
      else setError(authErrorMessage(err));
    } finally {
      setBusy(false);
    }
  }

  return (
    <AuthCard
      title="Sign in to Cruddur"
      footer={
        <>
          <p>
            <Link to="/forgot">Forgot your password?</Link>
          </p>
          <p>
            New here? <Link to="/signup">Create an account</Link>
          </p>
        </>
      }
    >
      {notice && <FormMessage kind="info">{notice}</FormMessage>}
      <form onSubmit={onSubmit} noValidate={false}>
        <TextField label="Email" type="email" name="email" autoComplete="username" required value={email} onChange={(e) => setEmail(e.target.value)} />
        <TextField label="Password" type="password" name="password" autoComplete="current-password" required value={password} onChange={(e) => setPassword(e.target.value)} />
        {error && <FormMessage kind="error">{error}</FormMessage>}
        <Button type="submit" busy={busy}>
          Sign in
        </Button>
      </form>
    </AuthCard>
  );
}
