#!/usr/bin/env bash
# Time from `java -jar bakongpay-server.jar serve` to its first answers: starts the given jar N
# times (fresh embedded H2 store and simulator each time, as run-load.sh's node), and prints for
# each start the wall ms and the process's CPU ms (user+sys, /proc/PID/stat) at the moment of
#   - the first 200 on GET /health, and
#   - the first answer from the API: an authenticated POST /api/v1/check/md5 of an md5 nobody
#     created, which the API answers 404 transaction_not_found in the error envelope (a 503 while starting
#     does not count; a 500 fails the script);
# then the median of each column.
#
#   benchmarks/startup/time-startup.sh [JAR] [N]     # JAR: the built server jar, N: 5
#
# Settings (environment): PORT (50080), SIM_PORT (50090), JAVA (the java command; default
# $JAVA_HOME/bin/java when JAVA_HOME is set, else java), JAVA_OPTS (the node's JVM options, e.g.
# -XX:SharedArchiveFile=app.jsa or, on JDK 25, -XX:AOTCache=app.aot), REUSE_DATA (1: every start but the first reuses one data folder,
# so the store is already migrated), LABEL (a name printed on each line), KEEP_LOGS (a folder the
# nodes' logs are copied to).
# The machine's load average is printed with each start: compare builds only in one window, ABBA.
set -euo pipefail

root=$(cd "$(dirname "$0")/../.." && pwd)
jar=${1:-$(ls "$root"/bakongpay-server/target/bakongpay-server-*.jar | grep -v -E 'sources|javadoc' | head -1)}
runs=${2:-5}
port=${PORT:-50080}
sim_port=${SIM_PORT:-50090}
label=${LABEL:-$(basename "$(dirname "$jar")")}
java_cmd=${JAVA:-${JAVA_HOME:+$JAVA_HOME/bin/}java}
key=bk_test_startup00000000000000000000000000000000
ticks_per_s=$(getconf CLK_TCK)
work=$(mktemp -d /tmp/bakongpay-startup.XXXXXX)
pid=

export BAKONGPAY_HOST=127.0.0.1 BAKONGPAY_PORT=$port
export BAKONGPAY_API_KEYS="$key=ENTERPRISE"
export BAKONGPAY_SIMULATOR_ENABLED=true BAKONG_SIMULATOR_PORT=$sim_port
export BAKONGPAY_LOG_LEVEL=${BAKONGPAY_LOG_LEVEL:-info}

stop_node() {
  if [[ -n "$pid" ]] && kill -0 "$pid" 2>/dev/null; then
    kill "$pid"
    for _ in $(seq 150); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
    kill -9 "$pid" 2>/dev/null || true
    wait "$pid" 2>/dev/null || true
  fi
  pid=
}
cleanup() { stop_node; [[ -n "${KEEP_LOGS:-}" ]] && cp "$work"/server-*.log "$KEEP_LOGS"/ 2>/dev/null; rm -rf "$work"; }
trap cleanup EXIT

now_ms() { echo $(( $(date +%s%N) / 1000000 )); }
cpu_ms() { awk -v t="$ticks_per_s" '{ printf "%d\n", ($14 + $15) * 1000 / t }' "/proc/$pid/stat"; }
median() { sort -n | awk '{ v[NR] = $1 } END { if (NR % 2) print v[(NR + 1) / 2]; else print int((v[NR / 2] + v[NR / 2 + 1]) / 2) }'; }

printf '%-12s %3s %8s %8s %8s %8s  %s\n' label run health_w health_c check_w check_c "load average"
: > "$work/rows"
for i in $(seq "$runs"); do
  if [[ "${REUSE_DATA:-0}" == 1 ]]; then data=$work/data; else data=$work/data-$i; fi
  mkdir -p "$data"
  load=$(cut -d' ' -f1-3 /proc/loadavg)
  t0=$(now_ms)
  # shellcheck disable=SC2086
  BAKONGPAY_DATA_DIR=$data "$java_cmd" ${JAVA_OPTS:-} -jar "$jar" serve > "$work/server-$i.log" 2>&1 &
  pid=$!
  health_w= health_c= check_w= check_c=
  while [[ -z "$check_w" ]]; do
    kill -0 "$pid" 2>/dev/null || { cat "$work/server-$i.log" >&2; echo "the server exited" >&2; exit 1; }
    if [[ -z "$health_w" ]]; then
      code=$(curl -s -o /dev/null -w '%{http_code}' --max-time 2 "http://127.0.0.1:$port/health" || true)
      if [[ "$code" == 200 ]]; then health_c=$(cpu_ms); health_w=$(( $(now_ms) - t0 )); fi
    fi
    code=$(curl -s -o "$work/check.json" -w '%{http_code}' --max-time 2 -X POST "http://127.0.0.1:$port/api/v1/check/md5" \
      -H "Authorization: Bearer $key" -H 'Content-Type: application/json' \
      -d '{"md5":"0123456789abcdef0123456789abcdef"}' || true)
    case "$code" in
      000|503) sleep 0.01 ;;
      404) grep -q '"code":"transaction_not_found"' "$work/check.json" || { cat "$work/check.json" >&2; exit 1; }
           check_c=$(cpu_ms); check_w=$(( $(now_ms) - t0 ))
           [[ -n "$health_w" ]] || { health_w=$check_w; health_c=$check_c; } ;;
      *) echo "check/md5 answered $code while starting:" >&2; cat "$work/check.json" >&2; exit 1 ;;
    esac
  done
  printf '%-12s %3d %8d %8d %8d %8d  %s\n' "$label" "$i" "$health_w" "$health_c" "$check_w" "$check_c" "$load"
  echo "$health_w $health_c $check_w $check_c" >> "$work/rows"
  stop_node
done
printf '%-12s %3s %8d %8d %8d %8d  %s\n' "$label" med \
  "$(cut -d' ' -f1 "$work/rows" | median)" "$(cut -d' ' -f2 "$work/rows" | median)" \
  "$(cut -d' ' -f3 "$work/rows" | median)" "$(cut -d' ' -f4 "$work/rows" | median)" "$(cut -d' ' -f1-3 /proc/loadavg)"
