# mockai: a local emulator of the OpenAI HTTP API, scripted by scenario files.
#
#   docker build -t mockai .
#   docker run --rm -p 8000:8000 -v "$PWD/scenarios:/scenarios:ro" mockai
#
# The image serves /scenarios (the bundled ./scenarios unless a volume replaces it) on
# 0.0.0.0:8000, with the `fast` extra (uvloop) that the benchmarks measure and every media
# extra (`all`: PyAV and Pillow, for mp3/opus/aac/flac speech, JPEG/WebP images and videos),
# so the image is a one-stop server (see docs/install.md). Settings come from
# the MOCKAI_* variables below (`docker run -e MOCKAI_PORT=9000 -p 9000:9000 mockai`; the health
# check follows MOCKAI_PORT). Extra flags go after the image name: `docker run mockai --strict`.
# From the host the control API (/_mockai/) needs an admin token: `-e MOCKAI_ADMIN_TOKEN=...`.
#
# BASE is any Debian-like image with python3 and its venv module: the official Python image by
# default; scripts/container-smoke builds a stand-in from Debian's packages where no image
# registry can be reached. mockai lives in a virtualenv, /opt/mockai, so either base works.
ARG BASE=python:3.12-slim-bookworm
FROM ${BASE}

ENV PYTHONDONTWRITEBYTECODE=1 \
    PYTHONUNBUFFERED=1 \
    PIP_DISABLE_PIP_VERSION_CHECK=1 \
    PIP_NO_CACHE_DIR=1 \
    PATH=/opt/mockai/bin:$PATH \
    MOCKAI_HOST=0.0.0.0 \
    MOCKAI_PORT=8000 \
    MOCKAI_SCENARIOS=/scenarios

WORKDIR /src
COPY pyproject.toml README.md LICENSE ./
COPY mockai ./mockai
RUN useradd --system --uid 10001 --user-group --create-home --home-dir /home/mockai \
        --shell /usr/sbin/nologin mockai \
    && python3 -m venv /opt/mockai \
    && /opt/mockai/bin/pip install --no-cache-dir './[all,fast]' \
    && rm -rf /src

COPY scenarios /scenarios

WORKDIR /home/mockai
USER 10001:10001

EXPOSE 8000

# Probes /_mockai/health on the port `mockai serve` reads from MOCKAI_PORT (slim images have no curl).
HEALTHCHECK --interval=10s --timeout=3s --start-period=5s --retries=3 \
    CMD ["python", "-m", "mockai.healthcheck"]

# No CMD: host, port and scenarios come from the MOCKAI_* variables, so `-e MOCKAI_PORT=...`
# moves the server and its health check together.
ENTRYPOINT ["mockai", "serve"]
