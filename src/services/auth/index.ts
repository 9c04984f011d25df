export {
  deleteAccount,
  exportAccount,
  logIn,
  logInSchema,
  PASSWORD_MAX,
  PASSWORD_MIN,
  parseInput,
  signUp,
  signUpSchema,
} from './accounts.ts';
export { dummyHash, hashPassword, verifyPassword } from './passwords.ts';
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
export { assertLoginAllowed, LOGIN_LIMITS, LoginThrottledError, recordLoginAttempt } from './throttle.ts';
export { csrfMatches, csrfTokenFor, hashToken, newToken, sameSecret } from './tokens.ts';
