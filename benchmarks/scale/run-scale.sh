#!/usr/bin/env bash
# A store of 1,000,000 transactions (issue 19): fills a store with StoreAtScale (size on disk, md5
# lookup latency, the reconciler's queries), then starts the real server on it and on an empty
# store of the same kind, one after the other, and measures each through HTTP: time from launch to
# the first 200, the node's RSS after start, its CPU while idle (the reconciler's ticks), final-status
# check/md5 rate and latency with the load tool, and its RSS after that load. Prints filled/empty ratios.
#
#   benchmarks/scale/run-scale.sh h2        # H2 file, the server's default store, in $DATA_DIR
#   benchmarks/scale/run-scale.sh postgres  # PostgreSQL db test, schemas bakongpay_scale (filled)
#                                           # and bakongpay_scale_empty
#
# Settings (environment): ROWS (1000000), FILL_THREADS (32), LOOKUPS (10000), DURATION (20s), WARMUP (5s) (whole seconds),
# CONNECTIONS (64), IDLE (35s: the idle window, longer than one 30 s reconciler tick), PORT (38080),
# SIM_PORT (39090), SERVER_JAR (the built one), SERVER_JAVA_OPTS, DATA_DIR (/tmp/scale/STORE: H2 files and
# logs), RESULTS (benchmarks/target/scale-results.txt), PG_HOST (127.0.0.1), KEEP (1: keep the filled store,
# so a later run resumes or reuses the fill; default: drop the schemas and delete the data dir).
# Two check loads run on each store: the load tool's own pool (1,000 new transactions, paid, final), and,
# on the filled store, 10,000 random final rows of the fill (--md5-file), which a store mostly has not cached.
# Build first: ./mvnw -B -q -DskipTests -DskipITs -pl bakongpay-server,benchmarks -am package
set -euo pipefail

store=${1:?usage: run-scale.sh h2|postgres}
root=$(cd "$(dirname "$0")/../.." && pwd)
rows=${ROWS:-1000000}
duration=${DURATION:-20s}
warmup=${WARMUP:-5s}
connections=${CONNECTIONS:-64}
idle=${IDLE:-35}
port=${PORT:-38080}
sim_port=${SIM_PORT:-39090}
data_dir=${DATA_DIR:-/tmp/scale/$store}
results=${RESULTS:-$root/benchmarks/target/scale-results.txt}
key=bk_test_load0000000000000000000000000000000000
server_jar=${SERVER_JAR:-$(ls "$root"/bakongpay-server/target/bakongpay-server-*.jar | grep -v -E 'sources|javadoc' | head -1)}
load_jar=$root/benchmarks/target/benchmarks.jar
pg_host=${PG_HOST:-127.0.0.1}
pg_admin="jdbc:postgresql://$pg_host:5432/test?user=postgres"
server_pid=

case "$store" in
  h2) label="embedded H2 file" ;;
  postgres) label="PostgreSQL" ;;
  *) echo "store must be h2 or postgres" >&2; exit 2 ;;
esac
mkdir -p "$data_dir" "$(dirname "$results")"

export BAKONGPAY_HOST=127.0.0.1 BAKONGPAY_PORT=$port
export BAKONGPAY_API_KEYS="$key=ENTERPRISE"
export BAKONGPAY_RATE_LIMITS="ENTERPRISE=1000000/s"
export BAKONGPAY_SIMULATOR_ENABLED=true BAKONG_SIMULATOR_PORT=$sim_port
export BAKONGPAY_LOG_LEVEL=warn

stop_server() {
  if [[ -n "$server_pid" ]] && kill -0 "$server_pid" 2>/dev/null; then
    kill "$server_pid"
    # the server drains for up to 5 s; after 15 s it is stuck and gets killed
    for _ in $(seq 150); do kill -0 "$server_pid" 2>/dev/null || break; sleep 0.1; done
    kill -9 "$server_pid" 2>/dev/null || true
  fi
  server_pid=
}
psql_admin() { psql -q -X -h "$pg_host" -U postgres -d test "$@"; }
cleanup() {
  stop_server
  if [[ "${KEEP:-}" == 1 ]]; then
    echo "KEEP=1: the filled store stays: $data_dir (and, on PostgreSQL, schema bakongpay_scale)" >&2
    if [[ "$store" == postgres ]]; then psql_admin -c 'DROP SCHEMA IF EXISTS bakongpay_scale_empty CASCADE' || true; fi
    rm -rf "$data_dir/empty"
    return
  fi
  if [[ "$store" == postgres ]]; then
    psql_admin -c 'DROP SCHEMA IF EXISTS bakongpay_scale CASCADE' -c 'DROP SCHEMA IF EXISTS bakongpay_scale_empty CASCADE' || true
  fi
  rm -rf "$data_dir"
}
trap cleanup EXIT

say() { echo "$*" | tee -a "$results" >&2; }
rss_mb() { awk '/^VmRSS:/ { printf "%.0f", $2 / 1024 }' "/proc/$server_pid/status"; }
server_ticks() { awk '{print $14 + $15}' "/proc/$server_pid/stat"; }
ticks_per_s=$(getconf CLK_TCK)
loadavg() { cut -d' ' -f1-3 /proc/loadavg; }

# --- the fill (resumes: rows already in the store count) ---
say "== $(date -u +%FT%TZ) $label, $rows rows, commit $(git -C "$root" rev-parse --short HEAD), load average $(loadavg)"
fill_args=(--store "$store" --rows "$rows" --threads "${FILL_THREADS:-32}" --lookups "${LOOKUPS:-10000}" --md5-out "$data_dir/md5s.txt")
if [[ "$store" == h2 ]]; then
  fill_args+=(--data-dir "$data_dir/filled")
else
  fill_args+=(--pg-url "$pg_admin" --schema bakongpay_scale)
fi
java -cp "$load_jar" dev.bakongpay.benchmarks.scale.StoreAtScale "${fill_args[@]}" \
  2> >(grep --line-buffered -E '^(fill|store|wrote)' >&2) | tee -a "$results" >&2
say "fill done, load average $(loadavg)"

# --- the server on one store, measured; prints one summary line "name key=value ..." ---
measure() {
  local name=$1 db_url=$2 h2_dir=$3
  if [[ -n "$db_url" ]]; then export BAKONGPAY_DB_URL="$db_url"; else unset BAKONGPAY_DB_URL; fi
  export BAKONGPAY_DATA_DIR=$h2_dir
  mkdir -p "$h2_dir"
  local t0 t1 first_ms
  t0=$(date +%s%N)
  # shellcheck disable=SC2086
  java ${SERVER_JAVA_OPTS:-} -jar "$server_jar" serve > "$data_dir/server-$name.log" 2>&1 &
  server_pid=$!
  for _ in $(seq 1200); do # 50 ms steps, at most a minute
    curl -fs "http://127.0.0.1:$port/health" > /dev/null 2>&1 && break
    kill -0 "$server_pid" 2>/dev/null || { cat "$data_dir/server-$name.log" >&2; exit 1; }
    sleep 0.05
  done
  curl -fs "http://127.0.0.1:$port/health" > /dev/null || { echo "server did not come up" >&2; exit 1; }
  t1=$(date +%s%N)
  first_ms=$(( (t1 - t0) / 1000000 ))
  local rss_start c0 c1 idle_cpu_ms
  rss_start=$(rss_mb)
  # idle: nobody calls; what the node spends is its own ticks (reconciler, gauges)
  c0=$(server_ticks); sleep "$idle"; c1=$(server_ticks)
  idle_cpu_ms=$(awk -v c="$((c1 - c0))" -v hz="$ticks_per_s" -v s="$idle" 'BEGIN { printf "%.0f", 1000 * c / hz / s }')
  local rss_idle
  rss_idle=$(rss_mb)
  local summary="$name firstOkMs=$first_ms rssStartMb=$rss_start rssIdleMb=$rss_idle idleCpuMsPerS=$idle_cpu_ms"
  local runs=(pool)
  [[ "$name" == filled ]] && runs+=(rows)
  for run in "${runs[@]}"; do
    local extra=(--check-final --simulator "http://127.0.0.1:$sim_port")
    [[ "$run" == rows ]] && extra=(--md5-file "$data_dir/md5s.txt")
    : > "$data_dir/err.txt"
    java -cp "$load_jar" dev.bakongpay.benchmarks.load.LoadTest --url "http://127.0.0.1:$port" --key "$key" \
      --scenario check --connections "$connections" --duration "$duration" --warmup "$warmup" \
      "${extra[@]}" > "$data_dir/out.txt" 2> "$data_dir/err.txt" &
    local load_pid=$!
    until grep -q '^load: ' "$data_dir/err.txt" || ! kill -0 "$load_pid" 2>/dev/null; do sleep 0.1; done
    sleep "${warmup%s}"
    local w0 w1 k0 k1
    w0=$(date +%s.%N); k0=$(server_ticks)
    sleep "${duration%s}"
    w1=$(date +%s.%N); k1=$(server_ticks)
    wait "$load_pid" || true
    grep -E '^(setup|pool)' "$data_dir/err.txt" >&2 || true
    local json requests rps p50 p99 per_req
    json=$(grep '^{"tool"' "$data_dir/out.txt" | head -1)
    requests=$(grep -o '"requests":[0-9]*' <<< "$json" | cut -d: -f2)
    rps=$(grep -o '"reqPerSec":[0-9.]*' <<< "$json" | cut -d: -f2)
    p50=$(grep -o '"p50Ms":[0-9.]*' <<< "$json" | cut -d: -f2)
    p99=$(grep -o '"p99Ms":[0-9.]*' <<< "$json" | cut -d: -f2)
    per_req=$(awk -v c="$((k1 - k0))" -v hz="$ticks_per_s" -v n="${requests:-0}" \
      'BEGIN { printf "%.3f", (n > 0 ? 1000 * c / hz / n : 0) }')
    summary+=" ${run}ReqPerS=${rps:-0} ${run}P50Ms=${p50:-0} ${run}P99Ms=${p99:-0} ${run}CpuMsPerReq=$per_req ${run}Load1=$(cut -d' ' -f1 /proc/loadavg)"
  done
  summary+=" rssAfterLoadMb=$(rss_mb)"
  stop_server
  echo "$summary"
}

if [[ "$store" == h2 ]]; then
  filled_url= ; filled_dir=$data_dir/filled
  empty_url= ; empty_dir=$data_dir/empty
  rm -rf "$empty_dir"
else
  psql_admin -c 'DROP SCHEMA IF EXISTS bakongpay_scale_empty CASCADE' -c 'CREATE SCHEMA bakongpay_scale_empty'
  filled_url="$pg_admin&currentSchema=bakongpay_scale" ; filled_dir=$data_dir/filled
  empty_url="$pg_admin&currentSchema=bakongpay_scale_empty" ; empty_dir=$data_dir/empty
fi

say "== server on the empty store (load average $(loadavg))"
empty=$(measure empty "$empty_url" "$empty_dir")
say "$empty"
say "== server on the filled store (load average $(loadavg))"
filled=$(measure filled "$filled_url" "$filled_dir")
say "$filled"
if [[ "$store" == h2 ]]; then
  say "H2 file after the server ran: $(awk '{ printf "%.1f MB", $1 / 1e6 }' <<< "$(stat -c %s "$filled_dir/bakongpay.mv.db")")"
  # how much of it is live data (rewrites the file: last)
  java -cp "$load_jar" dev.bakongpay.benchmarks.scale.StoreAtScale --store h2 --data-dir "$filled_dir" --compact-only \
    2> /dev/null | tee -a "$results" >&2
fi

# filled/empty for every figure both lines have
say "== filled / empty ($label)"
awk -v e="$empty" -v f="$filled" 'BEGIN {
  n = split(e, ea, " "); for (i = 2; i <= n; i++) { split(ea[i], kv, "="); ev[kv[1]] = kv[2]; order[i] = kv[1] }
  m = split(f, fa, " "); for (i = 2; i <= m; i++) { split(fa[i], kv, "="); fv[kv[1]] = kv[2] }
  for (i = 2; i <= n; i++) { k = order[i]; if (k ~ /Load1$/) continue
    if ((k in fv) && ev[k] + 0 > 0) printf "%-20s empty %10s  filled %10s  ratio %.2f\n", k, ev[k], fv[k], fv[k] / ev[k] }
}' | tee -a "$results" >&2
echo "results appended to $results" >&2
