import type { AppError } from '../../../services/errors.ts';

/** HTTP status for each application error code. */
export const statusByCode: Record<AppError['code'], number> = {
  BAD_INPUT: 400,
  UNAUTHENTICATED: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  CONFLICT: 409,
  TIER_LIMIT: 402,
  RATE_LIMITED: 429,
  UNAVAILABLE: 503,
  INTERNAL: 500,
};

export const statusOf = (code: AppError['code']) => statusByCode[code] ?? 500;
