#!/usr/bin/env bash
# Load benchmark: locust headless, 8 clients x 60 s, against gunicorn serving the corpus.
# Usage: bench/load.sh [--import]   (--import: import_speeches adds 200 files during the run)
# Environment: LOAD_DATA (data dir, default /tmp/archive-load), PORT (8013), WORKERS (2),
# THREADS (1), USERS (8), DURATION (seconds, 60), CORPUS (/work/shared/corpus).
# Needs: pip install -r requirements-bench.txt. Only loopback addresses.
set -euo pipefail
cd "$(dirname "$0")/.."
DATA=${LOAD_DATA:-/tmp/archive-load}; PORT=${PORT:-8013}; WORKERS=${WORKERS:-2}; THREADS=${THREADS:-1}
USERS=${USERS:-8}; DURATION=${DURATION:-60}; CORPUS=${CORPUS:-/work/shared/corpus}
export ARCHIVE_DATA_DIR=$DATA DJANGO_DEBUG=0 DJANGO_SECURE_SSL_REDIRECT=0 DJANGO_SECURE_COOKIES=0
export DJANGO_SECRET_KEY=${DJANGO_SECRET_KEY:-load-bench-only-not-secret-$$}
PY=.venv/bin/python
mkdir -p "$DATA"
# The corpus less 200 files held back for --import, imported once per data dir.
find "$CORPUS" -name '*.txt' | sort > "$DATA/all.txt"
awk 'NR % 5 == 0' "$DATA/all.txt" | head -200 > "$DATA/held.txt"
grep -vxF -f "$DATA/held.txt" "$DATA/all.txt" > "$DATA/base.txt"
if [ ! -f "$DATA/imported" ]; then
  $PY manage.py migrate --noinput -v0
  xargs -a "$DATA/base.txt" -d '\n' $PY manage.py import_speeches > "$DATA/import.log" 2>&1 || true
  $PY manage.py index_check --repair
  touch "$DATA/imported"
fi
$PY manage.py collectstatic --noinput -v0
.venv/bin/gunicorn archive.wsgi --bind 127.0.0.1:$PORT --workers "$WORKERS" --threads "$THREADS" --preload \
  --access-logfile /dev/null > "$DATA/gunicorn.log" 2>&1 &
SERVER=$!
trap 'kill $SERVER 2>/dev/null || true' EXIT
for _ in $(seq 60); do curl -sf "http://127.0.0.1:$PORT/healthz" > /dev/null && break; sleep 1; done
curl -s "http://127.0.0.1:$PORT/healthz"; echo
if [ "${1:-}" = "--import" ]; then
  (sleep 5; xargs -a "$DATA/held.txt" -d '\n' $PY manage.py import_speeches > "$DATA/import-during.log" 2>&1 || true) &
fi
.venv/bin/locust -f bench/locustfile.py --headless -u "$USERS" -r "$USERS" -t "${DURATION}s" \
  --host "http://127.0.0.1:$PORT" --csv "$DATA/locust" --only-summary 2>&1 | tail -n 25
echo "load average: $(cut -d' ' -f1-3 /proc/loadavg); workers=$WORKERS threads=$THREADS users=$USERS"
