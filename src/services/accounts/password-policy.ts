import { type ZxcvbnFactory as Estimator, ZxcvbnFactory } from '@zxcvbn-ts/core';
import * as common from '@zxcvbn-ts/language-common';
import * as english from '@zxcvbn-ts/language-en';
import { z } from 'zod';

/**
 * The password policy for every new password (sign-up, change, reset): 8 to 200 characters and not easy to
 * guess, as judged by zxcvbn-ts — a maintained estimator that knows the most used passwords, common words
 * and names, keyboard walks, repeats, sequences, dates and l33t — with the person's e-mail address as a
 * hint it must not be built from. A length rule alone lets "12345678", "password" and eight spaces through;
 * composition rules (a digit, a capital) push people to "Password1!" and are dropped by NIST SP 800-63B.
 */
export const PASSWORD_MIN = 8;
export const PASSWORD_MAX = 200;

/** zxcvbn's score 3: about 10^8 guesses — "safely unguessable" against online attacks with throttling. */
export const MIN_SCORE = 3;

const ADVICE =
  'A few unrelated words together, or a longer phrase only you would think of, are strong and easy to remember.';

/** Built on first use (the dictionaries take a moment to load), then kept: it holds no state of anyone's. */
let estimator: Estimator | null = null;
function estimate(password: string, hints: string[]) {
  estimator ??= new ZxcvbnFactory({
    dictionary: { ...common.dictionary, ...english.dictionary },
    graphs: common.adjacencyGraphs,
    translations: english.translations,
  });
  return estimator.check(password, hints);
}

/** The e-mail address and its parts, which a password should not be made of; and the product's name. */
function hintsFrom(email: string | undefined): string[] {
  const hints = ['readyplan', 'ready plan'];
  if (!email) return hints;
  const [local = '', domain = ''] = email.toLowerCase().split('@');
  return [...hints, email.toLowerCase(), local, ...local.split(/[._+-]+/), domain.split('.')[0] ?? ''].filter(
    (h) => h.length >= 3,
  );
}

/**
 * Why a new password is refused, as the predicate of a sentence about the field ("is too easy to guess:
 * …"), or null when it is strong enough. Length is checked by the schema first.
 */
export function passwordWeakness(password: string, email?: string): string | null {
  if (password.trim() === '') return `is only spaces. ${ADVICE}`;
  const result = estimate(password, hintsFrom(email));
  if (result.score >= MIN_SCORE) return null;
  const warning = result.feedback.warning?.trim();
  const why = warning
    ? warning.replace(/\.?$/, '.')
    : 'It would be found quickly by someone trying likely passwords.';
  return `is too easy to guess. ${why} ${ADVICE}`;
}

/** A new password's length rule, with messages that say what to do. */
export const newPasswordSchema = z
  .string({ message: 'choose a password' })
  .min(PASSWORD_MIN, `must be at least ${PASSWORD_MIN} characters long`)
  .max(PASSWORD_MAX, `must be at most ${PASSWORD_MAX} characters long`);

/**
 * Adds the strength check to an object schema with a new password at `field` (and, when known, the
 * e-mail address at `email` as a hint); the problem is reported on the password field.
 */
export function checkPasswordStrength<T extends Record<string, unknown>>(
  field: keyof T & string,
  email: (data: T) => string | undefined,
) {
  return (data: T, ctx: z.RefinementCtx) => {
    const weakness = passwordWeakness(String(data[field]), email(data));
    if (weakness) ctx.addIssue({ code: 'custom', path: [field], message: weakness });
  };
}
