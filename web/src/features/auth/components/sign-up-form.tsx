import { useState, type FormEvent } from 'react';
import { Link, useNavigate } from 'react-router-dom';
import { signUp } from 'aws-amplify/auth';
import { Button } from '../../../components/ui/button.tsx';
import { CharCounter, isSendable } from '../../../components/ui/char-counter.tsx';
import { TextField } from '../../../components/ui/field.tsx';
import { TEXT_LIMITS } from '../../../../../definitions/text.ts';
// The PreSignUp trigger's own rule; checked here only to help early.
import { HANDLE_LENGTH, HANDLE_PATTERN } from '../../../../../definitions/handle.ts';
import { FormMessage } from '../../../components/ui/states.tsx';
import { authErrorMessage } from '../cognito-errors.ts';
import { AuthCard } from './auth-card.tsx';


/**
 * Sign-up with the pool's required attributes (name, email, preferred_username = handle); the
 * username is the email. autoSignIn signs the user in once they confirm (Amplify's default SRP).
 */
export function SignUpForm() {
  const navigate = useNavigate();
  const [name, setName] = useState('');
  const [email, setEmail] = useState('');
  const [handle, setHandle] = useState('');
  const [password, setPassword] = useState('');
  const [error, setError] = useState<string>();
  const [busy, setBusy] = useState(false);

  async function onSubmit(e: FormEvent) {
    e.preventDefault();
    // The name becomes the display name: same rule as the profile form and the PreSignUp trigger.
    if (!isSendable(name, TEXT_LIMITS.displayName)) {
      setError(`Name must be 1 to ${TEXT_LIMITS.displayName} characters, with something visible.`);
      return;
    }
    setBusy(true);
    setError(undefined);
    const username = email.trim();
    try {
      const { nextStep } = await signUp({
        username,
        password,
        options: {
          userAttributes: { email: username, name: name.trim(), preferred_username: handle.trim().replace(/^@/, '') },
          autoSignIn: true,
        },
      });
      if (nextStep.signUpStep === 'DONE') navigate(`/signin?email=${encodeURIComponent(username)}`);
      else navigate(`/confirm?email=${encodeURIComponent(username)}`);
    } catch (err) {
      setError(authErrorMessage(err));
    } finally {
      setBusy(false);
    }
  }

  return (
    <AuthCard
      title="Join the party"
      footer={
        <p>
          Have an account? <Link to="/signin">Sign in</Link>
        </p>
      }
    >
      <form onSubmit={onSubmit}>
        <TextField
          label="Name"
          name="name"
          autoComplete="name"
          required
          hint={<CharCounter text={name} limit={TEXT_LIMITS.displayName} />}
          value={name}
          onChange={(e) => setName(e.target.value)}
        />
        <TextField label="Email" type="email" name="email" autoComplete="email" required value={email} onChange={(e) => setEmail(e.target.value)} />
        <TextField
          label="Handle"
          name="handle"
          autoComplete="username"
          required
          // A leading "@" is how people write handles; it is stripped before sign-up.
          pattern={`@?(?:${HANDLE_PATTERN})`}
          hint={`${HANDLE_LENGTH.min} to ${HANDLE_LENGTH.max} letters, numbers or underscores; people will find you as @handle.`}
          value={handle}
          onChange={(e) => setHandle(e.target.value)}
        />
        <TextField
          label="Password"
          type="password"
          name="password"
          autoComplete="new-password"
          required
          minLength={8}
          hint="At least 8 characters with upper- and lower-case letters, a number and a symbol."
          value={password}
          onChange={(e) => setPassword(e.target.value)}
        />
        {error && <FormMessage kind="error">{error}</FormMessage>}
        <Button type="submit" busy={busy}>
          Sign up
        </Button>
      </form>
    </AuthCard>
  );
}
