import { randomUUID } from 'node:crypto';
import { createInterface } from 'node:readline';
import { renderText } from '../channels/render-text.ts';
import { loadConfig } from '../config.ts';
import { createConversation } from '../conversation/index.ts';
import { isUuid } from '../domain/ids.ts';
import { openRuntime } from '../runtime.ts';
import { createUser, findUserByEmail, getProfile } from '../services/accounts/users.ts';
import { AppError } from '../services/errors.ts';
import { parseFlags } from './chat-flags.ts';

/**
 * `npm run --silent chat -- [--channel web|telegram|sms] [--user ID]`: a terminal chat over the conversation
 * core. One message per stdin line; each reply printed as the channel renders it, then a line `---`.
 * Nothing else goes to stdout (diagnostics go to stderr). Bad flags: exit 2 naming the flag.
 */

function usage(problem: string): never {
  process.stderr.write(
    `chat: ${problem}\nusage: npm run --silent chat -- [--channel web|telegram|sms] [--user ID|EMAIL]\n`,
  );
  process.exit(2);
}

async function main() {
  const parsed = parseFlags(process.argv.slice(2));
  if ('error' in parsed) usage(parsed.error);
  const config = loadConfig();
  const runtime = await openRuntime(config);
  const { database, embedder, logger } = runtime;
  try {
    let userId: string | null = null;
    if (isUuid(parsed.user)) {
      if (!(await getProfile(database.db, parsed.user))) usage(`--user: no user with id ${parsed.user}`);
      userId = parsed.user;
    } else if (parsed.user) {
      const existing = await findUserByEmail(database.db, parsed.user);
      userId = existing ? existing.id : (await createUser(database.db, { email: parsed.user })).id;
      logger.info(`chat: acting as ${parsed.user} (${userId})`);
    }
    const anonymousKey = userId ? null : `cli:${randomUUID()}`;
    const core = createConversation({
      db: database.db,
      embedder,
      model: runtime.model,
      solver: runtime.solver,
      publicUrl: config.publicUrl,
      log: (message, detail) => logger.error({ err: detail }, message),
    });

    let conversationId: string | null = null;
    const lines = createInterface({ input: process.stdin, crlfDelay: Number.POSITIVE_INFINITY });
    for await (const line of lines) {
      if (line.trim() === '') continue;
      let out: string;
      try {
        const turn = await core.runTurn({
          channel: parsed.channel,
          userId,
          anonymousKey,
          conversationId,
          text: line,
        });
        conversationId = turn.conversationId;
        const reply = await turn.reply;
        out = renderText(parsed.channel, reply, config.publicUrl);
      } catch (error) {
        if (!(error instanceof AppError) || !error.expose) throw error;
        out = `Sorry — ${error.message}.`;
      }
      process.stdout.write(`${out}\n---\n`);
    }
  } finally {
    await runtime.close();
  }
}

await main();
