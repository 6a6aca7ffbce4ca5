# syntax=docker/dockerfile:1
# The API as a container: the web UI bundled by Node.js, the service built by the .NET SDK image, both run on the
# ASP.NET runtime image as a non-root user.
FROM node:20-bookworm-slim AS ui
WORKDIR /ui
# Packages from the npm registry as the lock file pins them; then the bundle (dist/).
COPY src/IcsExpertiseGraph.Api/Web/ui/package.json src/IcsExpertiseGraph.Api/Web/ui/package-lock.json ./
RUN npm ci --no-audit --no-fund --loglevel=error
COPY src/IcsExpertiseGraph.Api/Web/ui/ ./
# GraphiQL (dist/graphiql/) is served in Development only; this image runs Production, so it is left out.
RUN npm run build && rm -rf dist/graphiql

FROM mcr.microsoft.com/dotnet/sdk:10.0 AS build
WORKDIR /src
# Restore first, from the build policy and project files only, so a code change reuses the restored layer.
COPY global.json Directory.Build.props Directory.Packages.props .editorconfig ./
COPY src/IcsExpertiseGraph.Api/IcsExpertiseGraph.Api.csproj src/IcsExpertiseGraph.Api/
RUN dotnet restore src/IcsExpertiseGraph.Api/IcsExpertiseGraph.Api.csproj
COPY schema/ schema/
COPY seed/ seed/
COPY src/ src/
# The SDK image has no Node.js: the bundle comes from the ui stage, and the build only copies it (SkipWebUiBuild).
COPY --from=ui /ui/dist/ src/IcsExpertiseGraph.Api/Web/ui/dist/
RUN dotnet publish src/IcsExpertiseGraph.Api/IcsExpertiseGraph.Api.csproj -c Release --no-restore -p:SkipWebUiBuild=true -o /app

FROM mcr.microsoft.com/dotnet/aspnet:10.0 AS runtime
WORKDIR /app
COPY --from=build /app .
# The image's unprivileged user (uid 1654); /data holds the embedded store or the local issuer's key when used.
RUN mkdir -p /data && chown 1654:1654 /data
USER 1654
ENV ASPNETCORE_ENVIRONMENT=Production \
    Urls=http://0.0.0.0:5080 \
    Storage__Sqlite__Path=/data/expertise.db
EXPOSE 5080
# The runtime image has no curl or wget: the service's own binary is not a client either, so bash's /dev/tcp asks /readyz (ready: migrated and the store answering).
HEALTHCHECK --interval=10s --timeout=5s --start-period=60s --retries=6 \
  CMD ["bash", "-c", "exec 3<>/dev/tcp/127.0.0.1/5080 && printf 'GET /readyz HTTP/1.0\\r\\nHost: localhost\\r\\n\\r\\n' >&3 && head -n 1 <&3 | grep -q ' 200 '"]
ENTRYPOINT ["dotnet", "IcsExpertiseGraph.Api.dll"]
