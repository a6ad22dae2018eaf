# podbot container image. Two stages: `build` installs every dependency and bundles src/ into dist/ (esbuild, the
# Prisma client generator); the runtime stage installs production dependencies only and runs the prebuilt bundle
# with plain node, as a non-root user, with the embedded database on a volume.
#   docker build -t podbot .
#   docker run -p 3000:3000 -v podbot-data:/data --env-file .env podbot
# test/deploy/dockerfile.test.ts runs this file's build and start commands in temporary directories.

FROM node:22-slim AS build
WORKDIR /app
COPY package.json package-lock.json tsconfig.json prisma.config.ts ./
COPY bin ./bin
COPY scripts ./scripts
COPY prisma ./prisma
COPY src ./src
RUN npm ci --no-audit --no-fund

FROM node:22-slim
ENV NODE_ENV=production PORT=3000 PODBOT_DATA_DIR=/data/pglite PODBOT_CONFIG=/app/podbot.yml
WORKDIR /app
COPY package.json package-lock.json ./
COPY bin ./bin
COPY scripts/build.mjs scripts/postinstall.mjs ./scripts/
COPY prisma ./prisma
COPY --from=build /app/dist ./dist
# The dashboard's browser assets are served from the source tree (src/insights/http/dashboard-routes.ts).
COPY src/insights/http/assets ./src/insights/http/assets
# postinstall finds dist/ prebuilt (no esbuild here) and builds the embedded-database template for a fast first start.
RUN npm ci --omit=dev --no-audit --no-fund && npm cache clean --force
RUN mkdir -p /data && chown node:node /data
USER node
VOLUME /data
EXPOSE 3000
HEALTHCHECK --interval=30s --timeout=5s --start-period=60s --retries=3 CMD ["node", "-e", "fetch('http://127.0.0.1:' + (process.env.PORT || 3000) + '/readyz').then((r) => process.exit(r.ok ? 0 : 1), () => process.exit(1))"]
# --max-semi-space-size=1: a 1 MB young generation (V8's default grows to 16 MB per semi-space) keeps idle memory
# about 35 MB lower; it only takes effect on node's command line (docs/architecture.md, "Memory").
CMD ["node", "--max-semi-space-size=1", "bin/podbot.mjs", "start"]
