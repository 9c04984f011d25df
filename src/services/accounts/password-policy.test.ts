import { describe, expect, it } from 'vitest';
import { parseInput } from '../validation.ts';
import { MIN_SCORE, passwordWeakness } from './password-policy.ts';
import { signUpSchema } from './sign-in.ts';

describe('password policy (zxcvbn-ts)', () => {
  it('refuses the most used passwords and blank ones, saying why and what works', () => {
    expect(passwordWeakness('12345678')).toMatch(
      /^is too easy to guess\. This is a heavily used password\. A few/,
    );
    expect(passwordWeakness('password')).toMatch(/^is too easy to guess\. This is a heavily used password\./);
    expect(passwordWeakness('        ')).toMatch(/^is only spaces\. A few unrelated words/);
    expect(passwordWeakness('qwertyuiop')).toMatch(/^is too easy to guess\./);
  });

  it('refuses a password made of the e-mail address, and accepts unrelated words', () => {
    expect(passwordWeakness('maria.lopez1', 'maria.lopez@example.com')).not.toBeNull();
    expect(passwordWeakness('copper kettle sunrise', 'maria.lopez@example.com')).toBeNull();
    expect(MIN_SCORE).toBe(3);
  });

  it('reports on the password field of a sign-up, after the length rule', () => {
    expect(() => parseInput(signUpSchema, { email: 'a@example.com', password: 'short' })).toThrow(
      'Password must be at least 8 characters long.',
    );
    expect(() => parseInput(signUpSchema, { email: 'a@example.com', password: 'password' })).toThrow(
      /^Password is too easy to guess\./,
    );
  });
});
