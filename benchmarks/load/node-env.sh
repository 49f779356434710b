# Sourced by run-load.sh and run-ratios.sh: the environment of a BakongPay node under load, and its
# store. One node, test mode against the simulator embedded in the server, one ENTERPRISE test key
# whose limit cannot get in the way (a 429 would measure the limiter, not the server), loopback only.
#
#   node_env STORE PORT SIM_PORT DATA_DIR SCHEMA   # sets $label, $pg_host; creates SCHEMA afresh on postgres
#   drop_node_schema SCHEMA                        # afterwards, on postgres
#
# PG_HOST (127.0.0.1) names the PostgreSQL host; database test, user postgres, trust auth.

load_key=bk_test_load0000000000000000000000000000000000

node_env() {
  local store=$1 port=$2 sim_port=$3 data_dir=$4 schema=$5
  export BAKONGPAY_HOST=127.0.0.1 BAKONGPAY_PORT=$port
  export BAKONGPAY_API_KEYS="$load_key=ENTERPRISE"
  export BAKONGPAY_RATE_LIMITS="ENTERPRISE=1000000/s"
  export BAKONGPAY_SIMULATOR_ENABLED=true BAKONG_SIMULATOR_PORT=$sim_port
  export BAKONGPAY_LOG_LEVEL=warn # a log line per request would be measured too
  export BAKONGPAY_DATA_DIR=$data_dir
  pg_host=${PG_HOST:-127.0.0.1}
  case "$store" in
    h2) label="embedded H2 file" ;;
    postgres)
      label="PostgreSQL"
      [[ "$schema" =~ ^[a-z_][a-z0-9_]*$ ]] || { echo "the schema must be a plain lower-case name, not $schema" >&2; return 2; }
      PGOPTIONS="-c client_min_messages=warning" timeout 30 psql -q -h "$pg_host" -U postgres -d test \
        -c "DROP SCHEMA IF EXISTS $schema CASCADE" -c "CREATE SCHEMA $schema" || return 1
      export BAKONGPAY_DB_URL="jdbc:postgresql://$pg_host:5432/test?user=postgres&currentSchema=$schema"
      ;;
    *) echo "store must be h2 or postgres, not $store" >&2; return 2 ;;
  esac
}

drop_node_schema() {
  PGOPTIONS="-c client_min_messages=warning" timeout 30 psql -q -h "${PG_HOST:-127.0.0.1}" -U postgres -d test \
    -c "DROP SCHEMA IF EXISTS $1 CASCADE" || true
}
