import type { Server } from 'node:http';
import type { LanguageModelV3 } from '@ai-sdk/provider';
import { eq, sql } from 'drizzle-orm';
import { createOfflineModel } from '../../agents/index.ts';
import { createWebApp } from '../../src/channels/web/app.ts';
import { mountWeb } from '../../src/channels/web/routes.ts';
import { loadConfig } from '../../src/config.ts';
import { rowsOf } from '../../src/db/rows.ts';
import { profiles } from '../../src/db/schema/index.ts';
import type { Database } from '../../src/services/database.ts';
import { createOfflineEmbedder } from '../../src/services/embeddings/offline.ts';
import { type Logger, silentLogger } from '../../src/services/logger.ts';
import { inlineSolver } from '../../src/services/plans/solver-pool.ts';
import { freshDatabase } from '../support/db.ts';
import { freePort } from '../support/wire.ts';

export type WebTestApp = { base: string; database: Database; close(): Promise<void> };

/**
 * The web app as main.ts wires it, on a fresh database from the template, listening on a free port. `env`
 * adds configuration (PUBLIC_URL defaults to the listening address); `model` replaces the offline model.
 */
export async function startWebApp(
  options: { env?: Record<string, string>; model?: LanguageModelV3; logger?: Logger } = {},
): Promise<WebTestApp> {
  const database = await freshDatabase();
  const port = await freePort();
  const base = `http://127.0.0.1:${port}`;
  const config = loadConfig({ PORT: String(port), PUBLIC_URL: base, ...options.env });
  const model = options.model ?? createOfflineModel();
  const logger = options.logger ?? silentLogger;
  const app = createWebApp({ config, database, logger }, (web) =>
    mountWeb(web, {
      config,
      database,
      embedder: createOfflineEmbedder(),
      model,
      logger,
      solver: inlineSolver,
    }),
  );
  const server = await new Promise<Server>((resolve) => {
    const s = app.listen(port, '127.0.0.1', () => resolve(s));
  });
  return {
    base,
    database,
    close: async () => {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await database.close();
    },
  };
}

/** A browser stand-in: keeps cookies and the CSRF token, sends JSON. */
export class Client {
  readonly cookies = new Map<string, string>();
  csrf = '';
  userId: string | null = null;
  email: string | null = null;

  constructor(readonly base: string) {}

  private absorb(response: Response) {
    for (const line of response.headers.getSetCookie()) {
      const [pair] = line.split(';');
      const eq = pair!.indexOf('=');
      const name = pair!.slice(0, eq).trim();
      const value = pair!.slice(eq + 1).trim();
      if (value === '' || /Expires=Thu, 01 Jan 1970/i.test(line)) this.cookies.delete(name);
      else this.cookies.set(name, value);
    }
  }

  cookieHeader(): string {
    return [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
  }

  async request(
    method: string,
    path: string,
    options: { json?: unknown; body?: string; headers?: Record<string, string>; csrf?: boolean } = {},
  ): Promise<Response> {
    const headers: Record<string, string> = { cookie: this.cookieHeader(), ...(options.headers ?? {}) };
    if (options.csrf !== false && this.csrf) headers['x-csrf-token'] = this.csrf;
    let body: string | undefined = options.body;
    if (options.json !== undefined) {
      headers['content-type'] = 'application/json';
      body = JSON.stringify(options.json);
    }
    const response = await fetch(`${this.base}${path}`, { method, headers, body, redirect: 'manual' });
    this.absorb(response);
    return response;
  }

  async json<T = Record<string, unknown>>(
    method: string,
    path: string,
    json?: unknown,
    options: { csrf?: boolean } = {},
  ) {
    const response = await this.request(method, path, {
      ...(json === undefined ? {} : { json }),
      ...options,
    });
    const text = await response.text();
    let data: T;
    try {
      data = (text ? JSON.parse(text) : {}) as T;
    } catch {
      data = { raw: text } as T;
    }
    return { status: response.status, headers: response.headers, data };
  }

  /** Gets a CSRF token (and an anonymous cookie) as a page load would. */
  async session() {
    const { data } = await this.json<{ csrfToken: string; user: { id: string } | null }>(
      'GET',
      '/api/session',
    );
    this.csrf = data.csrfToken;
    return data;
  }

  async signUp(email: string, password = 'correct horse battery') {
    if (!this.csrf) await this.session();
    const result = await this.json<{ user: { id: string; email: string }; csrfToken: string }>(
      'POST',
      '/signup',
      {
        email,
        password,
      },
    );
    if (result.status !== 201)
      throw new Error(`sign-up failed: ${result.status} ${JSON.stringify(result.data)}`);
    this.csrf = result.data.csrfToken;
    this.userId = result.data.user.id;
    this.email = email;
    return result.data.user;
  }

  /** Sends a chat message and reads the whole SSE stream. */
  async chat(text: string, conversationId: string | null = null) {
    const response = await this.request('POST', '/api/chat', { json: { text, conversationId } });
    const raw = await response.text();
    const parts = raw
      .split('\n\n')
      .map((e) => e.trim())
      .filter((e) => e.startsWith('data: '))
      .map((e) => e.slice(6))
      .filter((d) => d !== '[DONE]')
      .map((d) => JSON.parse(d) as { type: string; [k: string]: unknown });
    return { response, raw, parts };
  }
}

export async function setTier(database: Database, userId: string, tier: 'FREE' | 'BASIC' | 'PRO') {
  await database.db.update(profiles).set({ subscriptionTier: tier }).where(eq(profiles.id, userId));
}

const COUNTED = [
  'users',
  'profiles',
  'sessions',
  'login_attempts',
  'mission_reports',
  'inventory_items',
  'conversations',
  'messages',
  'ai_runs',
] as const;

/** Row counts of the tables the web app writes (as the system role: every row). */
export async function rowCounts(database: Database): Promise<Record<(typeof COUNTED)[number], number>> {
  const selects = COUNTED.map((t) => `select '${t}' as name, count(*)::int as n from ${t}`).join(
    ' union all ',
  );
  const out = {} as Record<(typeof COUNTED)[number], number>;
  for (const row of rowsOf<{ name: (typeof COUNTED)[number]; n: number }>(
    await database.db.execute(sql.raw(selects)),
  )) {
    out[row.name] = Number(row.n);
  }
  return out;
}

/** Row counts of one user's rows in every table that names a user. */
export async function userRowCounts(database: Database, userId: string, email: string) {
  const result = await database.db.execute(sql`
    select
      (select count(*)::int from users where id = ${userId}) as users,
      (select count(*)::int from profiles where id = ${userId}) as profiles,
      (select count(*)::int from sessions where user_id = ${userId}) as sessions,
      (select count(*)::int from mission_reports where user_id = ${userId}) as mission_reports,
      (select count(*)::int from inventory_items where user_id = ${userId}) as inventory_items,
      (select count(*)::int from conversations where user_id = ${userId}) as conversations,
      (select count(*)::int from ai_runs where user_id = ${userId}) as ai_runs,
      (select count(*)::int from login_attempts where email = ${email}) as login_attempts`);
  return rowsOf<Record<string, number>>(result)[0]!;
}
