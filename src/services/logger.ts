import pino, { type DestinationStream, type Logger as PinoLogger } from 'pino';
import { UUID_PATTERN } from '../domain/ids.ts';
import { errorSummary } from './error-summary.ts';

/** The process's logger: built once by the runtime and passed down (nothing creates its own). */
export type Logger = PinoLogger;
export type LogLevel = 'debug' | 'info' | 'warn' | 'error' | 'silent';

/**
 * A JSON logger at `level`, writing to stderr unless told otherwise (stdout belongs to the commands that
 * print a result, such as `plan`). Every e-mail address, phone number and token is masked before a line is
 * written, whether it sits in the message or in a field, so no log line carries one in full; an error
 * is written as its summary (name, status, message, cause).
 */
export function createLogger(level: LogLevel, destination: DestinationStream = pino.destination(2)): Logger {
  return pino(
    {
      level,
      base: undefined,
      hooks: {
        logMethod(args, method) {
          method.apply(
            this,
            args.map((arg) => (typeof arg === 'string' ? maskSensitive(arg) : arg)) as typeof args,
          );
        },
      },
      formatters: { log: (fields) => maskFields(fields) as Record<string, unknown> },
      // Not pino's error serializer (stack and every property): maskFields has already made it a summary.
      serializers: { err: summaryOf, error: summaryOf },
    },
    destination,
  );
}

const summaryOf = (value: unknown) => (value instanceof Error ? errorSummary(value) : value);

/** A logger that writes nothing, for code run without a runtime (tests, one-off scripts). */
export const silentLogger: Logger = pino({ level: 'silent' });

/** Fields whose whole value is a secret: shown as their first characters only. */
const SECRET_KEY = /token|secret|password|authorization|cookie|api_?key|signature/i;

const EMAIL = /([A-Za-z0-9._%+-])[A-Za-z0-9._%+-]*@([A-Za-z0-9.-]+\.[A-Za-z]{2,})/g;
// A phone number: international (+, then 7 to 15 digits, maybe split by spaces, dots, dashes or brackets),
// or a ten-digit North American one such as (555) 123-4567.
const PHONE =
  /(?<![\w+])(?:\+\d(?:[\s.()-]{0,2}\d){6,14}|\(?\d{3}\)?[\s.-]?\d{3}[\s.-]\d{4}|\d{10,11})(?!\w)/g;
// A token candidate: a long run of letters, digits, _ and - (session tokens, API keys, hashes).
const TOKEN = /(?<![\w-])[A-Za-z0-9_-]{16,}(?![\w-])/g;

/**
 * Whether a run is a credential rather than a word or a name ("text-embedding-3-small", a UUID): it has a
 * stretch of 16 or more characters without a dash that mixes in digits, or mixes cases over 24 or more.
 */
function isTokenLike(run: string): boolean {
  if (UUID_PATTERN.test(run)) return false;
  return run.split('-').some((part) => {
    if (part.length < 16) return false;
    if (/\d/.test(part) && /[A-Za-z]/.test(part)) return true;
    return part.length >= 24 && /[a-z]/.test(part) && /[A-Z]/.test(part);
  });
}

/** An e-mail as j***@example.com. */
export function maskEmail(email: string): string {
  return email.replace(EMAIL, (_, first: string, domain: string) => `${first}***@${domain}`);
}

/** A phone number as +1******4567: the country prefix and the last four digits. */
export function maskPhone(phone: string): string {
  const digits = phone.replace(/\D/g, '');
  const plus = phone.trim().startsWith('+');
  const keepStart = plus ? 1 : 0;
  const hidden = Math.max(0, digits.length - 4 - keepStart);
  return `${plus ? '+' : ''}${digits.slice(0, keepStart)}${'*'.repeat(hidden)}${digits.slice(-4)}`;
}

/** A token as its first four characters and an ellipsis. */
export function maskToken(token: string): string {
  return token.length <= 4 ? '****' : `${token.slice(0, 4)}…`;
}

/**
 * The text with every e-mail, phone number and token masked. Ids (UUIDs) are kept: they name rows, not
 * people, and the logs need them.
 */
export function maskSensitive(text: string): string {
  return text
    .replace(EMAIL, (match) => maskEmail(match))
    .replace(TOKEN, (match) => (isTokenLike(match) ? maskToken(match) : match))
    .replace(PHONE, (match) => maskPhone(match));
}

/** Masks every string in a log line's fields; a secret-named field keeps only its first characters. */
function maskFields(value: unknown, key = '', depth = 0): unknown {
  if (typeof value === 'string') return SECRET_KEY.test(key) ? maskToken(value) : maskSensitive(value);
  // An error is logged as its summary: a whole error object can carry a model request with the conversation.
  if (value instanceof Error) return maskFields(errorSummary(value), key, depth + 1);
  if (depth > 6 || value === null || typeof value !== 'object') return value;
  if (Array.isArray(value)) return value.map((v) => maskFields(v, key, depth + 1));
  return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, maskFields(v, k, depth + 1)]));
}
