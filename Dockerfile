# CoalitionBot container image.
#
#   docker build -t coalitionbot .                                      (this machine's architecture)
#   docker buildx build --platform linux/arm64,linux/amd64 -t coalitionbot .   (both, no emulation)
#
# The SDK stage always runs on the build machine's own platform ($BUILDPLATFORM) and publishes for
# $TARGETARCH: .NET cross-publishes a framework-dependent app, so an amd64 laptop or CI runner
# builds the Raspberry Pi's arm64 image without QEMU. The runtime stage has no RUN step at all,
# so nothing in it needs emulation either.

ARG DOTNET_VERSION=10.0

FROM --platform=$BUILDPLATFORM mcr.microsoft.com/dotnet/sdk:${DOTNET_VERSION} AS build
ARG TARGETARCH
WORKDIR /src

# Restore first, from the project files only, so a code change does not download packages again.
COPY global.json Directory.Build.props Directory.Packages.props BannedSymbols.txt ./
COPY src/CoalitionBot/CoalitionBot.csproj src/CoalitionBot/
COPY tests/CoalitionBot.Tests/CoalitionBot.Tests.csproj tests/CoalitionBot.Tests/
# Docker's architecture names to .NET's: amd64 -> x64, arm64 -> arm64 (arm -> arm for 32-bit Pi OS).
RUN case "${TARGETARCH:-amd64}" in \
        amd64) echo x64 ;; \
        arm64) echo arm64 ;; \
        arm) echo arm ;; \
        *) echo "unsupported TARGETARCH '${TARGETARCH}'" >&2; exit 1 ;; \
    esac > /tmp/dotnet-arch \
    && dotnet restore tests/CoalitionBot.Tests/CoalitionBot.Tests.csproj \
    && dotnet restore src/CoalitionBot/CoalitionBot.csproj --arch "$(cat /tmp/dotnet-arch)"

COPY . .
# The tests' build: the test project compiles against the app (warnings are errors), so a broken
# test breaks the image. The tests themselves run in CI (`dotnet test`), where Caddy is installed.
RUN dotnet build tests/CoalitionBot.Tests/CoalitionBot.Tests.csproj -c Release --no-restore \
    && dotnet publish src/CoalitionBot/CoalitionBot.csproj -c Release --no-restore \
        --arch "$(cat /tmp/dotnet-arch)" --self-contained false -p:UseAppHost=false -o /app \
    && mkdir -p /staging/data

# A static wget for the HEALTHCHECK: the chiseled runtime below has no shell, curl or wget, and a
# ~1 MB busybox is lighter than starting a second .NET process every 30 s on a Raspberry Pi.
FROM busybox:1.37-musl AS probe

# Runtime: Ubuntu Chiseled (distroless: no shell, no package manager, non-root by default), in its
# -extra variant, which adds the ICU and tzdata that French dates and Europe/Brussels need
# (the plain -chiseled and alpine images would fall back to invariant culture and UTC).
# .NET 10 ships no Debian images; the full Ubuntu image (aspnet:10.0) would work too but is
# larger and carries a shell and apt the bot never uses.
FROM mcr.microsoft.com/dotnet/aspnet:${DOTNET_VERSION}-noble-chiseled-extra AS runtime

LABEL org.opencontainers.image.title="CoalitionBot" \
      org.opencontainers.image.description="Discord-to-email daily digest bot (HTTP interactions)"

# Listen on all interfaces inside the container: appsettings.json's Urls (127.0.0.1:5080, for local
# runs) would win over the base image's ASPNETCORE_HTTP_PORTS, so URLS overrides it, and the empty
# HTTP_PORTS avoids a start-up warning about the override. Plain HTTP: Caddy terminates TLS.
ENV URLS=http://+:8080 \
    ASPNETCORE_HTTP_PORTS=
# Raspberry Pi tuning (memory, GC) is the performance issue's to set; it goes here, e.g.:
# ENV DOTNET_gcServer=0 \
#     DOTNET_GCConserveMemory=5 \
#     DOTNET_TieredPGO=0

WORKDIR /app
COPY --from=probe /bin/busybox /usr/local/bin/busybox
COPY --from=build /app ./
# data/ (LiteDB file, outbox) belongs to the non-root app user (uid 1654 in .NET images); the
# app resolves data/coalitionbot.db against this working directory. On the host, the bind-mounted
# ./data must be writable by uid 1654 (init_bot_stack.sh sees to it).
COPY --from=build --chown=1654:1654 /staging/data /app/data
VOLUME ["/app/data"]

USER 1654
EXPOSE 8080

HEALTHCHECK --interval=30s --timeout=5s --start-period=30s --retries=3 \
    CMD ["/usr/local/bin/busybox", "wget", "-q", "-O", "/dev/null", "http://127.0.0.1:8080/healthz"]

ENTRYPOINT ["dotnet", "CoalitionBot.dll"]
