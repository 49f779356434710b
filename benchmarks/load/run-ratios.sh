#!/usr/bin/env bash
# The ratios of issue 19, in one run on one machine: the server's rates divided by those of the bare
# HTTP stack under it, with the same load tool, client, headers and connections for both.
#
#   benchmarks/load/run-ratios.sh            # the server on an embedded H2 file (a fresh temporary directory)
#   benchmarks/load/run-ratios.sh postgres   # the server on PostgreSQL, schema bakongpay_ratios in db test (dropped after)
#
# 1. The baseline (dev.bakongpay.benchmarks.baseline.BareJettyServer: the server's Jetty and connector,
#    one handler answering a fixed 250-byte JSON) primed (BASE_PRIME), then driven with the raw scenario: a check-sized body to
#    the check path, then a create-sized body to the create path. Then it is stopped.
#    With LADDER set (e.g. "servlet jersey jersey-jetty"), each rung of StackLadderServer (the same
#    answer through Jetty's servlet layer, through Jersey on it, through Jersey on Jetty's own handler)
#    is then started, primed (BASE_PRIME) and driven with the check-sized body, one at a time: where
#    between the bare stack and the server a check's cost goes.
# 2. The server started as run-load.sh starts it (test mode, embedded simulator, one ENTERPRISE key),
#    primed with final-status checks (PRIME) and driven with them, then primed with creates (PRIME)
#    and driven with creates (varied bodies) and creates with identical bodies; then a short unmeasured create load during which the live heap is
#    read (full GC, then GC.heap_info), and again idle right after it: the difference over CONNECTIONS
#    is the heap per in-flight request. Then the store's size on disk (the H2 data directory, or the schema's relations).
# 3. The server stopped and started STARTS times on the same store, each time timing from the spawn of
#    `java -jar … serve` to its first 200 on an authenticated POST /api/v1/check/md5 of a paid
#    transaction (curl every 10 ms).
# Prints a table (rate, p50/p99, node CPU ms per request, ratio to the baseline, PASS/FAIL against the
# targets of issue 19) and appends JSON lines to RESULTS.
#
# The client: wrk (CLIENT=wrk, the default where wrk is installed: apt-get install wrk) with
# benchmarks/load/wrk/bakongpay.lua, or the project's Java load tool (CLIENT=loadtool). Both send the
# same requests. wrk is a C event loop that needs a fraction of the CPU the Java tool's 64 threads
# need; as the client shares the node's two cores, with the Java tool the node gets about half of
# them and the p99s include the tool's own thread scheduling and GC. Checks go over one pool of paid
# payments built before the check prime (LoadTest --pool-out), for either client.
#
# Settings (environment): CLIENT (wrk or loadtool), WRK_THREADS (nproc), DURATION (20s), WARMUP (5s), CONNECTIONS (64),
# PRIME (90s of checks before the checks, 90s of creates before the creates; 0s for none: Jersey on two
# cores is still compiling after 30 s, and a 30 s prime left the check rate 20–40 % short),
# BASE_PRIME (45s: the baseline's and each rung's unmeasured first run; every prime then goes on in
# PRIME_SLICE-second slices (15) until the node's JIT threads use at most JIT_QUIET_MS (300) in one,
# up to PRIME_MAX (300s) in all), LADDER (rungs to measure too; none by default), START_TIMEOUT (120s: for each start of a node),
# PORT (28080: the server), SIM_PORT (29090: its simulator), BASE_PORT (28081: the baseline), STARTS (3),
# SERVER_JAR (the built one), SERVER_JAVA_OPTS (JVM options of both nodes), RESULTS
# (benchmarks/target/ratios-results.jsonl), PG_HOST (127.0.0.1), SCHEMA (bakongpay_ratios).
# Build first: ./mvnw -B -q -DskipTests -DskipITs -pl bakongpay-server,benchmarks -am package
set -euo pipefail

store=${1:-h2}
root=$(cd "$(dirname "$0")/../.." && pwd)
duration=${DURATION:-20s}
warmup=${WARMUP:-5s}
connections=${CONNECTIONS:-64}
prime=${PRIME:-90s}
base_prime=${BASE_PRIME:-45s}
prime_max=${PRIME_MAX:-300s}
prime_slice=${PRIME_SLICE:-15}
jit_quiet_ms=${JIT_QUIET_MS:-300}
primed_s=0
start_timeout=${START_TIMEOUT:-120s}
port=${PORT:-28080}
sim_port=${SIM_PORT:-29090}
base_port=${BASE_PORT:-28081}
starts=${STARTS:-3}
schema=${SCHEMA:-bakongpay_ratios}
results=${RESULTS:-$root/benchmarks/target/ratios-results.jsonl}
key=bk_test_load0000000000000000000000000000000000
server_jar=${SERVER_JAR:-$(ls "$root"/bakongpay-server/target/bakongpay-server-*.jar 2>/dev/null | grep -v -E 'sources|javadoc' | head -1)}
load_jar=$root/benchmarks/target/benchmarks.jar
wrk_script=$root/benchmarks/load/wrk/bakongpay.lua
wrk_threads=${WRK_THREADS:-$(nproc)}
client=${CLIENT:-}
if [[ -z "$client" ]]; then
  if command -v wrk > /dev/null; then client=wrk; else
    client=loadtool
    echo "wrk is not installed (apt-get install wrk): the Java load tool drives the runs and shares the cores" >&2
  fi
fi
case "$client" in
  wrk) command -v wrk > /dev/null || { echo "CLIENT=wrk, but wrk is not installed (apt-get install wrk)" >&2; exit 1; } ;;
  loadtool) ;;
  *) echo "CLIENT must be wrk or loadtool, not $client" >&2; exit 2 ;;
esac
[[ -f "$server_jar" && -f "$load_jar" ]] || {
  echo "build first: ./mvnw -B -q -DskipTests -DskipITs -pl bakongpay-server,benchmarks -am package" >&2; exit 1; }
work=$(mktemp -d /tmp/bakongpay-ratios.XXXXXX)
data_dir=$work/data
mkdir -p "$data_dir"
pool_file=$work/pool.txt
node_pid=
load_pid=

# shellcheck source=node-env.sh
. "$root/benchmarks/load/node-env.sh"
node_env "$store" "$port" "$sim_port" "$data_dir" "$schema" || exit $?

stop_node() { # TERM, up to 15 s to drain, then KILL
  if [[ -n "$node_pid" ]] && kill -0 "$node_pid" 2>/dev/null; then
    kill "$node_pid"
    for _ in $(seq 150); do kill -0 "$node_pid" 2>/dev/null || break; sleep 0.1; done
    kill -9 "$node_pid" 2>/dev/null || true
    wait "$node_pid" 2>/dev/null || true
  fi
  node_pid=
}
cleanup() {
  [[ -n "$load_pid" ]] && kill "$load_pid" 2>/dev/null || true
  stop_node
  if [[ "$store" == postgres ]]; then
    drop_node_schema "$schema"
  fi
  rm -rf "$work"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

for p in "$port" "$sim_port" "$base_port"; do
  if timeout 2 bash -c "echo > /dev/tcp/127.0.0.1/$p" 2>/dev/null; then
    echo "port $p is already taken: set PORT, SIM_PORT or BASE_PORT" >&2; exit 1
  fi
done

seconds() { # 20s, 2m, 500ms -> seconds (decimal)
  case "$1" in
    *ms) awk -v v="${1%ms}" 'BEGIN { printf "%.3f\n", v / 1000 }' ;;
    *s) echo "${1%s}" ;;
    *m) echo "$(( ${1%m} * 60 ))" ;;
    *) echo "$1" ;;
  esac
}
start_timeout_ms=$(awk -v s="$(seconds "$start_timeout")" 'BEGIN { print int(s * 1000) }')
node_ticks() { awk '{print $14 + $15}' "/proc/$node_pid/stat"; }
ticks_per_s=$(getconf CLK_TCK)
now_ms() { echo $(( $(date +%s%N) / 1000000 )); }
rss_kb() { awk -v f="$2:" '$1 == f { print $2 }' "/proc/$1/status"; } # rss_kb PID VmRSS|VmHWM
loadavg() { cut -d' ' -f1 /proc/loadavg; }
field() { grep -o "\"$1\":[^,}]*" | head -1 | cut -d: -f2 | tr -d '"'; } # field NAME < json

# start_node NAME CMD...: spawns a node, waits (up to START_TIMEOUT) for curl with the arguments in
# $probe to get a 200; sets first_answer_ms (spawn to the first answer of any status) and last_code
start_node() {
  local name=$1; shift
  "$@" > "$work/$name.log" 2>&1 &
  node_pid=$!
  local spawned deadline code
  spawned=$(now_ms); deadline=$(( spawned + start_timeout_ms ))
  first_answer_ms=; last_code=
  # curl says 000 while nothing listens yet
  until code=$(curl -s -o /dev/null -w '%{http_code}' --max-time 1 "${probe[@]}"); [[ "$code" == 200 ]]; do
    [[ "$code" != 000 && -z "$first_answer_ms" ]] && first_answer_ms=$(( $(now_ms) - spawned ))
    [[ "$code" != 000 ]] && last_code=$code
    kill -0 "$node_pid" 2>/dev/null || { echo "$name exited:" >&2; cat "$work/$name.log" >&2; exit 1; }
    (( $(now_ms) < deadline )) || { echo "$name did not answer 200 within $start_timeout (last status $last_code)" >&2; exit 1; }
    sleep 0.01
  done
  [[ -z "$first_answer_ms" ]] && first_answer_ms=$(( $(now_ms) - spawned ))
  return 0
}

# what each kind of request is: where it goes, and the load tool's arguments for it
path_of() { case "$1" in raw-check | check) echo /api/v1/check/md5 ;; *) echo /api/v1/khqr/create ;; esac; }
loadtool_args() {
  case "$1" in
    raw-check) echo --scenario raw --path /api/v1/check/md5 --raw-body check ;;
    raw-create) echo --scenario raw --path /api/v1/khqr/create --raw-body create ;;
    check) echo --scenario check --md5-file "$pool_file" ;;
    create) echo --scenario create ;;
    identical-create) echo --scenario create --identical-bodies ;;
  esac
}
# drive KIND BASE-URL DURATION WARMUP: the client in the foreground; its report on stdout. It prints
# "load: " on stderr when the WARMUP starts (the load tool) or is over (wrk, which runs it apart)
drive() {
  local kind=$1 url=$2 duration=$3 warmup=$4
  if [[ "$client" == wrk ]]; then
    local bodies=$kind
    [[ "$kind" == check ]] && bodies=pool:$pool_file
    local env=(BODIES="$bodies" KEY="$key" CONNECTIONS="$connections" SCENARIO="$kind")
    if [[ "$(seconds "$warmup")" != 0 ]]; then
      env "${env[@]}" timeout $(( $(seconds "$warmup" | cut -d. -f1) + 60 )) \
        wrk -t"$wrk_threads" -c"$connections" -d"$warmup" -s "$wrk_script" "$url$(path_of "$kind")" > /dev/null
    fi
    echo "load: wrk, $kind, $connections connections, $wrk_threads threads" >&2
    env "${env[@]}" timeout $(( $(seconds "$duration" | cut -d. -f1) + 60 )) \
      wrk -t"$wrk_threads" -c"$connections" -d"$duration" --latency -s "$wrk_script" "$url$(path_of "$kind")"
  else
    # shellcheck disable=SC2046
    timeout $(( $(seconds "$duration" | cut -d. -f1) + $(seconds "$warmup" | cut -d. -f1) + 180 )) \
      java -cp "$load_jar" dev.bakongpay.benchmarks.load.LoadTest --url "$url" --key "$key" \
      --connections "$connections" --duration "$duration" --warmup "$warmup" $(loadtool_args "$kind")
  fi
}
# CPU ticks of the node's JIT compiler threads so far (HotSpot names them "C1 CompilerThread<n>" and
# "C2 CompilerThread<n>"; comm cuts them to 15 characters)
jit_ticks() {
  local task sum=0
  for task in /proc/"$node_pid"/task/*; do
    case "$(cat "$task/comm" 2> /dev/null)" in
      "C1 CompilerThre"* | "C2 CompilerThre"*) sum=$(( sum + $(awk '{ print $14 + $15 }' "$task/stat" 2> /dev/null || echo 0) )) ;;
    esac
  done
  echo "$sum"
}

# prime NAME KIND BASE-URL LENGTH: unmeasured load, because a fresh JVM on 2 cores compiles long after a
# short warm-up: LENGTH, then PRIME_SLICE more at a time until the node's JIT threads spent at most
# JIT_QUIET_MS in a slice, up to PRIME_MAX in all (measured 2026-12-07: final-status checks rose from
# 3,300 to 13,000/s over the first 2 minutes of load and were steady once the JIT was quiet).
# Sets primed_s to the seconds it took.
prime() {
  local length=$4 spent before after jit_ms
  primed_s=0
  [[ "$(seconds "$length")" != 0 ]] || return 0
  echo "== priming the $1 with $2 for $length, then until its JIT is quiet (at most $prime_max)" >&2
  drive "$2" "$3" "$length" 0s > /dev/null 2>&1 || true
  spent=$(seconds "$length" | cut -d. -f1)
  while (( spent + prime_slice <= $(seconds "$prime_max" | cut -d. -f1) )); do
    before=$(jit_ticks)
    drive "$2" "$3" "${prime_slice}s" 0s > /dev/null 2>&1 || true
    after=$(jit_ticks)
    spent=$(( spent + prime_slice ))
    jit_ms=$(( (after - before) * 1000 / ticks_per_s ))
    echo "   after ${spent}s: the JIT used $jit_ms ms of the last ${prime_slice}s" >&2
    (( jit_ms >= 0 && jit_ms <= jit_quiet_ms )) && break
  done
  primed_s=$spent
}

# measure NAME KIND BASE-URL: one measured load run against the node; leaves $work/NAME.json with the
# client's JSON line plus the node's CPU ms per request, its cores, and its RSS sampled in the window
measure() {
  local name=$1 kind=$2 url=$3
  echo "== $name: $connections connections, $duration after $warmup warm-up, $client (load average $(cut -d' ' -f1-3 /proc/loadavg))" >&2
  : > "$work/err.txt"
  drive "$kind" "$url" "$duration" "$warmup" > "$work/out.txt" 2> "$work/err.txt" &
  load_pid=$!
  until grep -q '^load: ' "$work/err.txt" || ! kill -0 "$load_pid" 2>/dev/null; do sleep 0.1; done
  [[ "$client" == wrk ]] || sleep "$(seconds "$warmup")"
  local t0 c0 t1 c1 rss_max=0 rss
  t0=$(date +%s.%N); c0=$(node_ticks)
  local end_ms=$(( $(now_ms) + $(awk -v d="$(seconds "$duration")" 'BEGIN { print int(d * 1000) }') ))
  while (( $(now_ms) < end_ms )); do # reading /proc costs the node nothing
    rss=$(rss_kb "$node_pid" VmRSS); (( rss > rss_max )) && rss_max=$rss
    sleep 0.5
  done
  t1=$(date +%s.%N); c1=$(node_ticks)
  wait "$load_pid" || true
  load_pid=
  grep -v '^setup: \|^load: ' "$work/err.txt" >&2 || true
  cat "$work/out.txt" >&2
  local failed
  failed=$(grep '^{"tool"' "$work/out.txt" | field failures)
  (( ${failed:-0} == 0 )) || echo "WARNING: $name had $failed failed requests (statuses other than 2xx, or socket errors)" >&2
  local requests cpu_s cores per_req
  requests=$(grep '^{"tool"' "$work/out.txt" | field requests)
  read -r cpu_s cores per_req < <(awk -v c="$((c1 - c0))" -v hz="$ticks_per_s" -v t0="$t0" -v t1="$t1" -v n="${requests:-0}" \
    'BEGIN { s = c / hz; printf "%.2f %.2f %.3f\n", s, s / (t1 - t0), (n > 0 ? 1000 * s / n : 0) }')
  echo "node CPU over the measured window: ${cpu_s}s, $cores cores, $per_req ms per request, RSS up to $((rss_max / 1024)) MiB" >&2
  grep '^{"tool"' "$work/out.txt" | head -1 \
    | sed "s/^{/{\"run\":\"$name\",\"primedS\":$primed_s,\"loadavg1m\":$(loadavg),\"serverCpuMsPerReq\":$per_req,\"serverCores\":$cores,\"rssKbMax\":$rss_max,/" \
    > "$work/$name.json"
  [[ -s "$work/$name.json" ]] || { echo "$name: the client reported nothing" >&2; cat "$work/err.txt" >&2; exit 1; }
}

# live heap in KiB right after a full GC (the young generation's garbage is not what a request holds):
# G1 prints one "total …, used …K" line for the heap, the serial and parallel collectors one per generation
live_heap_kb() {
  timeout 30 jcmd "$1" GC.run > /dev/null
  timeout 30 jcmd "$1" GC.heap_info | awk '/total/ && /used/ && !/Metaspace|class space/ {
    for (i = 1; i < NF; i++) if ($i == "used") { v = $(i + 1); sub(/K,?$/, "", v); sum += v } } END { print sum + 0 }'
}

commit=$(git -C "$root" rev-parse --short HEAD 2>/dev/null || echo unknown)
machine="$(nproc) cores, $(java -version 2>&1 | head -1 | cut -d'"' -f2)"
started_at=$(date -u +%FT%TZ)
echo "== run-ratios $store at $started_at, commit $commit, $machine, client $client, load average $(cut -d' ' -f1-3 /proc/loadavg)" >&2

# --- 1. the bare stack --------------------------------------------------------------------------
probe=(-X POST -H 'Content-Type: application/json' -d '{}' "http://127.0.0.1:$base_port/")
# shellcheck disable=SC2086
start_node baseline java ${SERVER_JAVA_OPTS:-} -cp "$load_jar" dev.bakongpay.benchmarks.baseline.BareJettyServer "$base_port"
base_rss_idle=$(rss_kb "$node_pid" VmRSS)
base_url=http://127.0.0.1:$base_port
prime baseline raw-check "$base_url" "$base_prime" # its JIT too compiles while it serves
measure bare-check raw-check "$base_url"
measure bare-create raw-create "$base_url"
base_hwm=$(rss_kb "$node_pid" VmHWM)
stop_node

ladder=(${LADDER:-})
for rung in "${ladder[@]}"; do
  probe=(-X POST -H 'Content-Type: application/json' -d '{}' "http://127.0.0.1:$base_port/api/v1/check/md5")
  # shellcheck disable=SC2086
  start_node "rung-$rung" java ${SERVER_JAVA_OPTS:-} -cp "$load_jar" dev.bakongpay.benchmarks.baseline.StackLadderServer "$rung" "$base_port"
  prime "$rung rung" raw-check "$base_url" "$base_prime"
  measure "$rung-check" raw-check "$base_url"
  stop_node
done

# --- 2. the server ------------------------------------------------------------------------------
probe=(-H "Authorization: Bearer $key" "http://127.0.0.1:$port/health")
# shellcheck disable=SC2086
start_node server java ${SERVER_JAVA_OPTS:-} -jar "$server_jar" serve
rss_idle=$(rss_kb "$node_pid" VmRSS)
server_url=http://127.0.0.1:$port
# one pool of paid payments for every check of the run, whichever the client
echo "== a pool of 1000 paid payments for the checks" >&2
timeout 300 java -cp "$load_jar" dev.bakongpay.benchmarks.load.LoadTest --url "$server_url" --key "$key" \
  --scenario check --check-final --simulator "http://127.0.0.1:$sim_port" --pool 1000 --pool-out "$pool_file" \
  2> "$work/pool.log" || { cat "$work/pool.log" >&2; exit 1; }
# checks first: after a create prime the node's reconciler works through tens of thousands of
# pending payments (on H2 inside the node's own CPU), which a check rate should not include
prime server check "$server_url" "$prime"
measure check check "$server_url"
prime server create "$server_url" "$prime"
heap_idle_kb=$(live_heap_kb "$node_pid")
measure create create "$server_url"
measure create-identical identical-create "$server_url"
hwm=$(rss_kb "$node_pid" VmHWM)

# heap per in-flight request: the live heap with CONNECTIONS creates in flight, minus idle, / CONNECTIONS
echo "== live heap: idle $heap_idle_kb KiB; now under $connections-connection creates (3 full GCs, unmeasured)" >&2
drive create "$server_url" 20s 0s > /dev/null 2>&1 &
load_pid=$!
sleep 5
loaded=()
for _ in 1 2 3; do loaded+=("$(live_heap_kb "$node_pid")"); sleep 2; done
kill "$load_pid" 2>/dev/null || true; wait "$load_pid" 2>/dev/null || true; load_pid=
heap_loaded_kb=$(printf '%s\n' "${loaded[@]}" | sort -n | sed -n 2p) # the median of three
# idle again, with the store (and H2's page cache) as big as under the load just measured
sleep 2
heap_idle_after_kb=$(live_heap_kb "$node_pid")
heap_per_request_kb=$(awk -v l="$heap_loaded_kb" -v i="$heap_idle_after_kb" -v n="$connections" 'BEGIN { printf "%.1f", (l - i) / n }')
echo "== live heap: with $connections creates in flight ${loaded[*]} KiB, idle after $heap_idle_after_kb KiB" >&2

# the store on disk after every create of the run (the prime, the measured and the heap loads)
if [[ "$store" == postgres ]]; then
  store_bytes=$(PGOPTIONS="-c client_min_messages=warning" timeout 30 psql -qtA -h "$pg_host" -U postgres -d test -c \
    "SELECT COALESCE(SUM(pg_total_relation_size(c.oid)), 0) FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
     WHERE n.nspname = '$schema' AND c.relkind IN ('r', 'm')")
else
  store_bytes=$(du -sb "$data_dir" | cut -f1)
fi
echo "== store on disk after the creates: $(( store_bytes / 1048576 )) MiB" >&2

# a paid transaction for the start-up probe: its check is answered from the store
md5=$(curl -s --max-time 10 -H "Authorization: Bearer $key" -H 'Content-Type: application/json' \
  -d '{"amount":1.00,"currency":"USD","merchantName":"RATIOS SHOP","bakongId":"loadshop@devb"}' \
  "http://127.0.0.1:$port/api/v1/khqr/create")
qr=$(echo "$md5" | grep -o '"qrString":"[^"]*"' | cut -d'"' -f4)
md5=$(echo "$md5" | grep -o '"md5":"[0-9a-f]*"' | cut -d'"' -f4)
[[ -n "$md5" && -n "$qr" ]] || { echo "could not create the probe transaction" >&2; exit 1; }
curl -s -o /dev/null --max-time 10 -H 'Content-Type: application/json' -d "{\"qr\":\"$qr\"}" "http://127.0.0.1:$sim_port/simulator/payments"
for _ in $(seq 60); do # until the server has seen the payment (it may space out its calls to NBC)
  curl -s --max-time 5 -H "Authorization: Bearer $key" -H 'Content-Type: application/json' -d "{\"md5\":\"$md5\"}" \
    "http://127.0.0.1:$port/api/v1/check/md5" | grep -q '"status":"SUCCESS"' && break
  sleep 0.5
done
stop_node

# --- 3. time from spawn to the first 200 on an API call -----------------------------------------
probe=(-H "Authorization: Bearer $key" -H 'Content-Type: application/json' -d "{\"md5\":\"$md5\"}"
  "http://127.0.0.1:$port/api/v1/check/md5")
start_ms=()
first_ms=()
for i in $(seq "$starts"); do
  t0=$(now_ms)
  # shellcheck disable=SC2086
  start_node "server-start-$i" java ${SERVER_JAVA_OPTS:-} -jar "$server_jar" serve
  start_ms+=($(( $(now_ms) - t0 )))
  first_ms+=("$first_answer_ms")
  echo "== start $i: first 200 on check/md5 after ${start_ms[-1]} ms (first answer of any status after $first_answer_ms ms${last_code:+, $last_code before the 200})" >&2
  stop_node
done

# --- report -------------------------------------------------------------------------------------
get() { field "$2" < "$work/$1.json"; }
rate() { get "$1" reqPerSec; }
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.3f", (b > 0 ? a / b : 0) }'; }
verdict() { awk -v r="$1" -v min="$2" -v p99="$3" -v max="$4" 'BEGIN { print (r >= min && p99 < max) ? "PASS" : "FAIL" }'; }
check_ratio=$(ratio "$(rate check)" "$(rate bare-check)")
create_ratio=$(ratio "$(rate create)" "$(rate bare-create)")
identical_ratio=$(ratio "$(rate create-identical)" "$(rate create)")
cpu() { get "$1" serverCpuMsPerReq; }
check_cpu_ratio=$(ratio "$(cpu bare-check)" "$(cpu check)")
create_cpu_ratio=$(ratio "$(cpu bare-create)" "$(cpu create)")
identical_cpu_ratio=$(ratio "$(cpu create)" "$(cpu create-identical)")
check_pass=$(verdict "$check_ratio" 0.30 "$(get check p99Ms)" 20)
create_pass=$(verdict "$create_ratio" 0.10 "$(get create p99Ms)" 50)
identical_pass=$(verdict "$identical_ratio" 0.80 0 1)
starts_max=$(printf '%s\n' "${start_ms[@]}" | sort -n | tail -1)
start_pass=$( (( starts_max < 1500 )) && echo PASS || echo FAIL)
mib() { awk -v k="$1" 'BEGIN { printf "%.0f", k / 1024 }'; }

{
  echo
  echo "Ratios to the bare HTTP stack, $label, $connections connections, $duration measured after $warmup"
  echo "$started_at, commit $commit, $machine, client $client, load average at the end $(cut -d' ' -f1-3 /proc/loadavg)"
  printf '%-17s %9s %8s %8s %10s %8s %9s  %-23s %s\n' run "req/s" "p50 ms" "p99 ms" "CPU ms/req" ratio "CPU ratio" target verdict
  row() { printf '%-17s %9.0f %8.2f %8.2f %10.3f %8s %9s  %-23s %s\n' "$1" "$(rate "$1")" "$(get "$1" p50Ms)" "$(get "$1" p99Ms)" \
    "$(get "$1" serverCpuMsPerReq)" "$2" "$3" "$4" "$5"; }
  row bare-check "" "" "" ""
  row bare-create "" "" "" ""
  for rung in "${ladder[@]}"; do
    row "$rung-check" "$(ratio "$(rate "$rung-check")" "$(rate bare-check)")" "$(ratio "$(cpu bare-check)" "$(cpu "$rung-check")")" "(a rung, no target)" ""
  done
  row check "$check_ratio" "$check_cpu_ratio" ">= 0.30 of bare, p99<20" "$check_pass"
  row create "$create_ratio" "$create_cpu_ratio" ">= 0.10 of bare, p99<50" "$create_pass"
  row create-identical "$identical_ratio" "$identical_cpu_ratio" ">= 0.80 of create" "$identical_pass"
  echo "ratio: req/s over the baseline's (identical: over varied create), the targets' measure; CPU ratio: the" \
    "baseline's CPU ms/req over this one's, steadier when other work shares the cores"
  echo "primed (until the node's JIT threads used at most ${jit_quiet_ms} ms in ${prime_slice} s, at most $prime_max):" \
    "baseline $(get bare-check primedS) s, server checks $(get check primedS) s, creates $(get create primedS) s"
  echo "time from spawn to the first 200 on an authenticated check/md5: ${start_ms[*]} ms (goal < 1500): $start_pass" \
    "(first answer of any status: ${first_ms[*]} ms)"
  echo "server RSS: idle $(mib "$rss_idle") MiB after start, under load up to $(mib "$(get check rssKbMax)") MiB (check)," \
    "$(mib "$(get create rssKbMax)") MiB (create), peak (VmHWM) $(mib "$hwm") MiB"
  echo "store on disk after all the creates (prime, measured runs, heap load): $(( store_bytes / 1048576 )) MiB"
  echo "bare Jetty RSS: idle $(mib "$base_rss_idle") MiB, peak (VmHWM) $(mib "$base_hwm") MiB"
  echo "server live heap after a full GC: idle $(mib "$heap_idle_kb") MiB after the prime, $(mib "$heap_idle_after_kb") MiB" \
    "after the runs, with $connections creates in flight $(mib "$heap_loaded_kb") MiB: $heap_per_request_kb KiB per in-flight request"
} | tee "$work/table.txt"

mkdir -p "$(dirname "$results")"
common="\"tool\":\"bakongpay-ratios\",\"client\":\"$client\",\"at\":\"$started_at\",\"store\":\"$label\",\"commit\":\"$commit\",\"nproc\":$(nproc),\"loadavgEnd\":\"$(cut -d' ' -f1-3 /proc/loadavg)\""
for run in bare-check bare-create "${ladder[@]/%/-check}" check create create-identical; do
  sed "s/^{/{$common,/" "$work/$run.json" >> "$results"
done
echo "{$common,\"run\":\"summary\",\"checkRatio\":$check_ratio,\"checkCpuRatio\":$check_cpu_ratio,\"createCpuRatio\":$create_cpu_ratio,\"identicalCpuRatio\":$identical_cpu_ratio,\"checkVerdict\":\"$check_pass\",\"createRatio\":$create_ratio,\"createVerdict\":\"$create_pass\",\"identicalToVariedCreate\":$identical_ratio,\"identicalVerdict\":\"$identical_pass\",\"startToFirst200Ms\":[$(IFS=,; echo "${start_ms[*]}")],\"startToFirstAnswerMs\":[$(IFS=,; echo "${first_ms[*]}")],\"startProbe\":\"POST /api/v1/check/md5 (authenticated, paid transaction), curl every 10 ms\",\"rssIdleKb\":$rss_idle,\"rssHwmKb\":$hwm,\"bareRssIdleKb\":$base_rss_idle,\"bareRssHwmKb\":$base_hwm,\"liveHeapIdleAfterPrimeKb\":$heap_idle_kb,\"liveHeapIdleAfterRunsKb\":$heap_idle_after_kb,\"liveHeapLoadedKb\":$heap_loaded_kb,\"liveHeapLoadedSamplesKb\":[$(IFS=,; echo "${loaded[*]}")],\"heapPerInFlightKb\":$heap_per_request_kb,\"storeBytesAfterCreates\":$store_bytes,\"heapMethod\":\"jcmd GC.run then GC.heap_info used, median of 3 under create load, minus idle right after it, / connections\"}" >> "$results"
echo "JSON lines appended to $results" >&2
