# ReadyPlan as one container: the app (TypeScript run by tsx, as `npm start` runs it), on Node 20.
# With DATABASE_URL set it uses that Postgres (compose.yaml: pgvector/pgvector:pg17); without, the embedded
# database in DATA_DIR (/data: mount a volume there, one container per volume).
FROM node:20-bookworm-slim

ENV NODE_ENV=production PORT=3000 DATA_DIR=/data
WORKDIR /app

# Dependencies first, so a source change does not reinstall them. Runtime dependencies only (tsx is one).
COPY package.json package-lock.json ./
RUN npm ci --omit=dev --no-audit --no-fund && npm cache clean --force

# What the server reads at run time: code, prompts, migrations, seed data and the seed snapshot.
COPY tsconfig.json ./
COPY src ./src
COPY agents ./agents
COPY tools ./tools
COPY prompts ./prompts
COPY drizzle ./drizzle
COPY data ./data
COPY snapshot ./snapshot

RUN mkdir -p /data && chown node:node /data
USER node
EXPOSE 3000

# /health answers 200 when the database is reachable and migrated, 503 otherwise (no curl in this image).
HEALTHCHECK --interval=15s --timeout=5s --start-period=60s --retries=3 \
  CMD ["node", "-e", "fetch('http://127.0.0.1:' + (process.env.PORT || 3000) + '/health').then((r) => process.exit(r.ok ? 0 : 1), () => process.exit(1))"]

# node itself, not npm: SIGTERM reaches the server, which finishes the turns in flight (up to 10 s) and
# closes the database (src/shutdown.ts).
CMD ["node", "--import", "tsx", "src/main.ts"]
