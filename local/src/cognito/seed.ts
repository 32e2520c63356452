/**
 * Seeds the demo users through the public sign-up path (SignUp, then ConfirmSignUp with the code
 * from the outbox), so PreSignUp and PostConfirmation run exactly as for a real visitor.
 * Safe to run on every start: existing confirmed users are left alone.
 */
import type { DemoUser } from '../app-definition.ts';
import { callCognito, CognitoCallError } from './client.ts';
import type { CognitoHandle } from './index.ts';

export interface SeededUser extends DemoUser {
  /** False when the user already existed. */
  created: boolean;
}

export async function seedDemoUsers(cognito: Pick<CognitoHandle, 'url' | 'clientId' | 'outbox'>, users: DemoUser[]): Promise<SeededUser[]> {
  const seeded: SeededUser[] = [];
  for (const user of users) {
    const ClientId = cognito.clientId;
    let created = true;
    try {
      await callCognito(cognito.url, 'SignUp', {
        ClientId,
        Username: user.email,
        Password: user.password,
        UserAttributes: [
          { Name: 'name', Value: user.name },
          { Name: 'preferred_username', Value: user.handle },
        ],
      });
    } catch (err) {
      if (!(err instanceof CognitoCallError && err.type === 'UsernameExistsException')) throw err;
      created = false;
      // A previous run may have stopped between SignUp and ConfirmSignUp: finish it.
      try {
        await callCognito(cognito.url, 'ResendConfirmationCode', { ClientId, Username: user.email });
      } catch (resendErr) {
        if (resendErr instanceof CognitoCallError && resendErr.message === 'User is already confirmed.') {
          seeded.push({ ...user, created });
          continue;
        }
        throw resendErr;
      }
    }
    const code = await cognito.outbox.latest(user.email);
    if (!code) throw new Error(`seed: no confirmation code for ${user.email}`);
    await callCognito(cognito.url, 'ConfirmSignUp', { ClientId, Username: user.email, ConfirmationCode: code });
    seeded.push({ ...user, created });
  }
  return seeded;
}
