import { describe, expect, it } from 'vitest';
import { userPool } from '../../../../definitions/user-pool.ts';
import { checkPassword } from './policy.ts';

const policy = userPool.passwordPolicy;
const failure = (password: unknown) => {
  try {
    checkPassword(password, policy);
  } catch (err) {
    return err as { type: string; message: string };
  }
  return undefined;
};

describe('Cognito default password policy', () => {
  it('accepts passwords with every class, any Cognito symbol, inner spaces', () => {
    for (const p of ['Aa1!aaaa', 'Aa1^aaaa', 'Aa1 aaaa', 'Aa1`aaaa', 'Zz9=zzzzzz', 'Aa1\\aaaa']) expect(failure(p)).toBeUndefined();
  });

  it('rejects each missing class with its own message', () => {
    expect(failure('Aa1!aaa')).toMatchObject({ type: 'InvalidPasswordException', message: 'Password did not conform with policy: Password not long enough' });
    expect(failure('aa1!aaaa')?.message).toMatch(/uppercase/);
    expect(failure('AA1!AAAA')?.message).toMatch(/lowercase/);
    expect(failure('Aab!aaaa')?.message).toMatch(/numeric/);
    expect(failure('Aa1aaaaa')?.message).toMatch(/symbol/);
    expect(failure('Aa1€aaaa')?.message).toMatch(/symbol/);
  });

  it('rejects missing, oversized and space-padded passwords as invalid parameters', () => {
    for (const p of [undefined, '', 42, ' Aa1!aaaa', 'Aa1!aaaa ', 'Aa1!' + 'a'.repeat(253)]) expect(failure(p)?.type).toBe('InvalidParameterException');
  });
});
