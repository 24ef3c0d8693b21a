# Lotse for production: compiled TypeScript (npm run build -> dist/) on Node 20, no dev dependencies.
# Needs MONGODB_URI (a replica set or Atlas); the embedded local database is for development only.

FROM node:20-slim AS build
WORKDIR /app
# The full install (dev dependencies included) compiles; botbuilder-dialogs' install script needs rimraf.
COPY package.json package-lock.json ./
RUN npm ci --no-audit --no-fund
COPY tsconfig.json tsconfig.build.json ./
COPY src ./src
# The browser pages are typed modules under web/, bundled into public/ by the build.
COPY web ./web
COPY public ./public
RUN npm run build && npm prune --omit=dev --no-audit --no-fund

FROM node:20-slim
WORKDIR /app
ENV NODE_ENV=production \
    NODE_OPTIONS=--disable-warning=DEP0111 \
    PORT=3978 \
    HOST=0.0.0.0
COPY --from=build /app/package.json ./package.json
COPY --from=build /app/node_modules ./node_modules
COPY --from=build /app/dist ./dist
# Read at run time relative to dist/: translations, the content pack (knowledge, NLU data) and the
# pages (web chat, agent desk, admin) with their bundles.
COPY locales ./locales
COPY content ./content
COPY --from=build /app/public ./public
USER node
EXPOSE 3978
HEALTHCHECK --interval=15s --timeout=3s --start-period=20s --retries=3 \
  CMD ["node", "-e", "fetch('http://127.0.0.1:'+(process.env.PORT||3978)+'/healthz').then(r=>process.exit(r.ok?0:1),()=>process.exit(1))"]
# node is PID 1 and handles SIGTERM itself: it stops accepting, finishes turns in flight, then exits.
CMD ["node", "dist/index.js"]
