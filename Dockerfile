# syntax=docker/dockerfile:1
# CoalitionBot container image: the native AOT build (issue 7: half the JIT build's memory and a
# start in tens of milliseconds on the Raspberry Pi).
#
# Images are built by CI (.woodpecker/ci.yml, deploy/build-images.sh) and pulled by the Pi; a local
# build is for those who want one. BuildKit is required (cache mounts): Docker's default builder.
#   BUILD_MODE=aot (default) or r2r: r2r is the ReadyToRun (JIT) build, for a machine whose memory
#   cannot hold the native AOT compiler (peak 2.13-2.19 GiB, measured 2026-12-02; docs/deployment.md).
#   VERSION, REVISION, SOURCE: the OCI labels (deploy/build-images.sh sets them).
#
#   docker build -t coalitionbot .                                      (this machine's architecture)
#   docker buildx build --platform linux/arm64,linux/amd64 -t coalitionbot .   (both, from an amd64 machine)
#
# The SDK stage always runs on the build machine's own platform ($BUILDPLATFORM), never under QEMU.
# Native AOT compiles for either architecture but links with the target's C runtime and zlib, so
# for the Pi's arm64 on an amd64 machine the stage adds Ubuntu's arm64 packages and the GNU cross
# toolchain, as Microsoft documents it (.NET docs, "Native AOT cross-compilation"; dotnet-docker's
# samples/releasesapi/Dockerfile.ubuntu-cross-x64-arm64). The other way round (amd64 from an arm64
# machine) is not set up: build that image on amd64. On the Pi itself the build is native. The
# runtime stage has no RUN step, so nothing in it needs emulation either.

ARG DOTNET_VERSION=10.0
ARG BUILD_MODE=aot

# The -aot SDK image is the SDK plus the native toolchain (clang, lld, zlib1g-dev). BuildKit
# (Docker's default builder) sets TARGETARCH and BUILDARCH: amd64 or arm64.
FROM --platform=$BUILDPLATFORM mcr.microsoft.com/dotnet/sdk:${DOTNET_VERSION}-noble-aot AS build
ARG TARGETARCH
ARG BUILDARCH
WORKDIR /src

RUN if [ "${TARGETARCH}" != "${BUILDARCH}" ]; then \
        if [ "${BUILDARCH}/${TARGETARCH}" != "amd64/arm64" ]; then \
            echo "native AOT cross-build ${BUILDARCH} -> ${TARGETARCH} is not set up: build this image on ${TARGETARCH}" >&2; exit 1; \
        fi \
        && sed -i '/^Signed-By:/a Architectures: amd64' /etc/apt/sources.list.d/ubuntu.sources \
        && printf '%s\n' 'Types: deb' 'URIs: http://ports.ubuntu.com/ubuntu-ports/' 'Suites: noble noble-updates noble-security' \
            'Components: main restricted' 'Signed-By: /usr/share/keyrings/ubuntu-archive-keyring.gpg' 'Architectures: arm64' \
            > /etc/apt/sources.list.d/arm64.sources \
        && dpkg --add-architecture arm64 \
        && apt-get update -qq \
        && apt-get install -y -qq --no-install-recommends gcc-aarch64-linux-gnu zlib1g-dev:arm64 \
        && rm -rf /var/lib/apt/lists/*; \
    fi

# Restore first, from the project files only, so a code change does not download packages again;
# the NuGet cache is a BuildKit cache mount, kept between builds and out of the image. The test
# project is not restored or built here: CI runs the tests (./test.sh) before it builds an image.
COPY global.json Directory.Build.props Directory.Packages.props BannedSymbols.txt .editorconfig ./
COPY src/CoalitionBot/CoalitionBot.csproj src/CoalitionBot/
# Docker says amd64 where .NET says x64 (scripts/publish.sh translates it the same way).
RUN --mount=type=cache,id=coalitionbot-nuget,target=/root/.nuget/packages \
    arch="${TARGETARCH}"; [ "${arch}" = amd64 ] && arch=x64; \
    dotnet restore src/CoalitionBot/CoalitionBot.csproj --arch "${arch}"

# .dockerignore is an allowlist: only the sources and scripts/publish.sh arrive here, so a change to
# the README, docs/, bench/ or tests/ neither rebuilds nor redeploys the image.
COPY . .
ARG BUILD_MODE
# scripts/publish.sh is the publish test.sh runs too; it drops the symbols file (.dbg).
RUN --mount=type=cache,id=coalitionbot-nuget,target=/root/.nuget/packages \
    if [ "${BUILD_MODE}" = r2r ]; then \
        scripts/publish.sh /app --arch "${TARGETARCH}" --r2r; \
    else \
        scripts/publish.sh /app --arch "${TARGETARCH}" --no-restore; \
    fi \
    && install -d -m 0700 /staging/app/data

# A static wget for the HEALTHCHECK: the chiseled runtime below has no shell, curl or wget, and a
# ~1 MB busybox is lighter than starting a second process of the bot every 30 s on a Raspberry Pi.
FROM busybox:1.37-musl AS probe

# Runtime: Ubuntu Chiseled (distroless: no shell, no package manager, non-root by default) with
# only what a native executable needs (runtime-deps: no .NET runtime), in its -extra variant,
# which adds the ICU and tzdata that French dates and Europe/Brussels need (the plain -chiseled
# image would fall back to invariant culture and UTC).
FROM mcr.microsoft.com/dotnet/runtime-deps:${DOTNET_VERSION}-noble-chiseled-extra AS runtime

ARG VERSION=dev
ARG REVISION=unknown
ARG SOURCE=""
LABEL org.opencontainers.image.title="CoalitionBot" \
      org.opencontainers.image.description="Discord-to-email daily digest bot (HTTP interactions)" \
      org.opencontainers.image.licenses="MIT" \
      org.opencontainers.image.version="${VERSION}" \
      org.opencontainers.image.revision="${REVISION}" \
      org.opencontainers.image.source="${SOURCE}"

# Listen on all interfaces inside the container: appsettings.json's Urls (127.0.0.1:5080, for local
# runs) would win over the base image's ASPNETCORE_HTTP_PORTS, so URLS overrides it, and the empty
# HTTP_PORTS avoids a start-up warning about the override. Plain HTTP: Caddy terminates TLS.
ENV URLS=http://+:8080 \
    ASPNETCORE_HTTP_PORTS=
# Runtime settings: there is no JIT, so tiering and PGO settings do not apply. The binary has server
# GC with DATAS built in (the Web SDK's default), idle thread-pool workers that do not spin, type data
# mapped from the file and no EventSource (all from the csproj), and it collects and returns memory
# after each job (Scheduling/IdleMemoryRelease.cs). Measured on the build machine (docs/performance.md,
# "Runtime settings"): after that release, workstation GC, a small gen0, GCConserveMemory or a heap
# hard limit change idle memory by less than 1 MiB, so no DOTNET_ variable is set. On a Pi, `bench/load/settings.sh` compares them again; a winner goes here
# as ENV DOTNET_...=value.

WORKDIR /app
COPY --from=probe /bin/busybox /usr/local/bin/busybox
COPY --from=build /app ./
# data/ (LiteDB file, outbox: message contents) belongs to the non-root app user (uid 1654 in .NET
# images) and no one else: 0700. COPY keeps the mode of what it copies but not of the folder it
# copies from, so the parent is copied to carry data/ and its mode. The app resolves
# data/coalitionbot.db against this working directory. On the host, the bind-mounted ./data must be
# uid 1654's and 0700 (init_bot_stack.sh sees to it).
COPY --from=build --chown=1654:1654 /staging/app/ /app/
VOLUME ["/app/data"]

USER 1654
EXPOSE 8080

HEALTHCHECK --interval=30s --timeout=5s --start-period=30s --retries=3 \
    CMD ["/usr/local/bin/busybox", "wget", "-q", "-O", "/dev/null", "http://127.0.0.1:8080/healthz"]

ENTRYPOINT ["/app/CoalitionBot"]
