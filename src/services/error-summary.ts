/**
 * What of an error may go to the logs: its name, HTTP status (when it has one) and message. Never the whole
 * object: the AI SDK's APICallError carries the request it sent (`requestBodyValues`: the household, the
 * location, every message of the conversation) and the provider's response body, and console.error prints
 * every enumerable property. The cause (or, for the SDK's RetryError, the last attempt's error) is
 * summarised the same way.
 */
export type ErrorSummary = { name: string; status?: number; message: string; cause?: ErrorSummary };

const MAX_MESSAGE = 500;

export function errorSummary(error: unknown, depth = 0): ErrorSummary {
  if (!(error instanceof Error)) {
    return { name: typeof error, message: typeof error === 'string' ? error.slice(0, MAX_MESSAGE) : '' };
  }
  const fields = error as Error & { statusCode?: unknown; status?: unknown; lastError?: unknown };
  const status = typeof fields.statusCode === 'number' ? fields.statusCode : fields.status;
  const cause = error.cause ?? fields.lastError;
  return {
    name: error.name,
    ...(typeof status === 'number' ? { status } : {}),
    message: error.message.slice(0, MAX_MESSAGE),
    ...(cause !== undefined && depth < 2 ? { cause: errorSummary(cause, depth + 1) } : {}),
  };
}
