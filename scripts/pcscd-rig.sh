#!/usr/bin/env bash
# A private pcsc-lite daemon with the vsmartcard "vpcd" virtual reader, for tests of the real PC/SC stack.
#
#   scripts/pcscd-rig.sh run [--port PORT] -- COMMAND [ARGS...]
#       Starts a private pcscd in a temporary directory, runs COMMAND with
#         PCSCLITE_CSOCK_NAME=<dir>/pcscd.comm  (where libpcsclite finds this daemon)
#         LEDGER_VPCD_PORT=PORT                 (virtual tags connect here: reader "Virtual PCD 00 00";
#                                                PORT+1 is "Virtual PCD 00 01")
#         LEDGER_ALLOW_VIRTUAL_READERS=1        (ChipReader refuses "Virtual PCD" readers otherwise)
#       then stops the daemon, removes the directory and exits with COMMAND's status.
#       Example: scripts/pcscd-rig.sh run -- swift test --filter ChipReaderTests
#
#   scripts/pcscd-rig.sh start DIR PORT [--owner-pid PID]
#       Starts the same daemon in DIR (an existing directory, empty or used by an earlier `start`): socket
#       DIR/pcscd.comm, log DIR/pcscd.log, pid DIR/pcscd-rig.pid. Returns once the daemon is ready; prints
#       nothing but errors. With --owner-pid the daemon is stopped when process PID ends (a crashed test
#       must not leave it behind). Inside `run`, every daemon started this way is also stopped at the end.
#
#   scripts/pcscd-rig.sh stop DIR
#       Stops the daemon started in DIR and waits until it has exited (and been reaped).
#
# Why a mount namespace: pcscd's socket path /run/pcscd/pcscd.comm is compiled in, and a system pcscd may
# own it. The daemon runs in its own mount namespace where DIR is bind-mounted over /run/pcscd, so its
# socket lands in DIR and nothing outside the namespace changes. (The network is shared: vpcd's TCP ports
# are the host's, which is how tags in the test process reach it.)
#
# Readiness is checked on the listening socket (`ss -ltn`), never by connecting to the vpcd port: for vpcd
# a TCP connection *is* a tag on the reader.
#
# Environment: PCSCD_RIG_TIMEOUT (seconds to wait for readiness, default 10), PCSCD_RIG_DEBUG=1 (pcscd
# logs at debug level with APDUs into DIR/pcscd.log; `run` prints the log's tail when COMMAND fails).
set -euo pipefail

SELF="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)/$(basename "${BASH_SOURCE[0]}")"
readonly SELF
# 30027 = 0x754B: not vpcd's stock port 35963 (0x8C7B, in Debian's /etc/reader.conf.d/vpcd), which a system
# pcscd that loaded the stock config would hold, and below Linux's ephemeral range (32768–60999 by default,
# /proc/sys/net/ipv4/ip_local_port_range): a port in that range can be taken at any moment by some client's
# outgoing connection or a server asking for port 0, and vpcd then fails with "Address already in use" (seen in
# CI). If the port is taken anyway, the check below says so and asks for --port.
readonly DEFAULT_PORT=30027
readonly VPCD_DRIVER=/usr/lib/pcsc/drivers/serial/libifdvpcd.so
readonly READY_TIMEOUT=${PCSCD_RIG_TIMEOUT:-10}
readonly STOP_TIMEOUT=5          # seconds for pcscd to exit on SIGTERM before SIGKILL
readonly PID_FILE=pcscd-rig.pid  # pcscd's own pid (pcscd also writes pcscd.pid here, but removes it on exit)
readonly SUPERVISOR_PID_FILE=pcscd-rig.supervisor.pid
readonly STARTED_LIST=started-dirs  # in a `run` directory: the DIRs of `start` calls made during the run

# A caller on a libdispatch worker thread (Foundation's Process in a Swift test) hands its children a
# signal mask that blocks nearly every signal, and the mask survives fork and exec: pcscd would never see
# SIGTERM (stop would always end in SIGKILL) and no trap here would fire. Bash cannot change its mask, so
# start over under an empty one (perl-base is part of every Debian system). Only SIGTERM is looked at
# (bash itself blocks SIGCHLD and SIGINT for short moments); PCSCD_RIG_REEXEC guards against a loop.
blocked_mask=$(sed -n 's/^SigBlk:[[:space:]]*//p' "/proc/$$/status")
if [[ -n ${PCSCD_RIG_REEXEC:-} ]]; then
    unset PCSCD_RIG_REEXEC
elif ((16#${blocked_mask: -4} & 0x4000)); then
    if command -v perl >/dev/null 2>&1; then
        PCSCD_RIG_REEXEC=1 exec perl -MPOSIX -e 'sigprocmask(SIG_SETMASK, POSIX::SigSet->new) or die "sigprocmask: $!\n";
            exec { $ARGV[0] } @ARGV or die "exec $ARGV[0]: $!\n"' -- "$SELF" "$@"
    fi
    echo "pcscd-rig: SIGTERM is blocked in this process and perl is missing: pcscd will only stop on SIGKILL" >&2
fi
unset blocked_mask

die() {
    echo "pcscd-rig: $*" >&2
    exit 1
}

usage() {
    sed -n '2,20p' "$SELF" | sed 's/^# \{0,1\}//' >&2
    exit 2
}

# ---------------------------------------------------------------------------------------------------------
# Checks

preflight() {
    local missing=() tool
    for tool in pcscd unshare mount ss; do
        command -v "$tool" >/dev/null 2>&1 || missing+=("$tool")
    done
    [[ -f $VPCD_DRIVER ]] || missing+=("$VPCD_DRIVER")
    if ((${#missing[@]})); then
        die "missing: ${missing[*]} (Debian: apt-get install pcscd vsmartcard-vpcd iproute2 util-linux mount)"
    fi
}

check_port() {
    local port=$1
    if ! [[ $port =~ ^[0-9]+$ ]] || ((port < 1024 || port > 65534)); then
        die "port must be a number from 1024 to 65534 (it and the next port are used), not '$port'"
    fi
}

is_listening() {
    [[ -n "$(ss -Hltn "sport = :$1" 2>/dev/null)" ]]
}

# vpcd binds PORT (slot 0) and PORT+1 (slot 1). If something already listens there our daemon's vpcd
# cannot bind, and a readiness check on the port would be fooled by the other listener: refuse early.
require_free_ports() {
    local port=$1 p
    for p in "$port" $((port + 1)); do
        if is_listening "$p"; then
            die "TCP port $p is already listening (another pcscd with vpcd? see: ss -ltnp 'sport = :$p'); use another port"
        fi
    done
}

# True while PID runs. A zombie (exited, not yet reaped) counts as gone: kill -0 would still succeed on it.
is_alive() {
    local pid=$1 stat state
    [[ -n $pid ]] || return 1
    stat=$(cat "/proc/$pid/stat" 2>/dev/null) || return 1
    state=${stat##*) }   # the command name may contain spaces; the state follows its closing parenthesis
    state=${state%% *}
    [[ $state != Z && $state != X ]]
}

# Guards against a recycled pid from a stale pid file: only signal processes this script could have made
# (the unshare/script wrapper before its exec, or pcscd after it).
is_rig_process() {
    local comm
    comm=$(cat "/proc/$1/comm" 2>/dev/null) || return 1
    [[ $comm == pcscd || $comm == unshare || $comm == "$(basename "$SELF" | cut -c1-15)" ]]
}

# ---------------------------------------------------------------------------------------------------------
# Starting

pcscd_flags() {
    local dir=$1
    PCSCD_FLAGS=(--foreground --config "$dir/reader.conf.d")
    # pcsc-lite >= 2.0.1 asks polkit for every client by default; there is no polkit in a test namespace.
    # Never --auto-exit: pcscd would quit after 60 s idle and the vpcd ports would vanish mid-run.
    if pcscd --help 2>&1 | grep -q -- '--disable-polkit'; then
        PCSCD_FLAGS+=(--disable-polkit)
    fi
    if [[ ${PCSCD_RIG_DEBUG:-} == 1 ]]; then
        PCSCD_FLAGS+=(--debug --apdu)
    fi
}

# A reader.conf.d holding only the vpcd entry, so pcscd ignores /etc/reader.conf.d (which may hold a vpcd
# entry on the stock port). DEVICENAME /dev/null:PORT makes vpcd listen on PORT+slot.
write_config() {
    local dir=$1 port=$2 hex
    hex=$(printf '0x%04X' "$port")
    mkdir -p "$dir/reader.conf.d"
    rm -f "$dir/reader.conf.d/"*
    cat >"$dir/reader.conf.d/vpcd" <<EOF
# Written by scripts/pcscd-rig.sh: virtual readers on TCP ports $port and $((port + 1)).
FRIENDLYNAME "Virtual PCD"
DEVICENAME   /dev/null:$hex
LIBPATH      $VPCD_DRIVER
CHANNELID    $hex
EOF
}

# Runs inside the new mount namespace (re-entered as `$SELF __ns-exec DIR PCSCD-ARGS...`) and becomes pcscd,
# keeping the pid the supervisor recorded.
ns_exec() {
    local dir=$1
    shift
    if [[ ! -d /run/pcscd ]]; then
        # As root this creates the (empty) mount point on the host, as Debian's pcscd package does. A user
        # namespace cannot write to the real root's /run, so put a tmpfs over /run first; it is visible
        # only inside this namespace and pcscd needs nothing else from /run.
        if ! mkdir -p /run/pcscd 2>/dev/null; then
            mount -t tmpfs -o mode=0755 pcscd-rig /run
            mkdir /run/pcscd
        fi
    fi
    mount --bind "$dir" /run/pcscd
    # pcscd is built with libsystemd: never let it think it was socket-activated by an inherited variable.
    unset LISTEN_FDS LISTEN_PID LISTEN_FDNAMES
    exec pcscd "$@"
}

# The parent of pcscd for its whole life, so that pcscd is reaped at once when it exits (an orphan would be
# reaped only whenever PID 1 gets round to it, and `pgrep pcscd` would still list it), and so that pcscd
# ends when its owner (the `run` script or the test process given with --owner-pid) ends without stopping it.
# With remove_dir=1 (the `run` directory) a vanished owner also means nobody else will remove DIR.
supervise() {
    local dir=$1 owner=$2 remove_dir=$3 daemon namespace
    if ((EUID == 0)); then
        namespace=(unshare --mount --propagation private)
    else
        namespace=(unshare --user --map-root-user --mount --propagation private)
    fi
    pcscd_flags "$dir"
    close_inherited_fds
    "${namespace[@]}" -- "$SELF" __ns-exec "$dir" "${PCSCD_FLAGS[@]}" &
    daemon=$!
    echo "$daemon" >"$dir/$PID_FILE"
    # A TERM or HUP to the supervisor alone (not to pcscd) must not orphan pcscd.
    trap 'kill -TERM "$daemon" 2>/dev/null || true' TERM HUP
    while is_alive "$daemon"; do
        if [[ -n $owner ]] && ! is_alive "$owner"; then
            echo "pcscd-rig: owner process $owner has ended; stopping pcscd $daemon"
            terminate "$daemon"
            wait "$daemon" 2>/dev/null || true
            [[ $remove_dir == 1 ]] && rm -rf "$dir"
            return 0
        fi
        sleep 0.2 || true
    done
    wait "$daemon" 2>/dev/null || true
}

# Closes every descriptor but 0-2 (and bash's own script descriptor 255, close-on-exec anyway) in the
# supervisor, before it starts pcscd. Whatever the caller left open would otherwise stay open for pcscd's
# whole life: Foundation's Process, for one, learns that its child exited when the child's end of a
# socketpair closes, so `waitUntilExit()` on `start` would wait for pcscd to end instead.
close_inherited_fds() {
    local fd
    for fd in /proc/"$BASHPID"/fd/*; do
        fd=${fd##*/}
        if ((fd > 2 && fd != 255)); then
            eval "exec $fd>&-" 2>/dev/null || true
        fi
    done
}

# SIGTERM (pcscd removes its socket and pid file), then SIGKILL if it does not exit in time.
terminate() {
    local pid=$1 deadline
    is_alive "$pid" && is_rig_process "$pid" || return 0
    kill -TERM "$pid" 2>/dev/null || true
    deadline=$((SECONDS + STOP_TIMEOUT))
    while is_alive "$pid" && ((SECONDS < deadline)); do sleep 0.05; done
    if is_alive "$pid"; then
        echo "pcscd-rig: pcscd $pid ignored SIGTERM for ${STOP_TIMEOUT}s; killing it" >&2
        kill -KILL "$pid" 2>/dev/null || true
        while is_alive "$pid"; do sleep 0.05; done
    fi
}

tail_log() {
    local dir=$1
    if [[ -s $dir/pcscd.log ]]; then
        echo "pcscd-rig: last lines of $dir/pcscd.log:" >&2
        tail -n 20 "$dir/pcscd.log" | sed 's/^/  | /' >&2
    fi
}

# Waits until pcscd's socket exists and vpcd listens on both ports.
wait_ready() {
    local dir=$1 port=$2 daemon="" start=${EPOCHREALTIME/[.,]/} deadline=$((SECONDS + READY_TIMEOUT))
    while ((SECONDS < deadline)); do
        [[ -z $daemon && -s $dir/$PID_FILE ]] && daemon=$(<"$dir/$PID_FILE")
        if [[ -n $daemon ]] && ! is_alive "$daemon"; then
            tail_log "$dir"
            die "pcscd exited during startup (config $dir/reader.conf.d, port $port)"
        fi
        if [[ -S $dir/pcscd.comm ]] && is_listening "$port" && is_listening $((port + 1)); then
            READY_MS=$(((${EPOCHREALTIME/[.,]/} - start) / 1000))
            return 0
        fi
        sleep 0.05
    done
    tail_log "$dir"
    stop_daemon "$dir"
    die "pcscd was not ready after ${READY_TIMEOUT}s: socket $dir/pcscd.comm $([[ -S $dir/pcscd.comm ]] && echo present || echo missing), vpcd port $port $(is_listening "$port" && echo listening || echo 'not listening')"
}

# Starts a supervised pcscd in DIR on PORT and waits until it is ready.
launch() {
    local dir=$1 port=$2 owner=$3 remove_dir=${4:-0}
    if [[ ${#dir} -gt 95 ]]; then
        # sun_path holds 108 bytes including "/pcscd.comm" and the NUL.
        die "directory path too long for a Unix socket (${#dir} > 95 characters): $dir"
    fi
    write_config "$dir" "$port"
    # Left behind only if an earlier daemon was SIGKILLed; pcscd would refuse to start next to a live pid.
    rm -f "$dir/pcscd.comm" "$dir/pcscd.pid" "$dir/$PID_FILE" "$dir/$SUPERVISOR_PID_FILE"
    echo "--- pcscd-rig: starting pcscd on vpcd ports $port and $((port + 1)) at $(date '+%F %T')" >>"$dir/pcscd.log"
    # Detached from the caller's stdin/stdout/stderr: a caller reading our output through a pipe (a test
    # running `start`) must see end-of-file when this script exits, not when pcscd does.
    (
        trap - EXIT
        # A Ctrl-C goes to the whole process group. The supervisor and pcscd ignore it (SIG_IGN is
        # inherited by pcscd) and `run`'s trap stops them in order; otherwise, under `set -e`, an
        # interrupted `sleep` would end the supervisor and leave pcscd unreaped.
        trap '' INT QUIT
        supervise "$dir" "$owner" "$remove_dir"
    ) </dev/null >>"$dir/pcscd.log" 2>&1 &
    echo $! >"$dir/$SUPERVISOR_PID_FILE"
    wait_ready "$dir" "$port"
}

# ---------------------------------------------------------------------------------------------------------
# Stopping

# Stops the daemon recorded in DIR (no-op when there is none) and waits until pcscd and its supervisor are
# gone from the process table.
stop_daemon() {
    local dir=$1 daemon="" supervisor="" deadline
    [[ -s $dir/$PID_FILE ]] && daemon=$(<"$dir/$PID_FILE")
    [[ -s $dir/$SUPERVISOR_PID_FILE ]] && supervisor=$(<"$dir/$SUPERVISOR_PID_FILE")
    [[ -n $daemon ]] && terminate "$daemon"
    deadline=$((SECONDS + 3))
    while is_alive "$supervisor" && is_rig_process "$supervisor" && ((SECONDS < deadline)); do sleep 0.05; done
    # The supervisor is our child inside `run` (reap it here); elsewhere `wait` just fails.
    [[ -n $supervisor ]] && { wait "$supervisor" 2>/dev/null || true; }
    # Until reaped, pcscd would still show up in `pgrep pcscd` as a zombie.
    while [[ -n $daemon && -e /proc/$daemon ]] && ! is_alive "$daemon" && ((SECONDS < deadline)); do sleep 0.05; done
    rm -f "$dir/$PID_FILE" "$dir/$SUPERVISOR_PID_FILE" "$dir/pcscd.comm" "$dir/pcscd.pid"
}

# ---------------------------------------------------------------------------------------------------------
# Subcommands

cmd_run() {
    local port=$DEFAULT_PORT
    while (($#)); do
        case $1 in
        --port) (($# >= 2)) || usage; port=$2; shift 2 ;;
        --port=*) port=${1#--port=}; shift ;;
        --) shift; break ;;
        -*) usage ;;
        *) break ;;
        esac
    done
    (($#)) || usage
    check_port "$port"
    preflight
    require_free_ports "$port"

    RIG_DIR=$(mktemp -d "${TMPDIR:-/tmp}/pcscd-rig.XXXXXX")
    trap cleanup_run EXIT
    # Exiting from these traps runs cleanup_run. A Ctrl-C or a signal to the process group also reaches
    # COMMAND; pcscd ignores SIGINT and is stopped by cleanup_run. A signal sent to this script alone is
    # handled once COMMAND has ended (bash runs traps between commands); if this script is SIGKILLed, the
    # supervisor sees its owner gone and stops pcscd and removes the directory itself.
    trap 'exit 129' HUP
    trap 'exit 130' INT
    trap 'exit 143' TERM
    launch "$RIG_DIR" "$port" "$$" 1
    echo "pcscd-rig: pcscd ready after ${READY_MS} ms (socket $RIG_DIR/pcscd.comm, vpcd ports $port and $((port + 1)))" >&2

    export PCSCLITE_CSOCK_NAME="$RIG_DIR/pcscd.comm"
    export LEDGER_VPCD_PORT="$port"
    export LEDGER_ALLOW_VIRTUAL_READERS=1
    export PCSCD_RIG_SESSION="$RIG_DIR"
    local status=0
    "$@" || status=$?
    COMMAND_STATUS=$status
    exit "$status"
}

cleanup_run() {
    local status=$? dir
    set +e
    trap - EXIT HUP INT TERM
    if [[ -n ${RIG_DIR:-} && -d $RIG_DIR ]]; then
        # Daemons that tests started with `start` and did not stop (a failed or crashed test).
        if [[ -f $RIG_DIR/$STARTED_LIST ]]; then
            while IFS= read -r dir; do
                [[ -d $dir ]] && stop_daemon "$dir"
            done <"$RIG_DIR/$STARTED_LIST"
        fi
        if [[ ${COMMAND_STATUS:-0} != 0 && ${PCSCD_RIG_DEBUG:-} == 1 ]]; then
            tail_log "$RIG_DIR"
        fi
        stop_daemon "$RIG_DIR"
        rm -rf "$RIG_DIR"
    fi
    exit "$status"
}

cmd_start() {
    local dir=${1:-} port=${2:-} owner=""
    (($# >= 2)) || usage
    shift 2
    while (($#)); do
        case $1 in
        --owner-pid) (($# >= 2)) || usage; owner=$2; shift 2 ;;
        *) usage ;;
        esac
    done
    [[ -d $dir ]] || die "not a directory: $dir"
    dir=$(cd "$dir" && pwd)
    check_port "$port"
    [[ -z $owner || $owner =~ ^[0-9]+$ ]] || die "--owner-pid needs a process id, not '$owner'"
    preflight
    if [[ -s $dir/$PID_FILE ]] && is_alive "$(<"$dir/$PID_FILE")"; then
        die "a pcscd started by this script is still running in $dir (pid $(<"$dir/$PID_FILE")); stop it first"
    fi
    require_free_ports "$port"
    # Inside `run`, remember the directory so that the run stops this daemon even if its test does not.
    if [[ -n ${PCSCD_RIG_SESSION:-} && -d $PCSCD_RIG_SESSION && $dir != "$PCSCD_RIG_SESSION" ]]; then
        grep -qxF -- "$dir" "$PCSCD_RIG_SESSION/$STARTED_LIST" 2>/dev/null || echo "$dir" >>"$PCSCD_RIG_SESSION/$STARTED_LIST"
    fi
    launch "$dir" "$port" "$owner"
}

cmd_stop() {
    (($# == 1)) || usage
    [[ -d $1 ]] || return 0   # already cleaned up: nothing runs there
    stop_daemon "$(cd "$1" && pwd)"
}

case ${1:-} in
run) shift; cmd_run "$@" ;;
start) shift; cmd_start "$@" ;;
stop) shift; cmd_stop "$@" ;;
__ns-exec) shift; ns_exec "$@" ;;
*) usage ;;
esac
