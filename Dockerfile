# mockai: a local emulator of the OpenAI HTTP API, scripted by scenario files.
#
#   docker build -t mockai .
#   docker run --rm -p 8000:8000 -v "$PWD/scenarios:/scenarios:ro" mockai
#
# The image serves /scenarios (the bundled ./scenarios unless a volume replaces it) on
# 0.0.0.0:8000. Extra flags go after the image name, e.g. `docker run mockai --strict`;
# host, port and scenarios then still come from the MOCKAI_* defaults below.
FROM python:3.12-slim-bookworm

ENV PYTHONDONTWRITEBYTECODE=1 \
    PYTHONUNBUFFERED=1 \
    PIP_DISABLE_PIP_VERSION_CHECK=1 \
    PIP_NO_CACHE_DIR=1 \
    MOCKAI_HOST=0.0.0.0 \
    MOCKAI_PORT=8000 \
    MOCKAI_SCENARIOS=/scenarios

WORKDIR /src
COPY pyproject.toml README.md ./
COPY mockai ./mockai
RUN useradd --system --uid 10001 --user-group --create-home --home-dir /home/mockai \
        --shell /usr/sbin/nologin mockai \
    && pip install --no-cache-dir . \
    && rm -rf /src

COPY scenarios /scenarios

WORKDIR /home/mockai
USER 10001:10001

EXPOSE 8000

HEALTHCHECK --interval=10s --timeout=3s --start-period=5s --retries=3 \
    CMD ["python", "-c", "import sys, urllib.request; sys.exit(urllib.request.urlopen('http://127.0.0.1:8000/_mockai/health', timeout=2).status != 200)"]

ENTRYPOINT ["mockai", "serve"]
CMD ["--host", "0.0.0.0", "--port", "8000", "--scenarios", "/scenarios"]
