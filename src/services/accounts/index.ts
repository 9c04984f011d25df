export { deleteAccount, exportAccount } from './account-data.ts';
export { adoptAnonymous } from './adopt-anonymous.ts';
export { changePassword } from './password-change.ts';
export { PASSWORD_MIN } from './password-policy.ts';
export {
  RESET_TOKEN_MINUTES,
  requestPasswordReset,
  resetLinkFor,
  resetPassword,
  resetTokenUsable,
} from './password-reset.ts';
export {
  currentScryptCost,
  hashPassword,
  verifyPassword,
} from './passwords.ts';
export * from './profiles.ts';
export { type SessionPurge, startSessionPurge } from './session-purge.ts';
export {
  createSession,
  endSession,
  findSession,
  listSessions,
  purgeExpiredSessions,
  revokeSession,
  SESSION_DAYS,
} from './sessions.ts';
export {
  logIn,
  SignUpThrottledError,
  signUp,
} from './sign-in.ts';
export * from './sms-consent.ts';
export {
  assertLoginAllowed,
  LoginThrottledError,
  recordLoginAttempt,
} from './throttle.ts';
export { csrfMatches, csrfTokenFor, hashToken, newToken } from './tokens.ts';
export { getProfile } from './users.ts';
