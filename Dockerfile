# syntax=docker/dockerfile:1
# Siang: a multi-stage image. The builder makes wheels; the runtime runs as a non-root user.

FROM python:3.11-slim-bookworm AS builder
ENV PIP_NO_CACHE_DIR=1 PIP_DISABLE_PIP_VERSION_CHECK=1
WORKDIR /build
COPY pyproject.toml README.md ./
COPY siang ./siang
COPY bot ./bot
COPY nlp ./nlp
COPY services ./services
COPY storage ./storage
COPY admin ./admin
RUN pip wheel --wheel-dir /wheels .

FROM python:3.11-slim-bookworm AS runtime
ENV PYTHONDONTWRITEBYTECODE=1 PYTHONUNBUFFERED=1 PIP_NO_CACHE_DIR=1 \
    PIP_DISABLE_PIP_VERSION_CHECK=1 \
    SIANG_MEDIA_DIR=/var/lib/siang/media \
    SIANG_LOG_JSON=true
RUN groupadd --system --gid 10001 siang \
    && useradd --system --uid 10001 --gid siang --home-dir /var/lib/siang siang \
    && mkdir -p /var/lib/siang/media && chown -R siang:siang /var/lib/siang
COPY --from=builder /wheels /wheels
RUN pip install --no-index --find-links=/wheels siang==0.1.0 && rm -rf /wheels
USER 10001:10001
WORKDIR /var/lib/siang
EXPOSE 8000
HEALTHCHECK --interval=30s --timeout=5s --retries=3 \
    CMD ["python", "-c", "import urllib.request; urllib.request.urlopen('http://127.0.0.1:8000/healthz', timeout=4)"]
# The same commands as the README: migrate and seed, then serve.
CMD ["sh", "-c", "siang db upgrade && siang db seed && exec siang serve --host 0.0.0.0 --port 8000"]
