export { deleteAccount, deleteAccountSchema, exportAccount } from './account-data.ts';
export { type Adoption, adoptAnonymous } from './adopt-anonymous.ts';
export { changePassword } from './password-change.ts';
export {
  checkPasswordStrength,
  MIN_SCORE,
  newPasswordSchema,
  PASSWORD_MAX,
  PASSWORD_MIN,
  passwordWeakness,
} from './password-policy.ts';
export {
  RESET_LIMITS,
  RESET_TOKEN_MINUTES,
  type ResetDeps,
  ResetThrottledError,
  requestPasswordReset,
  resetLinkFor,
  resetPassword,
  resetTokenUsable,
} from './password-reset.ts';
export {
  currentScryptCost,
  dummyHash,
  hashPassword,
  needsRehash,
  SCRYPT_COST,
  type ScryptCost,
  verifyPassword,
} from './passwords.ts';
export * from './profiles.ts';
export { SESSION_PURGE_INTERVAL_MS, type SessionPurge, startSessionPurge } from './session-purge.ts';
export {
  createSession,
  endSession,
  findSession,
  listSessions,
  purgeExpiredSessions,
  revokeSession,
  SESSION_DAYS,
  type SessionUser,
} from './sessions.ts';
export {
  emailSchema,
  logIn,
  logInSchema,
  SIGNUP_LIMIT,
  SignUpThrottledError,
  signUp,
  signUpSchema,
} from './sign-in.ts';
export * from './sms-consent.ts';
export {
  assertLoginAllowed,
  LOGIN_LIMITS,
  LoginThrottledError,
  recordLoginAttempt,
  reserveLoginAttempt,
  settleLoginAttempt,
} from './throttle.ts';
export { csrfMatches, csrfTokenFor, hashToken, newToken, sameSecret } from './tokens.ts';
export { createUser, findUserByEmail, getProfile, replacePasswordHash } from './users.ts';
