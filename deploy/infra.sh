#!/usr/bin/env bash
# Local infrastructure of the distributed runtime, without Docker:
#   - Apache Kafka, a single-node KRaft broker+controller run from jars fetched from Maven Central
#   - PostgreSQL, a private cluster (not the system one) run as a non-root user
#
#   deploy/infra.sh up       start both (fetch, install, initialise on first use); no-op if running
#   deploy/infra.sh down     stop both; fine if they are not running
#   deploy/infra.sh status   show both; exit 0 only when both are up and answering
#   deploy/infra.sh env      print `export KAFKA_BOOTSTRAP_SERVERS=...` and `export DATABASE_URL=...`
#                            (use: eval "$(deploy/infra.sh env)")
#
# Settings (environment): DAILYCAST_INFRA_DIR (state, default <repo>/.infra), DAILYCAST_KAFKA_PORT
# (9092), DAILYCAST_KAFKA_CONTROLLER_PORT (Kafka port + 1), DAILYCAST_PG_PORT (55432),
# DAILYCAST_KAFKA_HEAP (512m), DAILYCAST_INFRA_TIMEOUT (60 s), DAILYCAST_PG_OS_USER (postgres).
# See deploy/README.md.
set -Eeuo pipefail

SCRIPT_DIR=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
REPO_DIR=$(cd "$SCRIPT_DIR/.." && pwd)
KAFKA_LOCAL=$SCRIPT_DIR/kafka-local
KAFKA_POM=$KAFKA_LOCAL/pom.xml

INFRA_DIR=${DAILYCAST_INFRA_DIR:-$REPO_DIR/.infra}
case $INFRA_DIR in /*) ;; *) INFRA_DIR=$PWD/$INFRA_DIR ;; esac
INFRA_DIR=${INFRA_DIR%/}

KAFKA_DIR=$INFRA_DIR/kafka
KAFKA_LIBS=$KAFKA_DIR/libs
KAFKA_MARKER=$KAFKA_LIBS/.fetched
KAFKA_DATA=$KAFKA_DIR/data
KAFKA_CONF=$KAFKA_DIR/server.properties
KAFKA_CLUSTER_ID_FILE=$KAFKA_DIR/cluster-id
PG_DATA=$INFRA_DIR/pg
PG_SOCKET_DIR=$INFRA_DIR/pg-socket
LOG_DIR=$INFRA_DIR/logs
RUN_DIR=$INFRA_DIR/run
KAFKA_PID_FILE=$RUN_DIR/kafka.pid

PG_USER=dailycast            # database role (superuser, made by initdb) and database name
PG_DB=dailycast
PG_OS_USER=${DAILYCAST_PG_OS_USER:-postgres}   # PostgreSQL refuses to run as root
KAFKA_HEAP=${DAILYCAST_KAFKA_HEAP:-512m}
TIMEOUT=${DAILYCAST_INFRA_TIMEOUT:-60}
KAFKA_STOP_TIMEOUT=${DAILYCAST_KAFKA_STOP_TIMEOUT:-30}

KAFKA_VERSION=$(sed -n 's:.*<kafka.version>\(.*\)</kafka.version>.*:\1:p' "$KAFKA_POM" | head -n 1)

log() { printf 'infra: %s\n' "$*" >&2; }
die() { printf 'infra: error: %s\n' "$*" >&2; exit 1; }
now() { date +%s.%N; }
elapsed() { awk -v a="$1" -v b="$(now)" 'BEGIN { printf "%.1f", b - a }'; }

# ---------------------------------------------------------------------------------------------
# processes and ports

# A process counts as alive unless it is gone or a zombie (containers whose PID 1 does not reap
# leave killed orphans as zombies, and `kill -0` succeeds on those).
alive() {
    local state
    [ -n "${1:-}" ] && [ -r "/proc/$1/status" ] || return 1
    state=$(sed -n 's/^State:[[:space:]]*\(.\).*/\1/p' "/proc/$1/status" 2>/dev/null) || return 1
    [ -n "$state" ] && [ "$state" != Z ]
}

cmdline() { tr '\0' ' ' <"/proc/$1/cmdline" 2>/dev/null || true; }

port_open() {  # port -> 0 when something accepts connections on 127.0.0.1:port
    timeout 2 bash -c "exec 3<>/dev/tcp/127.0.0.1/$1" 2>/dev/null
}

wait_gone() {  # pid seconds -> 0 when the process ended within the time
    local deadline=$(( $(date +%s) + $2 ))
    while alive "$1"; do
        [ "$(date +%s)" -lt "$deadline" ] || return 1
        sleep 0.2
    done
}

# label pid port port-variable -> says the server already runs; warns when the port variable asks
# for another port (it only takes effect on a fresh start)
already_running() {
    local requested
    log "$1: already running (pid $2) on 127.0.0.1:$3"
    requested=${!4:-$3}
    [ "$requested" = "$3" ] || log "$1: warning: $4=$requested ignored; run 'down' first to change it"
}

# ---------------------------------------------------------------------------------------------
# packages

APT_UPDATED=
apt_install() {
    local sudo=()
    command -v apt-get >/dev/null || die "need $* but apt-get is not available: install it by hand"
    if [ "$(id -u)" -ne 0 ]; then
        command -v sudo >/dev/null || die "need $* (apt-get install) but not root and no sudo"
        sudo=(sudo -n)
    fi
    mkdir -p "$LOG_DIR"
    if [ -z "$APT_UPDATED" ]; then
        log "apt-get update"
        "${sudo[@]}" apt-get update -qq >"$LOG_DIR/apt.log" 2>&1 \
            || { tail -n 20 "$LOG_DIR/apt.log" >&2; die "apt-get update failed"; }
        APT_UPDATED=1
    fi
    log "apt-get install -y $* (log: $LOG_DIR/apt.log)"
    "${sudo[@]}" env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "$@" \
        >>"$LOG_DIR/apt.log" 2>&1 || { tail -n 20 "$LOG_DIR/apt.log" >&2; die "apt-get install $* failed"; }
}

JAVA=
ensure_java() {
    local v major
    if [ -n "${JAVA_HOME:-}" ] && [ -x "$JAVA_HOME/bin/java" ]; then JAVA=$JAVA_HOME/bin/java
    elif command -v java >/dev/null; then JAVA=$(command -v java)
    else
        apt_install openjdk-17-jre-headless
        JAVA=$(command -v java) || die "java still missing after installing openjdk-17-jre-headless"
    fi
    v=$("$JAVA" -version 2>&1 | sed -n 's/.*version "\([^"]*\)".*/\1/p' | head -n 1)
    major=${v%%.*}
    [ "$major" = 1 ] && { major=${v#1.}; major=${major%%.*}; }
    [ "${major:-0}" -ge 17 ] 2>/dev/null || die "Kafka $KAFKA_VERSION needs Java 17+, $JAVA is '$v'"
}

# ---------------------------------------------------------------------------------------------
# Kafka

kafka_marker_text() {
    printf 'kafka_2.13 %s\npom-sha256 %s\n' "$KAFKA_VERSION" "$(sha256sum "$KAFKA_POM" | cut -d' ' -f1)"
}

kafka_fetch_jars() {
    local tmp started jars
    if [ -f "$KAFKA_MARKER" ] && [ "$(cat "$KAFKA_MARKER")" = "$(kafka_marker_text)" ]; then
        return 0
    fi
    command -v mvn >/dev/null || apt_install maven
    started=$(now)
    log "fetching Kafka $KAFKA_VERSION jars from Maven Central into $KAFKA_LIBS"
    mkdir -p "$KAFKA_DIR" "$LOG_DIR"
    tmp=$KAFKA_DIR/libs.partial
    rm -rf "$tmp"
    # Fetch into a side directory, so an interrupted download never looks complete.
    if ! mvn -q -B -Dstyle.color=never -f "$KAFKA_POM" dependency:copy-dependencies -DoutputDirectory="$tmp" \
            >"$LOG_DIR/mvn.log" 2>&1; then
        tail -n 30 "$LOG_DIR/mvn.log" >&2
        die "mvn could not fetch the Kafka jars (full log: $LOG_DIR/mvn.log)"
    fi
    [ -f "$tmp/kafka_2.13-$KAFKA_VERSION.jar" ] || die "mvn ran but kafka_2.13-$KAFKA_VERSION.jar is missing"
    kafka_marker_text >"$tmp/.fetched"
    rm -rf "$KAFKA_LIBS"
    mv "$tmp" "$KAFKA_LIBS"
    jars=("$KAFKA_LIBS"/*.jar)
    log "fetched ${#jars[@]} jars in $(elapsed "$started") s"
}

kafka_pid() {  # prints the pid of this infra dir's broker, if it runs
    local pid
    [ -f "$KAFKA_PID_FILE" ] || return 1
    pid=$(head -n 1 "$KAFKA_PID_FILE" 2>/dev/null) || return 1
    alive "$pid" || return 1
    case $(cmdline "$pid") in *kafka.Kafka*"$KAFKA_CONF"*) echo "$pid" ;; *) return 1 ;; esac
}

kafka_running_port() {  # the port the running broker was started with (from its config)
    sed -n 's#^listeners=PLAINTEXT://[^:]*:\([0-9]*\),.*#\1#p' "$KAFKA_CONF" 2>/dev/null | head -n 1
}

kafka_port() {  # the broker's port: the running one's, else the configured one
    local p
    if kafka_pid >/dev/null && p=$(kafka_running_port) && [ -n "$p" ]; then echo "$p"
    else echo "${DAILYCAST_KAFKA_PORT:-9092}"; fi
}

# Asks the broker for cluster metadata (Kafka protocol, Metadata v1, the same request clients send
# first) and succeeds when the answer lists a broker and an active controller: the broker is then
# registered and unfenced, so clients can use it. Kafka 4.x on Maven Central has no kafka-tools jar
# for every release (4.4.0 has none), so this needs nothing but Python.
kafka_probe() {  # port -> 0 when ready; prints a one-line summary
    python3 - "$1" <<'PY'
import socket, struct, sys

port = int(sys.argv[1])

def recv_exactly(sock, n):
    data = b""
    while len(data) < n:
        chunk = sock.recv(n - len(data))
        if not chunk:
            raise EOFError("connection closed")
        data += chunk
    return data

try:
    with socket.create_connection(("127.0.0.1", port), timeout=3) as sock:
        client_id = b"dailycast-infra"
        # header v1: api_key=3 (Metadata), api_version=1, correlation_id, client_id; body: topics=null
        request = struct.pack(">hhih", 3, 1, 7, len(client_id)) + client_id + struct.pack(">i", -1)
        sock.sendall(struct.pack(">i", len(request)) + request)
        size = struct.unpack(">i", recv_exactly(sock, 4))[0]
        reply = recv_exactly(sock, size)
    correlation_id, broker_count = struct.unpack(">ii", reply[:8])
    offset, brokers = 8, []
    for _ in range(broker_count):
        node_id, host_len = struct.unpack(">ih", reply[offset:offset + 6]); offset += 6
        host = reply[offset:offset + host_len].decode(); offset += host_len
        broker_port, rack_len = struct.unpack(">ih", reply[offset:offset + 6]); offset += 6
        offset += max(rack_len, 0)
        brokers.append(f"{node_id}@{host}:{broker_port}")
    controller_id = struct.unpack(">i", reply[offset:offset + 4])[0]
except Exception as exc:  # refused, reset, timeout, short reply: not ready
    print(f"no answer ({exc.__class__.__name__}: {exc})")
    sys.exit(1)
if correlation_id != 7 or not brokers or controller_id < 0:
    print(f"not ready yet (brokers {brokers or 'none'}, controller {controller_id})")
    sys.exit(1)
print(f"brokers {', '.join(brokers)}, controller {controller_id}")
PY
}

kafka_format() {
    local id
    mkdir -p "$KAFKA_DATA"
    [ -f "$KAFKA_DATA/meta.properties" ] && return 0
    if [ ! -s "$KAFKA_CLUSTER_ID_FILE" ]; then
        "$JAVA" -cp "$KAFKA_LIBS/*" kafka.tools.StorageTool random-uuid 2>"$LOG_DIR/kafka-format.log" \
            | tail -n 1 >"$KAFKA_CLUSTER_ID_FILE" || true
        [ -s "$KAFKA_CLUSTER_ID_FILE" ] || { cat "$LOG_DIR/kafka-format.log" >&2; die "kafka-storage random-uuid failed"; }
    fi
    id=$(cat "$KAFKA_CLUSTER_ID_FILE")
    log "formatting Kafka storage $KAFKA_DATA (cluster id $id)"
    "$JAVA" -Dlog4j2.configurationFile="$KAFKA_LOCAL/log4j2.properties" -Dkafka.logs.dir="$LOG_DIR" \
        -cp "$KAFKA_LIBS/*" kafka.tools.StorageTool format -t "$id" -c "$KAFKA_CONF" -g \
        >>"$LOG_DIR/kafka-format.log" 2>&1 \
        || { tail -n 20 "$LOG_DIR/kafka-format.log" >&2; die "kafka-storage format failed"; }
}

KAFKA_LOG_OFFSET=0  # size of kafka-server.log before this start: the failure shows what came after
kafka_fail() {  # message -> shows the logs' tails and exits
    local server_log=$LOG_DIR/kafka-server.log size
    log "--- tail of $LOG_DIR/kafka.out"
    tail -n 20 "$LOG_DIR/kafka.out" >&2 2>/dev/null || true
    log "--- tail of $server_log (this start only)"
    size=$(stat -c %s "$server_log" 2>/dev/null || echo 0)
    [ "$size" -ge "$KAFKA_LOG_OFFSET" ] || KAFKA_LOG_OFFSET=0  # rolled over meanwhile
    if [ "$size" -gt "$KAFKA_LOG_OFFSET" ]; then
        tail -c +"$((KAFKA_LOG_OFFSET + 1))" "$server_log" | tail -n 40 >&2
    else
        log "(nothing logged)"
    fi
    die "$1"
}

kafka_up() {
    local pid port cport started deadline summary extra_opts
    if pid=$(kafka_pid); then
        port=$(kafka_running_port)
        already_running kafka "$pid" "$port" DAILYCAST_KAFKA_PORT
        return 0
    fi
    if [ -f "$KAFKA_PID_FILE" ]; then
        log "kafka: removing stale pid file (pid $(head -n 1 "$KAFKA_PID_FILE" 2>/dev/null) is not running)"
        rm -f "$KAFKA_PID_FILE"
    fi
    port=${DAILYCAST_KAFKA_PORT:-9092}
    cport=${DAILYCAST_KAFKA_CONTROLLER_PORT:-$((port + 1))}
    for p in "$port" "$cport"; do
        port_open "$p" && die "port $p is already in use by another process (set DAILYCAST_KAFKA_PORT / DAILYCAST_KAFKA_CONTROLLER_PORT)"
    done

    ensure_java
    kafka_fetch_jars
    mkdir -p "$KAFKA_DATA" "$LOG_DIR" "$RUN_DIR"
    sed -e "s#@KAFKA_PORT@#$port#g" -e "s#@CONTROLLER_PORT@#$cport#g" -e "s#@LOG_DIRS@#$KAFKA_DATA#g" \
        "$KAFKA_LOCAL/server.properties" >"$KAFKA_CONF"
    kafka_format

    started=$(now)
    KAFKA_LOG_OFFSET=$(stat -c %s "$LOG_DIR/kafka-server.log" 2>/dev/null || echo 0)
    log "kafka: starting $KAFKA_VERSION on 127.0.0.1:$port (controller $cport, heap $KAFKA_HEAP)"
    printf '=== %s start\n' "$(date -Is)" >"$LOG_DIR/kafka.out"
    read -r -a extra_opts <<<"${DAILYCAST_KAFKA_OPTS:-}"  # extra JVM options, split on spaces
    # setsid: own session, so the broker outlives this shell and its terminal. The inner shell
    # writes its own pid then becomes java, so the pid file names the JVM whatever setsid does.
    # shellcheck disable=SC2016
    setsid bash -c 'echo $$ >"$0"; exec "$@"' "$KAFKA_PID_FILE" \
        "$JAVA" "-Xmx$KAFKA_HEAP" "-Xms$KAFKA_HEAP" \
        -XX:+UseG1GC -XX:MaxGCPauseMillis=20 -XX:InitiatingHeapOccupancyPercent=35 \
        -XX:+ExplicitGCInvokesConcurrent -Djava.awt.headless=true \
        -Dlog4j2.configurationFile="$KAFKA_LOCAL/log4j2.properties" -Dkafka.logs.dir="$LOG_DIR" \
        "${extra_opts[@]}" \
        -cp "$KAFKA_LIBS/*" kafka.Kafka "$KAFKA_CONF" \
        >>"$LOG_DIR/kafka.out" 2>&1 </dev/null 9>&- &

    deadline=$(( $(date +%s) + TIMEOUT ))
    while :; do
        if [ "$(date +%s)" -ge "$deadline" ]; then
            pid=$(kafka_pid) && { kill -KILL "$pid" 2>/dev/null || true; }
            rm -f "$KAFKA_PID_FILE"
            kafka_fail "kafka: not ready within ${TIMEOUT}s (last probe: ${summary:-none}); killed it"
        fi
        sleep 0.25
        if ! pid=$(kafka_pid); then
            # The pid file is written within milliseconds; after that, no broker means it died.
            if [ ! -s "$KAFKA_PID_FILE" ] && [ "$(elapsed "$started" | cut -d. -f1)" -lt 5 ]; then continue; fi
            rm -f "$KAFKA_PID_FILE"
            kafka_fail "kafka: the broker exited during startup"
        fi
        port_open "$port" || { summary="port $port closed"; continue; }
        if summary=$(kafka_probe "$port"); then break; fi
    done
    log "kafka: ready in $(elapsed "$started") s (pid $pid; $summary)"
}

kafka_down() {
    local pid
    if ! pid=$(kafka_pid); then
        [ -f "$KAFKA_PID_FILE" ] && { log "kafka: removing stale pid file"; rm -f "$KAFKA_PID_FILE"; }
        log "kafka: not running"
        return 0
    fi
    log "kafka: stopping (pid $pid)"
    kill -TERM "$pid" 2>/dev/null || true
    if ! wait_gone "$pid" "$KAFKA_STOP_TIMEOUT"; then
        log "kafka: still running after ${KAFKA_STOP_TIMEOUT}s, sending SIGKILL"
        kill -KILL "$pid" 2>/dev/null || true
        wait_gone "$pid" 10 || die "kafka: pid $pid survived SIGKILL"
    fi
    rm -f "$KAFKA_PID_FILE"
    log "kafka: stopped"
}

# ---------------------------------------------------------------------------------------------
# PostgreSQL

PG_BIN=
pg_find_bin() {  # sets PG_BIN to a directory holding initdb, pg_ctl and postgres
    local d want=
    [ -f "$PG_DATA/PG_VERSION" ] && want=$(cat "$PG_DATA/PG_VERSION")
    for d in ${DAILYCAST_PG_BINDIR:-} ${want:+/usr/lib/postgresql/$want/bin} \
             $(printf '%s\n' /usr/lib/postgresql/*/bin | sort -t/ -k5,5nr); do
        if [ -x "$d/initdb" ] && [ -x "$d/pg_ctl" ] && [ -x "$d/postgres" ]; then PG_BIN=$d; break; fi
    done
    if [ -z "$PG_BIN" ] && command -v pg_ctl >/dev/null && command -v initdb >/dev/null; then
        PG_BIN=$(dirname "$(command -v pg_ctl)")
    fi
    [ -n "$PG_BIN" ]
}

pg_ensure_installed() {
    pg_find_bin && return 0
    log "postgresql: no server binaries found (looked in /usr/lib/postgresql/*/bin and PATH)"
    apt_install postgresql
    pg_find_bin || die "postgresql: still no server binaries after apt-get install postgresql"
}

as_pg() {  # runs a command as the PostgreSQL OS user (when root) or as ourselves
    # From the infra dir: the current one may be closed to that user (/root), which initdb minds.
    if [ "$(id -u)" -eq 0 ]; then (cd "$INFRA_DIR" && runuser -u "$PG_OS_USER" -- "$@")
    else (cd "$INFRA_DIR" && "$@"); fi
}

pg_pid() {  # prints the postmaster's pid, if this data dir's server runs
    local pid
    [ -f "$PG_DATA/postmaster.pid" ] || return 1
    pid=$(head -n 1 "$PG_DATA/postmaster.pid" 2>/dev/null) || return 1
    alive "$pid" || return 1
    case $(cmdline "$pid") in *postgres*"$PG_DATA"*) echo "$pid" ;; *) return 1 ;; esac
}

pg_port() {  # the running server's port (line 4 of postmaster.pid), else the configured one
    local p
    if pg_pid >/dev/null && p=$(sed -n 4p "$PG_DATA/postmaster.pid") && [ -n "$p" ]; then echo "$p"
    else echo "${DAILYCAST_PG_PORT:-55432}"; fi
}

pg_socket_dir() {
    # A Unix socket path is limited to 107 bytes; fall back to /tmp when the infra dir is deep.
    if [ $(( ${#PG_SOCKET_DIR} + 20 )) -lt 100 ]; then echo "$PG_SOCKET_DIR"
    else echo "${TMPDIR:-/tmp}/dailycast-pg-$(printf '%s' "$INFRA_DIR" | cksum | cut -d' ' -f1)"; fi
}

pg_prepare_user() {  # as root: make sure the OS user exists and can reach the infra dir
    local d
    [ "$(id -u)" -eq 0 ] || return 0
    if ! id -u "$PG_OS_USER" >/dev/null 2>&1; then
        log "postgresql: creating system user $PG_OS_USER (PostgreSQL refuses to run as root)"
        useradd --system --no-create-home --home-dir /nonexistent --shell /usr/sbin/nologin "$PG_OS_USER"
    fi
    if ! runuser -u "$PG_OS_USER" -- test -x "$INFRA_DIR"; then
        chmod o+x "$INFRA_DIR"  # traverse only; the directories it needs are its own
    fi
    if ! runuser -u "$PG_OS_USER" -- test -x "$INFRA_DIR"; then
        d=$INFRA_DIR
        while [ "$d" != / ]; do
            d=$(dirname "$d")
            runuser -u "$PG_OS_USER" -- test -x "$d" || break
        done
        die "postgresql runs as user $PG_OS_USER, which cannot enter $d: use a DAILYCAST_INFRA_DIR it can reach, or chmod o+x $d"
    fi
}

pg_owned_dir() {  # dir -> created, owned by the PostgreSQL OS user, mode 700
    mkdir -p "$1"
    [ "$(id -u)" -eq 0 ] && chown "$PG_OS_USER:" "$1"
    chmod 700 "$1"
}

pg_up() {
    local pid port started sock have
    if pid=$(pg_pid); then
        port=$(pg_port)
        already_running postgresql "$pid" "$port" DAILYCAST_PG_PORT
        return 0
    fi
    port=${DAILYCAST_PG_PORT:-55432}
    port_open "$port" && die "port $port is already in use by another process (set DAILYCAST_PG_PORT)"
    pg_ensure_installed
    mkdir -p "$INFRA_DIR" "$LOG_DIR"
    pg_prepare_user
    if [ -f "$PG_DATA/postmaster.pid" ]; then
        log "postgresql: removing stale postmaster.pid (pid $(head -n 1 "$PG_DATA/postmaster.pid") is not running)"
        rm -f "$PG_DATA/postmaster.pid"
    fi
    if [ ! -f "$PG_DATA/PG_VERSION" ]; then
        log "postgresql: initdb $PG_DATA ($("$PG_BIN/postgres" --version), superuser $PG_USER, trust auth)"
        pg_owned_dir "$PG_DATA"
        as_pg "$PG_BIN/initdb" -D "$PG_DATA" -U "$PG_USER" --auth=trust -E UTF8 --locale=C \
            >"$LOG_DIR/pg-initdb.log" 2>&1 \
            || { tail -n 20 "$LOG_DIR/pg-initdb.log" >&2; die "postgresql: initdb failed"; }
    fi
    have=$(cat "$PG_DATA/PG_VERSION")
    case $("$PG_BIN/postgres" --version) in
        *" $have."*|*" $have") ;;
        *) die "postgresql: $PG_DATA was made by PostgreSQL $have but the binaries in $PG_BIN are $("$PG_BIN/postgres" --version); reset with: $0 down && rm -rf $PG_DATA" ;;
    esac
    sock=$(pg_socket_dir)
    pg_owned_dir "$sock"
    touch "$LOG_DIR/postgresql.log"
    [ "$(id -u)" -eq 0 ] && chown "$PG_OS_USER:" "$LOG_DIR/postgresql.log"

    started=$(now)
    log "postgresql: starting on 127.0.0.1:$port"
    # No durability needed for local runs and tests: fsync, synchronous commit and full pages off.
    # (9>&-: the server must not inherit the lock of this script.)
    if ! as_pg "$PG_BIN/pg_ctl" -D "$PG_DATA" -l "$LOG_DIR/postgresql.log" -w -t "$TIMEOUT" \
            -o "-p $port -k '$sock' -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off" \
            start >"$LOG_DIR/pg-ctl.log" 2>&1 9>&-; then
        cat "$LOG_DIR/pg-ctl.log" >&2
        log "--- tail of $LOG_DIR/postgresql.log"
        tail -n 30 "$LOG_DIR/postgresql.log" >&2
        die "postgresql: did not start within ${TIMEOUT}s"
    fi
    if [ -z "$(pg_psql "$port" postgres -tAc "select 1 from pg_database where datname = '$PG_DB'")" ]; then
        log "postgresql: creating database $PG_DB"
        pg_psql "$port" postgres -qc "create database $PG_DB" >/dev/null
    fi
    log "postgresql: ready in $(elapsed "$started") s (pid $(pg_pid || echo '?'); $(pg_summary "$port"))"
}

pg_psql() {  # port database psql-args...
    local port=$1 db=$2; shift 2
    PGCONNECT_TIMEOUT=5 "$PG_BIN/psql" -X -v ON_ERROR_STOP=1 -h 127.0.0.1 -p "$port" -U "$PG_USER" -d "$db" "$@"
}

pg_summary() {  # port -> "PostgreSQL 15.x, role dailycast superuser"
    pg_psql "$1" "$PG_DB" -tAc \
        "select split_part(version(), ' ', 1) || ' ' || current_setting('server_version') || ', role ' || current_user || case when rolsuper then ' (superuser)' else '' end || ', database ' || current_database() from pg_roles where rolname = current_user"
}

pg_down() {
    local pid
    if ! pid=$(pg_pid); then
        log "postgresql: not running"
        return 0
    fi
    pg_find_bin || die "postgresql: running (pid $pid) but no pg_ctl found to stop it"
    log "postgresql: stopping (pid $pid)"
    if ! as_pg "$PG_BIN/pg_ctl" -D "$PG_DATA" -m fast -w -t "$TIMEOUT" stop >"$LOG_DIR/pg-ctl.log" 2>&1; then
        cat "$LOG_DIR/pg-ctl.log" >&2
        log "postgresql: fast shutdown failed, trying immediate"
        as_pg "$PG_BIN/pg_ctl" -D "$PG_DATA" -m immediate -w -t 30 stop >&2 || die "postgresql: could not stop pid $pid"
    fi
    log "postgresql: stopped"
}

# ---------------------------------------------------------------------------------------------
# commands

take_lock() {  # serialises up/down of one infra dir (two test runs starting it at once), on fd 9
    mkdir -p "$RUN_DIR"
    command -v flock >/dev/null || return 0
    exec 9>"$RUN_DIR/infra.lock"
    flock -w 300 9 || die "another infra.sh holds $RUN_DIR/infra.lock"
}

cmd_up() {
    local started
    started=$(now)
    mkdir -p "$INFRA_DIR"
    take_lock
    command -v python3 >/dev/null || die "python3 is needed (Kafka readiness probe)"
    kafka_up
    pg_up
    log "up: done in $(elapsed "$started") s; state in $INFRA_DIR"
}

cmd_down() {
    [ -d "$INFRA_DIR" ] || { log "nothing to stop: $INFRA_DIR does not exist"; return 0; }
    take_lock
    kafka_down
    pg_down
}

cmd_status() {
    local ok=0 pid port summary version
    if pid=$(kafka_pid); then
        port=$(kafka_port)
        version=$(sed -n 's/^kafka_2.13 //p' "$KAFKA_MARKER" 2>/dev/null)
        if summary=$(kafka_probe "$port"); then
            echo "kafka:      running (pid $pid), ready on 127.0.0.1:$port, Kafka ${version:-?}; $summary"
        else
            echo "kafka:      running (pid $pid) on 127.0.0.1:$port but not ready: $summary"; ok=1
        fi
    else
        echo "kafka:      stopped"; ok=1
    fi
    if pid=$(pg_pid); then
        port=$(pg_port)
        pg_find_bin || true
        if [ -n "$PG_BIN" ] && summary=$(pg_summary "$port" 2>&1); then
            echo "postgresql: running (pid $pid), accepting connections on 127.0.0.1:$port; $summary"
        else
            echo "postgresql: running (pid $pid) on 127.0.0.1:$port but not accepting connections: ${summary:-no psql}"; ok=1
        fi
    else
        echo "postgresql: stopped"; ok=1
    fi
    echo "state:      $INFRA_DIR"
    [ "$ok" -eq 0 ] || return 3
}

cmd_env() {
    echo "export KAFKA_BOOTSTRAP_SERVERS=127.0.0.1:$(kafka_port)"
    echo "export DATABASE_URL=postgresql+psycopg://$PG_USER@127.0.0.1:$(pg_port)/$PG_DB"
}

usage() {
    sed -n '2,16p' "$0" | sed 's/^# \{0,1\}//'
}

case ${1:-} in
    up) cmd_up ;;
    down) cmd_down ;;
    status) cmd_status ;;
    env) cmd_env ;;
    -h|--help|help) usage ;;
    *) usage >&2; exit 2 ;;
esac
