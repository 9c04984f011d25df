/**
 * The one definition of an id's shape: a UUID as Postgres's gen_random_uuid() and crypto.randomUUID()
 * write it, any version (fixtures use ids such as 11111111-…), either case.
 */
export const UUID_TEXT = '[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}';

/** A whole value that is a UUID. */
export const UUID_PATTERN = new RegExp(`^${UUID_TEXT}$`, 'i');

export function isUuid(value: unknown): value is string {
  return typeof value === 'string' && UUID_PATTERN.test(value);
}
