# syntax=docker/dockerfile:1.7
# OmniCRM image: one image, run as `web` (Next.js server), `worker` (BullMQ worker),
# `migrate` (apply migrations, then exit) or `backup`/`restore`. See docs/ops/deployment.md.
# Node 20 to match CI and `engines`; Debian bookworm ships PostgreSQL 15 client tools,
# the same major as CI's server (pg_dump must be >= the server's major version).
ARG NODE_IMAGE=node:20-bookworm-slim

FROM ${NODE_IMAGE} AS deps
WORKDIR /app
COPY package.json package-lock.json ./
# --ignore-scripts: no dependency install scripts run (and husky is a dev tool).
RUN npm ci --no-audit --no-fund --ignore-scripts

FROM deps AS build
COPY . .
ENV NEXT_TELEMETRY_DISABLED=1
RUN npm run build && rm -rf .next/cache

FROM ${NODE_IMAGE} AS prod-deps
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --omit=dev --no-audit --no-fund --ignore-scripts

FROM ${NODE_IMAGE} AS runtime
RUN apt-get update \
  && apt-get install -y --no-install-recommends postgresql-client tini ca-certificates \
  && rm -rf /var/lib/apt/lists/*
WORKDIR /app
ENV NODE_ENV=production NEXT_TELEMETRY_DISABLED=1 PORT=3000 DATA_DIR=/data
COPY --from=prod-deps /app/node_modules ./node_modules
COPY --from=build /app/.next ./.next
# The worker and the scripts run the TypeScript sources with tsx; migrations are read from src/.
COPY package.json package-lock.json next.config.ts tsconfig.json ./
COPY src ./src
COPY public ./public
COPY scripts ./scripts
COPY docker/entrypoint.sh /usr/local/bin/omnicrm
RUN chmod 0755 /usr/local/bin/omnicrm && mkdir -p /data && chown node:node /data
# The `node` user (uid 1000) ships with the official image: never run as root.
USER node
VOLUME ["/data"]
EXPOSE 3000
HEALTHCHECK --interval=30s --timeout=5s --start-period=60s \
  CMD node -e "fetch('http://127.0.0.1:'+(process.env.PORT||3000)+'/api/v1/health').then(r=>process.exit(r.ok?0:1),()=>process.exit(1))"
ENTRYPOINT ["/usr/bin/tini", "--", "/usr/local/bin/omnicrm"]
CMD ["web"]
