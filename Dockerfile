# syntax=docker/dockerfile:1
# exitcode: multi-stage build. The image runs compiled JavaScript from dist/ with production dependencies
# only, as a non-root user, and writes nothing outside /tmp (so readOnlyRootFilesystem works).
#
# node:24-slim (Debian, glibc) rather than alpine: the TypeScript 7 compiler is a native binary built for
# glibc, and glibc's resolver behaves like the rest of the cluster's tooling. Pin a digest in production
# (node:24-slim@sha256:...) so rebuilds are reproducible.

# ---- build: all dependencies, compile src/ -> dist/
FROM node:24-slim AS build
WORKDIR /app
COPY package.json package-lock.json ./
# --ignore-scripts: the "prepare" script compiles, and src/ is not copied yet; the "node" devDependency's
# install script is not needed because the base image already has Node 24.
RUN npm ci --ignore-scripts
COPY tsconfig.json tsconfig.build.json ./
COPY src ./src
RUN npm run build

# ---- deps: production dependencies only (no typescript, no "node" npm package, no test tools)
FROM node:24-slim AS deps
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --omit=dev --ignore-scripts && npm cache clean --force

# ---- runtime
FROM node:24-slim AS runtime
# npm and corepack are not needed to run the bot: removing them makes the image smaller and its CVE list shorter.
RUN rm -rf /usr/local/lib/node_modules/npm /usr/local/lib/node_modules/corepack \
      /usr/local/bin/npm /usr/local/bin/npx /usr/local/bin/corepack
ENV NODE_ENV=production \
    HOME=/tmp \
    PORT=3000
WORKDIR /app
# Files stay owned by root and read-only to the bot's user.
COPY package.json ./
COPY --from=deps /app/node_modules ./node_modules
COPY --from=build /app/dist ./dist
USER 10001:10001
EXPOSE 3000
# No HEALTHCHECK: Kubernetes probes /healthz and /readyz (see deploy/deployment.yaml).
ENTRYPOINT ["node", "dist/cli/main.js", "serve"]
