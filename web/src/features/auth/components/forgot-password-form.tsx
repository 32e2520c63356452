import { useState, type FormEvent } from 'react';
import { Link, useSearchParams } from 'react-router-dom';
import { confirmResetPassword, resetPassword } from 'aws-amplify/auth';
import { Button } from '../../../components/ui/button.tsx';
import { TextField } from '../../../components/ui/field.tsx';
import { FormMessage } from '../../../components/ui/states.tsx';
import { authErrorMessage } from '../cognito-errors.ts';
import { AuthCard } from './auth-card.tsx';
import { OfflineCodeHint } from './offline-code-hint.tsx';

type Step = 'request' | 'confirm' | 'done';

/** Password recovery in three steps: send code → code + new password (twice) → done. */
export function ForgotPasswordForm() {
  const [params] = useSearchParams();
  const [step, setStep] = useState<Step>('request');
  const [email, setEmail] = useState(params.get('email') ?? '');
  const [code, setCode] = useState('');
  const [password, setPassword] = useState('');
  const [again, setAgain] = useState('');
  const [error, setError] = useState<string>();
  const [busy, setBusy] = useState(false);

  async function run(action: () => Promise<void>) {
    setBusy(true);
    setError(undefined);
    try {
      await action();
    } catch (err) {
      setError(authErrorMessage(err));
    } finally {
      setBusy(false);
    }
  }

  function onRequest(e: FormEvent) {
    e.preventDefault();
    void run(async () => {
      const { nextStep } = await resetPassword({ username: email.trim() });
      setStep(nextStep.resetPasswordStep === 'DONE' ? 'done' : 'confirm');
    });
  }

  function onConfirm(e: FormEvent) {
    e.preventDefault();
    if (password !== again) {
      setError('Passwords do not match.');
      return;
    }
    void run(async () => {
      await confirmResetPassword({ username: email.trim(), confirmationCode: code.trim(), newPassword: password });
      setStep('done');
    });
  }

  if (step === 'done') {
    return (
      <AuthCard title="Password changed">
        <FormMessage kind="success">Your password has been changed.</FormMessage>
        <Link className="btn btn-primary" to={`/signin?email=${encodeURIComponent(email.trim())}`}>
          Proceed to sign in
        </Link>
      </AuthCard>
    );
  }

  return (
    <AuthCard
      title="Recover your password"
      footer={
        <p>
          Remembered it? <Link to="/signin">Sign in</Link>
        </p>
      }
    >
      {step === 'request' ? (
        <form onSubmit={onRequest}>
          <TextField label="Email" type="email" name="email" autoComplete="username" required value={email} onChange={(e) => setEmail(e.target.value)} />
          {error && <FormMessage kind="error">{error}</FormMessage>}
          <Button type="submit" busy={busy}>
            Send recovery code
          </Button>
        </form>
      ) : (
        <form onSubmit={onConfirm}>
          <FormMessage kind="info">We emailed a recovery code to {email.trim()}.</FormMessage>
          <TextField label="Recovery code" name="code" inputMode="numeric" autoComplete="one-time-code" required value={code} onChange={(e) => setCode(e.target.value)} />
          <OfflineCodeHint email={email} />
          <TextField label="New password" type="password" name="new-password" autoComplete="new-password" required value={password} onChange={(e) => setPassword(e.target.value)} />
          <TextField label="Confirm new password" type="password" name="confirm-password" autoComplete="new-password" required value={again} onChange={(e) => setAgain(e.target.value)} />
          {error && <FormMessage kind="error">{error}</FormMessage>}
          <div className="form-actions">
            <Button type="submit" busy={busy}>
              Change password
            </Button>
            <Button variant="ghost" onClick={() => setStep('request')}>
              Send a new code
            </Button>
          </div>
        </form>
      )}
    </AuthCard>
  );
}
