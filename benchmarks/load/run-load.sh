#!/usr/bin/env bash
# Starts one BakongPay server node on loopback with a given store, runs the create, check (final)
# and bulk scenarios against it, stops it, and appends the JSON lines to a results file.
#
#   benchmarks/load/run-load.sh h2        # embedded H2 file in a fresh temporary directory
#   benchmarks/load/run-load.sh postgres  # PostgreSQL schema bakongpay_load (PG_SCHEMA) in db test (dropped after)
#
# Settings (environment): DURATION (30s), WARMUP (5s), CONNECTIONS (64), PORT (18080),
# SIM_PORT (19090), SERVER_JAR (the built one), RESULTS (benchmarks/target/load-results.jsonl), PG_HOST (127.0.0.1),
# PG_SCHEMA (bakongpay_load: the schema created and dropped, so two runs at once can each have their own),
# PRIME (unset: none; e.g. 90s: an unmeasured run before the measured ones, so the JIT has compiled the hot paths),
# PRIME_SCENARIO (mixed: the scenario of that run; create primes the heaviest path, the one a 2-core node compiles last),
# SERVER_JAVA_OPTS (JVM options of the node, e.g. -Xmx1g), CREATE_OPTS (extra load-tool options of the measured
# create run, e.g. --idempotency-keys), PROFILE_DIR (when set, the node runs Flight Recorder
# and its recording of each measured window is written there as STORE-SCENARIO.jfr).
# SCENARIOS (create check bulk: which runs, in order; create-identical is a create run where every body is
# the same, e.g. SCENARIOS="create create-identical" compares identical with varied creates in one window).
# BAKONGPAY_ADMIN_TOKEN (unset: none): when set, the node serves /metrics, and each measured window's group
# commits (batches and writes) are read from it and added to the JSON line (writeBatches, writesPerBatch).
# Each JSON line also gets the node's CPU time per answered request over the measured window
# (serverCpuMsPerReq) and how many cores it used (serverCores): on a shared machine these move
# less with the other load than req/s does.
# Build first: ./mvnw -B -q -DskipTests -pl bakongpay-server,benchmarks -am package
set -euo pipefail

store=${1:?usage: run-load.sh h2|postgres}
root=$(cd "$(dirname "$0")/../.." && pwd)
duration=${DURATION:-30s}
warmup=${WARMUP:-5s}
connections=${CONNECTIONS:-64}
port=${PORT:-18080}
sim_port=${SIM_PORT:-19090}
results=${RESULTS:-$root/benchmarks/target/load-results.jsonl}
key=bk_test_load0000000000000000000000000000000000 # = node-env.sh load_key
server_jar=${SERVER_JAR:-$(ls "$root"/bakongpay-server/target/bakongpay-server-*.jar | grep -v -E 'sources|javadoc' | head -1)}
load_jar=$root/benchmarks/target/benchmarks.jar
data_dir=$(mktemp -d /tmp/bakongpay-load.XXXXXX)
server_pid=

# shellcheck source=node-env.sh
. "$root/benchmarks/load/node-env.sh"
pg_schema=${PG_SCHEMA:-bakongpay_load}
node_env "$store" "$port" "$sim_port" "$data_dir" "$pg_schema" || exit $?

cleanup() {
  if [[ -n "$server_pid" ]] && kill -0 "$server_pid" 2>/dev/null; then
    kill "$server_pid"
    # the server drains for up to 5 s; after 15 s it is stuck and gets killed
    for _ in $(seq 150); do kill -0 "$server_pid" 2>/dev/null || break; sleep 0.1; done
    kill -9 "$server_pid" 2>/dev/null || true
  fi
  if [[ "$store" == postgres ]]; then
    drop_node_schema "$pg_schema"
  fi
  rm -rf "$data_dir"
}
trap cleanup EXIT

jfr_opts=
[[ -n "${PROFILE_DIR:-}" ]] && jfr_opts="-XX:StartFlightRecording=name=load,settings=profile,maxage=30m"
# shellcheck disable=SC2086
java ${SERVER_JAVA_OPTS:-} $jfr_opts -jar "$server_jar" serve > "$data_dir/server.log" 2>&1 &
server_pid=$!
for _ in $(seq 120); do
  curl -fs "http://127.0.0.1:$port/health" > /dev/null 2>&1 && break
  kill -0 "$server_pid" 2>/dev/null || { cat "$data_dir/server.log" >&2; exit 1; }
  sleep 0.5
done
curl -fs "http://127.0.0.1:$port/health" > /dev/null || { echo "server did not come up" >&2; exit 1; }

mkdir -p "$(dirname "$results")"
[[ -n "${PROFILE_DIR:-}" ]] && mkdir -p "$PROFILE_DIR"
seconds() { # 20s, 2m, 500ms -> seconds (decimal)
  case "$1" in
    *ms) awk -v v="${1%ms}" 'BEGIN { printf "%.3f\n", v / 1000 }' ;;
    *s) echo "${1%s}" ;;
    *m) echo "$(( ${1%m} * 60 ))" ;;
    *) echo "$1" ;;
  esac
}
server_ticks() { awk '{print $14 + $15}' "/proc/$server_pid/stat"; }
write_batches() { # "batches writes" so far, from /metrics (0 0 without an admin token or without group commit)
  if [[ -z "${BAKONGPAY_ADMIN_TOKEN:-}" ]]; then echo "0 0"; return; fi
  curl -fs -H "Authorization: Bearer $BAKONGPAY_ADMIN_TOKEN" "http://127.0.0.1:$port/metrics" \
    | awk '/^bakongpay_store_write_batch_writes_count/ {n = $2} /^bakongpay_store_write_batch_writes_sum/ {s = $2}
           END { printf "%d %d\n", n, s }' || echo "0 0"
}
ticks_per_s=$(getconf CLK_TCK)
if [[ -n "${PRIME:-}" ]]; then # a fresh JVM compiles while it serves: give it a mixed run that is not measured
  echo "== $label: priming the node with the ${PRIME_SCENARIO:-mixed} scenario for $PRIME" >&2
  java -cp "$load_jar" dev.bakongpay.benchmarks.load.LoadTest --url "http://127.0.0.1:$port" --key "$key" \
    --scenario "${PRIME_SCENARIO:-mixed}" --connections "$connections" --duration "$PRIME" --warmup 0s > /dev/null 2>&1 || true
fi
for run in ${SCENARIOS:-create check bulk}; do
  scenario=${run%-identical}
  extra=()
  [[ "$scenario" != create ]] && extra=(--check-final --simulator "http://127.0.0.1:$sim_port")
  # shellcheck disable=SC2206
  [[ "$scenario" == create && -n "${CREATE_OPTS:-}" ]] && extra=(${CREATE_OPTS})
  [[ "$run" == create-identical ]] && extra+=(--identical-bodies)
  echo "== $label: $run, $connections connections, $duration after $warmup warm-up (load average $(cut -d' ' -f1-3 /proc/loadavg))" >&2
  : > "$data_dir/err.txt"
  java -cp "$load_jar" dev.bakongpay.benchmarks.load.LoadTest --url "http://127.0.0.1:$port" --key "$key" \
    --scenario "$scenario" --connections "$connections" --duration "$duration" --warmup "$warmup" \
    "${extra[@]}" > "$data_dir/out.txt" 2> "$data_dir/err.txt" &
  load_pid=$!
  # the workers start right after the tool prints its "load:" line; measure the node over the measured window
  until grep -q '^load: ' "$data_dir/err.txt" || ! kill -0 "$load_pid" 2>/dev/null; do sleep 0.1; done
  sleep "$(seconds "$warmup")"
  read -r b0 w0 < <(write_batches)
  t0=$(date +%s.%N); c0=$(server_ticks); begin=$(date -u +%FT%TZ)
  sleep "$(seconds "$duration")"
  t1=$(date +%s.%N); c1=$(server_ticks); end=$(date -u +%FT%TZ)
  read -r b1 w1 < <(write_batches)
  wait "$load_pid" || true
  if [[ -n "${PROFILE_DIR:-}" ]]; then # after the run: jcmd itself costs a second of CPU
    jcmd "$server_pid" JFR.dump name=load begin="$begin" end="$end" filename="$PROFILE_DIR/$store-$run.jfr" > /dev/null
    echo "$begin $end" > "$PROFILE_DIR/$store-$run.window" # the dump holds whole chunks: filter on this
  fi
  cat "$data_dir/err.txt" >&2
  cat "$data_dir/out.txt"
  # the load average next to each line: on a shared 2-core machine it says how much else ran
  load1=$(cut -d' ' -f1 /proc/loadavg)
  requests=$(grep -o '"requests":[0-9]*' "$data_dir/out.txt" | head -1 | cut -d: -f2)
  read -r cpu_s cores per_req < <(awk -v c="$((c1 - c0))" -v hz="$ticks_per_s" -v t0="$t0" -v t1="$t1" -v n="${requests:-0}" \
    'BEGIN { s = c / hz; printf "%.2f %.2f %.3f\n", s, s / (t1 - t0), (n > 0 ? 1000 * s / n : 0) }')
  echo "node CPU over the measured window: ${cpu_s}s, $cores cores, $per_req ms per request" >&2
  batches=""
  if (( b1 > b0 )); then
    per_batch=$(awk -v b="$((b1 - b0))" -v w="$((w1 - w0))" 'BEGIN { printf "%.2f", w / b }')
    echo "group commits over the measured window: $((b1 - b0)) batches, $((w1 - w0)) writes, $per_batch writes per batch" >&2
    batches="\"writeBatches\":$((b1 - b0)),\"writesPerBatch\":$per_batch,"
  fi
  grep '^{"tool"' "$data_dir/out.txt" \
    | sed "s/^{/{\"store\":\"$label\",\"at\":\"$(date -u +%FT%TZ)\",\"loadavg1m\":$load1,\"serverCpuMsPerReq\":$per_req,\"serverCores\":$cores,$batches/" >> "$results"
done
echo "JSON lines appended to $results" >&2
