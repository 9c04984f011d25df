import { APICallError, RetryError } from 'ai';
import { describe, expect, it } from 'vitest';
import { errorSummary } from './error-summary.ts';

describe('errorSummary', () => {
  it('keeps name, status and message of an API call error, and drops the request and response bodies', () => {
    const apiError = new APICallError({
      message: 'Internal Server Error',
      url: 'http://127.0.0.1/v1/chat/completions',
      requestBodyValues: { messages: [{ role: 'user', content: 'we live at 12 Quailrun Lane' }] },
      statusCode: 500,
      responseBody: '{"error":"echo: 12 Quailrun Lane"}',
    });
    const retry = new RetryError({
      message: 'Failed after 3 attempts',
      reason: 'maxRetriesExceeded',
      errors: [apiError],
    });
    const summary = errorSummary(retry);
    expect(summary).toEqual({
      name: 'AI_RetryError',
      message: 'Failed after 3 attempts',
      cause: { name: 'AI_APICallError', status: 500, message: 'Internal Server Error' },
    });
    expect(JSON.stringify(summary)).not.toContain('Quailrun');
  });

  it('summarises what is not an Error without printing it', () => {
    expect(errorSummary({ secret: 'x' })).toEqual({ name: 'object', message: '' });
    expect(errorSummary('plain text')).toEqual({ name: 'string', message: 'plain text' });
  });
});
