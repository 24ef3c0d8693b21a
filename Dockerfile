# Lotse for production: compiled JavaScript (npm run build -> dist/) on Node 24, the current LTS.
# No dev dependencies, no tsx, and of Microsoft's Web Chat only the one bundle the page loads.
# Needs MONGODB_URI (a replica set, Atlas or Cosmos DB for MongoDB vCore); the embedded local
# database is for development only.

FROM node:24-slim AS build
WORKDIR /app
# The full install (dev dependencies included) compiles. tools/spdy-unused stands in for a module
# restify loads but Lotse never uses (package.json "overrides"); npm links it from there.
COPY package.json package-lock.json ./
COPY tools/spdy-unused ./tools/spdy-unused
RUN npm ci --no-audit --no-fund
COPY tsconfig.json tsconfig.build.json ./
COPY src ./src
# The browser pages are typed modules under web/, bundled into public/ by the build.
COPY web ./web
COPY public ./public
RUN npm run build
# The customer page needs one file of botframework-webchat (dist/webchat.js, about 4 MB); its
# package tree is about 160 MB. Keep the file with the package's manifest (the server finds the
# bundle through it), put a stub where its entry module was, and prune the rest with the dev
# dependencies.
RUN mkdir -p /webchat/dist /webchat/lib \
 && cp node_modules/botframework-webchat/package.json /webchat/ \
 && cp node_modules/botframework-webchat/dist/webchat.js /webchat/dist/ \
 && echo "throw new Error('Only dist/webchat.js of botframework-webchat is in this image');" > /webchat/lib/index.js \
 && npm pkg delete dependencies.botframework-webchat \
 && npm prune --omit=dev --no-audit --no-fund \
 && rm -rf node_modules/botframework-webchat \
 && cp -r /webchat node_modules/botframework-webchat

FROM node:24-slim
WORKDIR /app
ENV NODE_ENV=production \
    PORT=3978 \
    HOST=0.0.0.0
COPY package.json ./package.json
COPY --from=build /app/node_modules ./node_modules
COPY --from=build /app/tools/spdy-unused ./tools/spdy-unused
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
