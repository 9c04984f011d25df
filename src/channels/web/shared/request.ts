import type { Request } from 'express';
import type { z } from 'zod';
import { isUuid } from '../../../domain/ids.ts';
import { type Actor, actorOf as actorFrom } from '../../../services/conversations/index.ts';
import { badInput } from '../../../services/errors.ts';
import { parseInput } from '../../../services/validation.ts';
import type { Visitor } from './visitor.ts';

export { UUID_PATTERN as UUID } from '../../../domain/ids.ts';

/** A path parameter that must be an id: 400 naming it otherwise. */
export function idParam(req: Request, name = 'id'): string {
  const value = req.params[name];
  if (typeof value !== 'string' || !isUuid(value)) throw badInput(`${name} must be an id (a UUID)`, name);
  return value;
}

/** Who a conversation or draft plan belongs to: the user, else the anonymous session. */
export function actorOf(visitor: Visitor): Actor | null {
  return visitor.user || visitor.anonymousKey ? actorFrom(visitor.user?.id, visitor.anonymousKey) : null;
}

/** Parses a JSON body with a schema; the first problem is a 400 naming its field. Nothing is written before. */
export function parseBody<T extends z.ZodType>(schema: T, body: unknown): z.infer<T> {
  if (!body || typeof body !== 'object' || Array.isArray(body))
    throw badInput('The request body must be a JSON object.', 'body');
  return parseInput(schema, body, 'body');
}

/** Fixed notices a redirect may ask for (never free text from the address bar). */
export const NOTICES: Record<string, string> = {
  deleted: 'Your account and all of its data were deleted.',
  'signed-out': 'You are signed out.',
  welcome: 'Welcome! Your account is ready.',
  'password-reset': 'Your new password is set and you are signed in. Every other device was signed out.',
  'password-changed': 'Your password is changed. Every other device was signed out.',
  saved: 'Your plan is saved to your account.',
  linked:
    'Linked: your chat or phone number and this account are now one, with all their plans and inventory.',
  'saved-replaced': 'Your plan is saved. On the Free plan it replaced your previous plan.',
};

export function noticeOf(req: Request): string | null {
  const key = req.query.notice;
  return typeof key === 'string' ? (NOTICES[key] ?? null) : null;
}
