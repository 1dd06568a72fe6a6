# shellcheck shell=bash disable=SC2034  # variables are used by the scripts that source this file
# Shared by up, down, token and deployment/bench/fault: where the local run keeps its state, and how to tell whether a
# recorded process is still the one we started (a pid alone may have been reused by the system).

LOCAL_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
ROOT_DIR="$(cd "$LOCAL_DIR/../.." && pwd)"
RUNTIME_DIR="$LOCAL_DIR/.runtime"
PID_DIR="$RUNTIME_DIR/pids"
LOG_DIR="$RUNTIME_DIR/logs"
JWT_DIR="$RUNTIME_DIR/jwt"
KAFKA_DIR="$RUNTIME_DIR/kafka"
# Written by `up --cluster` (front door, bootstrap servers, instance URLs) and removed by `down`: while it exists the
# recorded processes are a cluster's, and deployment/bench reads its addresses from it.
CLUSTER_FILE="$RUNTIME_DIR/cluster.properties"
NGINX_DIR="$RUNTIME_DIR/nginx"
SECRETS_FILE="$RUNTIME_DIR/secrets.env"
# PostgreSQL's folder: a directory, or a symlink to /tmp/techschools-pg.XXXX when the postgres OS
# user cannot reach the repository (e.g. a checkout under /root, which is mode 700).
PG_LINK="$RUNTIME_DIR/pg"
# shellcheck source=pg-bin.sh
source "$LOCAL_DIR/pg-bin.sh"
# PostgreSQL's server binaries: PG_BIN, or the newest installed major version >= 15 (empty when none: up says so).
PG_BIN="$(find_pg_bin || true)"
KAFKA_LIBS="$ROOT_DIR/deployment/kafka-runtime/target/libs"
# Holds org.techschools.testinfra.LocalKafka, which creates the topics of deployment/kafka/topics.conf and sets their configs.
TEST_INFRA_JAR="$ROOT_DIR/deployment/test-infra/target/test-infra-1.0.0-SNAPSHOT.jar"
JWT_ISSUER="https://techschools.local"
# The audience (aud) the services require of every token; `token` puts it in, `up` hands it to the services.
JWT_AUDIENCE="techschools"
DEMO_PROVINCE=330000

SERVICES=(enrollment-service quota-service registration-service)
ENROLLMENT_PORT="${ENROLLMENT_PORT:-8081}"
QUOTA_PORT="${QUOTA_PORT:-8082}"
REGISTRATION_PORT="${REGISTRATION_PORT:-8083}"
PG_PORT="${PG_PORT:-15432}"
PG_SHARED_BUFFERS="${PG_SHARED_BUFFERS:-1GB}"
KAFKA_PORT="${KAFKA_PORT:-19092}"
# The controller listens next to the broker unless told otherwise (19093 by default).
KAFKA_CONTROLLER_PORT="${KAFKA_CONTROLLER_PORT:-$((KAFKA_PORT + 1))}"
# Replicas of each topic and how many must have a write before it is acknowledged: 1/1 on the single local broker,
# 3/2 on the cluster (up sets the default by mode; the environment wins).

# Cluster mode (up --cluster): three Kafka nodes (broker and controller each) kafka-1..3, broker N on
# KAFKA_PORT + 2(N-1) and its controller on the next port (19092/19093, 19094/19095, 19096/19097); two instances of each
# service, the second 10 ports above the first (8091, 8092, 8093); nginx as the one front door on FRONT_DOOR_PORT.
KAFKA_NODES=(kafka-1 kafka-2 kafka-3)
ENROLLMENT_PORT_2="${ENROLLMENT_PORT_2:-$((ENROLLMENT_PORT + 10))}"
QUOTA_PORT_2="${QUOTA_PORT_2:-$((QUOTA_PORT + 10))}"
REGISTRATION_PORT_2="${REGISTRATION_PORT_2:-$((REGISTRATION_PORT + 10))}"
FRONT_DOOR_PORT="${FRONT_DOOR_PORT:-8080}"
NGINX_BIN="${NGINX_BIN:-$(command -v nginx || echo /usr/sbin/nginx)}"
CLUSTER_INSTANCES=(enrollment-service-1 enrollment-service-2 quota-service-1 quota-service-2 registration-service-1 registration-service-2)

say() { printf '==> %s\n' "$*"; }
warn() { printf '%s: warning: %s\n' "$(basename "$0")" "$*" >&2; }
die() {
    printf '%s: error: %s\n' "$(basename "$0")" "$*" >&2
    exit 1
}

is_root() { [[ $EUID -eq 0 ]]; }

# initdb and postgres refuse to run as root: as root, run PostgreSQL's tools as the postgres OS user.
as_postgres() {
    if is_root; then
        # From /, which postgres can enter: a working directory under /root would make it complain.
        (cd / && runuser -u postgres -- "$@")
    else
        "$@"
    fi
}

# The port of a service (single-node run) or of an instance of it (cluster: enrollment-service-1, -2, ...).
service_port() {
    case "$1" in
        enrollment-service | enrollment-service-1) echo "$ENROLLMENT_PORT" ;;
        quota-service | quota-service-1) echo "$QUOTA_PORT" ;;
        registration-service | registration-service-1) echo "$REGISTRATION_PORT" ;;
        enrollment-service-2) echo "$ENROLLMENT_PORT_2" ;;
        quota-service-2) echo "$QUOTA_PORT_2" ;;
        registration-service-2) echo "$REGISTRATION_PORT_2" ;;
        *) die "unknown service $1" ;;
    esac
}

# The service an instance belongs to: enrollment-service-2 -> enrollment-service.
service_of() { echo "${1%-[0-9]}"; }

# Kafka node N of the cluster: its client and controller ports.
kafka_node_port() { echo $((KAFKA_PORT + 2 * (${1#kafka-} - 1))); }
kafka_node_controller_port() { echo $(($(kafka_node_port "$1") + 1)); }

# The folder of a Kafka node: .runtime/kafka for the single broker, .runtime/kafka-N for the cluster's.
kafka_dir() { echo "$RUNTIME_DIR/$1"; }

# True while a cluster started by `up --cluster` has any process running.
cluster_running() {
    local name
    for name in nginx "${KAFKA_NODES[@]}" "${CLUSTER_INSTANCES[@]}"; do
        is_running "$name" && return 0
    done
    return 1
}

service_jar() { echo "$ROOT_DIR/$1/target/quarkus-app/quarkus-run.jar"; }

# A running service reads its lib/ jars lazily: a rebuild (mvn package/clean) under a running service
# makes it fail with NoSuchFileException. So each start runs a copy of target/quarkus-app from here.
service_app_dir() { echo "$RUNTIME_DIR/apps/$1"; }

# A marker that only our process has on its command line: guards against a recycled pid.
process_marker() {
    case "$1" in
        kafka | kafka-[0-9]) echo "$(kafka_dir "$1")/server.properties" ;;
        nginx) echo "$NGINX_DIR/nginx.conf" ;;
        postgres) echo "$(pg_dir)/data" ;;
    esac
}

recorded_pid() {
    local file="$PID_DIR/$1.pid"
    [[ -r $file ]] && cat "$file"
}

# True when the recorded pid of $1 is alive and still runs what we started: its marker on the command line, or for a
# service instance `-jar quarkus-run.jar` run in its own app directory (see up).
is_running() {
    local name=$1 pid
    pid=$(recorded_pid "$name") || return 1
    [[ $pid =~ ^[0-9]+$ ]] || return 1
    [[ -r /proc/$pid/cmdline ]] || return 1
    case "$name" in
        kafka | kafka-[0-9] | nginx | postgres) tr '\0' ' ' <"/proc/$pid/cmdline" | grep -qF -- "$(process_marker "$name")" ;;
        *)
            [[ $(readlink "/proc/$pid/cwd") == "$(service_app_dir "$name")" ]] &&
                tr '\0' ' ' <"/proc/$pid/cmdline" | grep -qF -- "-jar quarkus-run.jar"
            ;;
    esac
}

# Something (anything) accepts TCP connections on 127.0.0.1:$1.
port_in_use() {
    (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null
}

is_ready() {
    curl -fsS -o /dev/null --max-time 2 "http://127.0.0.1:$(service_port "$1")/q/health/ready" 2>/dev/null
}

# The PostgreSQL folder (data/, socket, log), following the symlink to /tmp if there is one.
pg_dir() {
    if [[ -L $PG_LINK ]]; then
        readlink "$PG_LINK"
    else
        echo "$PG_LINK"
    fi
}

# Closes every descriptor above stderr except 255, where bash reads the running script from.
close_inherited_descriptors() {
    local fd
    for fd in "/proc/$$/fd"/*; do
        fd=${fd##*/}
        if ((fd > 2 && fd != 255)); then eval "exec ${fd}>&-"; fi
    done
}

# Used by down, and by up after a training start: SIGTERM, then wait up to $2 seconds for a clean shutdown before
# SIGKILL.
stop_process() {
    local name=$1 grace=$2 pid i
    if ! is_running "$name"; then
        rm -f "$PID_DIR/$name.pid" "$PID_DIR/$name.port"
        return
    fi
    pid=$(recorded_pid "$name")
    say "stopping $name (pid $pid)"
    kill -TERM "$pid" 2>/dev/null || true
    for ((i = 0; i < grace * 5; i++)); do
        kill -0 "$pid" 2>/dev/null || break
        sleep 0.2
    done
    if kill -0 "$pid" 2>/dev/null; then
        warn "$name did not stop within ${grace} s: killing it"
        kill -KILL "$pid" 2>/dev/null || true
    fi
    rm -f "$PID_DIR/$name.pid" "$PID_DIR/$name.port"
}

# Used by down and by the fault scenarios of deployment/bench (R2 stops the database under load).
stop_postgres() {
    local data
    data="$(pg_dir)/data"
    if ! is_running postgres; then
        rm -f "$PID_DIR/postgres.pid" "$PID_DIR/postgres.port"
        return
    fi
    say "stopping PostgreSQL (pid $(recorded_pid postgres))"
    # Fast mode: roll back open transactions, checkpoint, exit; the data stays consistent.
    as_postgres "$PG_BIN/pg_ctl" -D "$data" -m fast -w -t 60 stop >/dev/null
    rm -f "$PID_DIR/postgres.pid" "$PID_DIR/postgres.port"
}

# The intake year the demo data enrolls into (the next one whose 学籍 deadline, 31 March or 31 October, is ahead).
demo_intake_year() {
    local year month_day
    year=$(TZ=Asia/Shanghai date +%Y) month_day=$(TZ=Asia/Shanghai date +%m%d)
    if ((10#$month_day > 1031)); then echo $((year + 1)); else echo "$year"; fi
}
