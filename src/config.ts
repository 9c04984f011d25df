import { isIP } from 'node:net';
import { z } from 'zod';

/**
 * The whole configuration, read and validated once. Nothing else reads process.env.
 * Names follow docs/contracts/interfaces.md.
 */
const optionalText = z
  .string()
  .trim()
  .transform((v) => (v === '' ? undefined : v))
  .optional();
const optionalUrl = z
  .string()
  .trim()
  .transform((v) => (v === '' ? undefined : v))
  .pipe(
    z.url({ protocol: /^https?$/, message: 'must be an http(s) URL such as http://host:port' }).optional(),
  )
  .optional();

/** Express's named ranges for `trust proxy` (proxy-addr). */
const PROXY_NAMES = new Set(['loopback', 'linklocal', 'uniquelocal']);

/** One entry of a trusted-proxy list as Express accepts it: a name, an address, address/prefix or address/netmask. */
function isProxyEntry(entry: string): boolean {
  if (PROXY_NAMES.has(entry)) return true;
  const [address = '', range, ...extra] = entry.split('/');
  const family = isIP(address);
  if (family === 0 || extra.length > 0) return false;
  if (range === undefined) return true;
  if (/^\d{1,3}$/.test(range)) return Number(range) <= (family === 4 ? 32 : 128);
  return family === 4 && isIP(range) === 4;
}

/**
 * Which proxies in front of the app to believe about the client's address (X-Forwarded-For), passed to
 * Express's `trust proxy`: false (none: the socket's address), true (any), a hop count, or a list of
 * addresses and subnets. Behind a reverse proxy without it, every client shares the proxy's address, so the
 * per-address sign-in limit would lock everyone out at once.
 */
const trustProxy = z
  .string()
  .trim()
  .optional()
  .transform((v, ctx): false | true | number | string[] => {
    if (v === undefined || v === '' || v === 'false') return false;
    if (v === 'true') return true;
    if (/^\d+$/.test(v)) return Number(v);
    const entries = v.split(',').map((e) => e.trim());
    const bad = entries.filter((e) => !isProxyEntry(e));
    if (bad.length === 0) return entries;
    ctx.addIssue({
      code: 'custom',
      message: `must be false, true, a number of hops, or a comma-separated list of addresses, subnets (10.0.0.0/8) or loopback/linklocal/uniquelocal; not ${bad.map((b) => JSON.stringify(b)).join(', ')}`,
    });
    return z.NEVER;
  });

const envSchema = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  PORT: z.coerce
    .number({ message: 'must be a whole number between 0 and 65535' })
    .int('must be a whole number between 0 and 65535')
    .min(0, 'must be a whole number between 0 and 65535')
    .max(65535, 'must be a whole number between 0 and 65535')
    .default(3000),
  PUBLIC_URL: optionalUrl,
  TRUST_PROXY: trustProxy,
  DATA_DIR: z.string().trim().min(1).default('./.data'),
  DATABASE_URL: optionalText.refine((v) => v === undefined || /^postgres(ql)?:\/\/[^\s]+$/.test(v), {
    message: 'must be a postgres:// or postgresql:// connection URL',
  }),
  OPENAI_API_KEY: optionalText,
  OPENAI_MODEL: z.string().trim().min(1).default('gpt-4o-mini'),
  OPENAI_EMBEDDING_MODEL: z.string().trim().min(1).default('text-embedding-3-small'),
  LLM_BASE_URL: optionalUrl,
  LLM_MODEL: optionalText,
  LLM_API_KEY: optionalText,
  TELEGRAM_BOT_TOKEN: optionalText,
  TELEGRAM_WEBHOOK_SECRET: optionalText,
  TELEGRAM_MODE: z
    .enum(['webhook', 'polling'], { message: "must be 'webhook' or 'polling'" })
    .default('webhook'),
  TELEGRAM_API_ROOT: optionalUrl,
  TWILIO_ACCOUNT_SID: optionalText,
  TWILIO_AUTH_TOKEN: optionalText,
  TWILIO_FROM: optionalText,
  TWILIO_API_ROOT: optionalUrl,
  STRIPE_SECRET_KEY: optionalText,
  STRIPE_WEBHOOK_SECRET: optionalText,
  STRIPE_PRICE_BASIC: optionalText,
  STRIPE_PRICE_PRO: optionalText,
  STRIPE_PRICE_BASIC_MONTHLY: optionalText,
  STRIPE_PRICE_BASIC_YEARLY: optionalText,
  STRIPE_PRICE_PRO_MONTHLY: optionalText,
  STRIPE_PRICE_PRO_YEARLY: optionalText,
  STRIPE_API_ROOT: optionalUrl,
  LOG_LEVEL: z.enum(['debug', 'info', 'warn', 'error', 'silent']).default('info'),
  /** Outgoing e-mail (password reset); off when unset. */
  SMTP_URL: optionalText.refine((v) => v === undefined || /^smtps?:\/\/[^\s]+$/.test(v), {
    message: 'must be an smtp:// or smtps:// URL such as smtp://user:password@mail.example.com:587',
  }),
  MAIL_FROM: optionalText,
  /**
   * A plan does not buy a product whose price was last observed longer ago than this. 0 (the default): no
   * limit, since without feed imports the shipped prices only age (services/plans/catalog-prices.ts).
   */
  PRICE_MAX_AGE_DAYS: z.coerce
    .number({ message: 'must be a whole number of days (0 for no limit)' })
    .int('must be a whole number of days (0 for no limit)')
    .min(0, 'must be a whole number of days (0 for no limit)')
    .default(0),
});

export class ConfigError extends Error {
  constructor(readonly problems: { variable: string; message: string }[]) {
    super(`Invalid configuration:\n${problems.map((p) => `  ${p.variable}: ${p.message}`).join('\n')}`);
    this.name = 'ConfigError';
  }
}

function build(env: z.infer<typeof envSchema>) {
  const publicUrl = (env.PUBLIC_URL ?? `http://localhost:${env.PORT}`).replace(/\/$/, '');
  return {
    env: env.NODE_ENV,
    port: env.PORT,
    publicUrl,
    trustProxy: env.TRUST_PROXY,
    logLevel: env.LOG_LEVEL,
    mail: env.SMTP_URL
      ? {
          smtpUrl: env.SMTP_URL,
          from: env.MAIL_FROM ?? `ReadyPlan <no-reply@${new URL(publicUrl).hostname}>`,
        }
      : null,
    catalog: { priceMaxAgeDays: env.PRICE_MAX_AGE_DAYS },
    database: env.DATABASE_URL
      ? ({ kind: 'postgres', url: env.DATABASE_URL } as const)
      : ({ kind: 'pglite', dataDir: env.DATA_DIR } as const),
    model: env.OPENAI_API_KEY
      ? ({ kind: 'openai', apiKey: env.OPENAI_API_KEY, model: env.OPENAI_MODEL } as const)
      : env.LLM_BASE_URL
        ? ({
            kind: 'openai-compatible',
            baseURL: env.LLM_BASE_URL,
            model: env.LLM_MODEL ?? 'llama3.1',
            apiKey: env.LLM_API_KEY,
          } as const)
        : ({ kind: 'offline' } as const),
    embeddings: env.OPENAI_API_KEY
      ? ({ kind: 'openai', apiKey: env.OPENAI_API_KEY, model: env.OPENAI_EMBEDDING_MODEL } as const)
      : ({ kind: 'offline' } as const),
    telegram: env.TELEGRAM_BOT_TOKEN
      ? {
          token: env.TELEGRAM_BOT_TOKEN,
          webhookSecret: env.TELEGRAM_WEBHOOK_SECRET,
          mode: env.TELEGRAM_MODE,
          apiRoot: env.TELEGRAM_API_ROOT,
        }
      : null,
    twilio:
      env.TWILIO_ACCOUNT_SID && env.TWILIO_AUTH_TOKEN && env.TWILIO_FROM
        ? {
            accountSid: env.TWILIO_ACCOUNT_SID,
            authToken: env.TWILIO_AUTH_TOKEN,
            from: env.TWILIO_FROM,
            apiRoot: env.TWILIO_API_ROOT,
          }
        : null,
    stripe:
      env.STRIPE_SECRET_KEY && env.STRIPE_WEBHOOK_SECRET
        ? {
            secretKey: env.STRIPE_SECRET_KEY,
            webhookSecret: env.STRIPE_WEBHOOK_SECRET,
            prices: { BASIC: env.STRIPE_PRICE_BASIC, PRO: env.STRIPE_PRICE_PRO },
            // Checkout's prices per tier and interval; STRIPE_PRICE_BASIC/PRO stand for the monthly ones.
            plans: {
              BASIC: {
                month: env.STRIPE_PRICE_BASIC_MONTHLY ?? env.STRIPE_PRICE_BASIC,
                year: env.STRIPE_PRICE_BASIC_YEARLY,
              },
              PRO: {
                month: env.STRIPE_PRICE_PRO_MONTHLY ?? env.STRIPE_PRICE_PRO,
                year: env.STRIPE_PRICE_PRO_YEARLY,
              },
            },
            apiRoot: env.STRIPE_API_ROOT,
          }
        : null,
  };
}

export type Config = ReturnType<typeof build>;

/** Validates the environment; throws ConfigError naming every bad variable. */
export function loadConfig(env: Record<string, string | undefined> = process.env): Config {
  const parsed = envSchema.safeParse(env);
  if (!parsed.success) {
    throw new ConfigError(
      parsed.error.issues.map((issue) => ({
        variable: String(issue.path[0] ?? '(environment)'),
        message: issue.message,
      })),
    );
  }
  return build(parsed.data);
}
