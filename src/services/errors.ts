/**
 * The one application error. `code` is stable for programs; `expose` says whether the message may be
 * shown to the user as it is (channels show a generic message otherwise, and log the cause).
 */
export type AppErrorCode =
  | 'BAD_INPUT'
  | 'NOT_FOUND'
  | 'UNAUTHENTICATED'
  | 'FORBIDDEN'
  | 'CONFLICT'
  | 'TIER_LIMIT'
  | 'RATE_LIMITED'
  | 'UNAVAILABLE'
  | 'INTERNAL';

export class AppError extends Error {
  constructor(
    readonly code: AppErrorCode,
    message: string,
    readonly options: { expose?: boolean; field?: string; cause?: unknown } = {},
  ) {
    super(message, { cause: options.cause });
    this.name = 'AppError';
  }

  get expose(): boolean {
    return this.options.expose ?? this.code !== 'INTERNAL';
  }

  get field(): string | undefined {
    return this.options.field;
  }
}

export const badInput = (message: string, field?: string) => new AppError('BAD_INPUT', message, { field });
export const notFound = (what: string) => new AppError('NOT_FOUND', `${what} not found`);
