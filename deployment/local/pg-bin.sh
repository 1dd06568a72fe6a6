# shellcheck shell=bash
# Sourced by lib.sh (up, down, token, rebuild-registry, deployment/bench/fault) and .ci/run; the tests' twin is
# deployment/test-infra's LocalPostgres.binDir.

# find_pg_bin [ROOT]: prints PostgreSQL's server bin directory, PG_BIN if set, else the newest major version >= 15
# under ROOT (default /usr/lib/postgresql, where Debian's and Ubuntu's packages put each version); status 1 when none.
find_pg_bin() {
    if [[ -n ${PG_BIN:-} ]]; then
        echo "$PG_BIN"
        return 0
    fi
    local root="${1:-/usr/lib/postgresql}" dir major best=0
    for dir in "$root"/*/; do
        major=$(basename "$dir")
        [[ $major =~ ^[0-9]{1,4}$ && -x $dir/bin/initdb ]] || continue
        if ((10#$major >= 15 && 10#$major > best)); then best=$((10#$major)); fi
    done
    ((best > 0)) || return 1
    echo "$root/$best/bin"
}
