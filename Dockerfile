# syntax=docker/dockerfile:1
# The bot's container image: `docker build -t ler-map-bot .` then run it with APP_ID,
# PRIVATE_KEY (or a mounted PRIVATE_KEY_PATH) and WEBHOOK_SECRET. See docs/maintainers.md.

# Build stage: all dependencies, bundle bot/ (with core/) to dist/ JavaScript.
FROM node:20-bookworm-slim AS build
WORKDIR /app
COPY package.json package-lock.json ./
# No install scripts: nothing the bot needs compiles at install time.
RUN npm ci --ignore-scripts --no-audit --no-fund
COPY tsconfig.json ./
COPY core ./core
COPY bot ./bot
RUN npm run build:bot

# Runtime stage: production dependencies and the bundle only, run as the unprivileged `node` user.
FROM node:20-bookworm-slim
ENV NODE_ENV=production \
    HOST=0.0.0.0 \
    PORT=3000
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --omit=dev --ignore-scripts --no-audit --no-fund && npm cache clean --force
COPY --from=build /app/dist ./dist
USER node
EXPOSE 3000
# /healthz answers 200 while the server accepts connections.
HEALTHCHECK --interval=30s --timeout=3s --start-period=15s --retries=3 \
  CMD ["node", "-e", "fetch('http://127.0.0.1:'+(process.env.PORT||3000)+'/healthz').then(r=>process.exit(r.ok?0:1),()=>process.exit(1))"]
# Node handles SIGTERM itself (bot/main.ts): it drains requests in flight, then exits.
CMD ["node", "dist/main.js"]
