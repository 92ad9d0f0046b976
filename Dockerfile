# syntax=docker/dockerfile:1
# trendscope: the CLI, the MCP servers and the extraction worker in one image.
#   docker build -t trendscope .
#   docker run --rm trendscope build --corpus /app/examples/corpus/tiny-en --out /data/site

ARG NODE_VERSION=20

# Build stage: dev dependencies, the TypeScript compiler and the bundler; emits dist/ (dist/cli/ is the bundled CLI).
FROM node:${NODE_VERSION}-bookworm-slim AS build
WORKDIR /app
COPY package.json package-lock.json ./
# `prepare` would run the build before the sources are here; it runs explicitly below.
RUN npm ci --ignore-scripts --no-audit --no-fund
COPY tsconfig.json tsconfig.build.json ./
COPY shared ./shared
COPY agents ./agents
COPY mcp-servers ./mcp-servers
COPY orchestrator ./orchestrator
COPY scripts ./scripts
RUN npm run build

# Runtime stage: production dependencies, the compiled code, its data files and the examples.
FROM node:${NODE_VERSION}-bookworm-slim AS runtime
ENV NODE_ENV=production
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --omit=dev --ignore-scripts --no-audit --no-fund && npm cache clean --force
COPY --from=build /app/dist ./dist
# The project's jieba dictionary is read beside the compiled text module (tsc copies no data files).
COPY --from=build /app/shared/text/dict ./dist/shared/text/dict
COPY examples ./examples
# Relative paths (the default file store .trendscope/, site/) land in /data, writable by the app user.
RUN mkdir -p /data && chown node:node /data
WORKDIR /data
USER node
ENTRYPOINT ["node", "/app/dist/cli/trendscope.js"]
CMD ["--help"]
