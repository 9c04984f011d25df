export { deleteAccount, deleteAccountSchema, exportAccount } from './account-data.ts';
export { type Adoption, adoptAnonymous } from './adopt-anonymous.ts';
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
export { logIn, logInSchema, PASSWORD_MAX, PASSWORD_MIN, signUp, signUpSchema } from './sign-in.ts';
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
