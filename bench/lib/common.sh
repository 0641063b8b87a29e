# What every benchmark script in bench/ does the same way; sourced, not run. Each script sets BENCH (its name,
# as in bench/$BENCH.sh) before sourcing this, and then calls the functions below in order:
#   start_run "$@"          the usage when asked; else Replycast and its Keycloak must answer (or the script
#                           says how to start them), and WildFly's process id goes into SERVER_PID
#   compile_load_generator  the Java load generators, compiled offline, their classpath into CLASSPATH
#   run_and_report TITLE CLASS ARGS...  runs a load generator, prints its report and saves it under bench/results/
#   run_live_benchmark TITLE CLASS ARGS...  run_and_report with the options about the running Replycast

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
HTTP_PORT="${REPLYCAST_HTTP_PORT:-8080}"
MANAGEMENT_PORT="${REPLYCAST_MANAGEMENT_PORT:-9990}"
KEYCLOAK_PORT="${REPLYCAST_KEYCLOAK_PORT:-8180}"
DATA_DIR="${REPLYCAST_DATA_DIR:-$ROOT/data}"
RESULTS_DIR="$ROOT/bench/results"

say() { printf '%s\n' "$*" >&2; }
fail() { printf '%s: %s\n' "$BENCH" "$*" >&2; exit 1; }

# Exits with 0 after printing the usage when any argument asks for help.
help_if_asked() {
  local arg
  for arg in "$@"; do
    case "$arg" in
      -h | --help) usage; exit 0 ;;
    esac
  done
}

start_run() {
  help_if_asked "$@"
  BENCH_ARGS="$*"
  require_replycast
  find_server_pid
}

require_replycast() {
  command -v java >/dev/null || fail "no java on PATH: install a JDK 17 or newer."
  curl -fsS -o /dev/null "http://127.0.0.1:$MANAGEMENT_PORT/health/ready" 2>/dev/null ||
    fail "Replycast is not ready at http://127.0.0.1:$MANAGEMENT_PORT/health/ready. Start it in another terminal
with ./replycast run (the same REPLYCAST_* settings as for this script), wait for \"Replycast is ready\", then
run this again."
  curl -fsS -o /dev/null "http://localhost:$KEYCLOAK_PORT/realms/replycast/.well-known/openid-configuration" 2>/dev/null ||
    fail "the development Keycloak does not answer on port $KEYCLOAK_PORT; the benchmark needs it for the admin
API. Start Replycast with ./replycast run, which starts Keycloak too."
}

# WildFly's process, for the CPU split (and for holding it while a baseline runs): REPLYCAST_SERVER_PID when set
# (a server started otherwise than by ./replycast run, e.g. with a port offset), else the one on the HTTP port.
find_server_pid() {
  SERVER_PID="${REPLYCAST_SERVER_PID:-$(pgrep -f -- "jboss-modules.*-Djboss.http.port=$HTTP_PORT" | head -n 1 || true)}"
  [ -n "$SERVER_PID" ] || say "WildFly's process (HTTP port $HTTP_PORT) was not found."
}

compile_load_generator() {
  say "Compiling the load generator (Maven, offline; about half a minute)..."
  cd "$ROOT"
  # media-worker is built here too, so the load generator uses this checkout's ffmpeg command line.
  ./mvnw -B -o -q -pl persistence,media-worker,ejb,it test-compile -Dspotless.apply.skip=true >&2 ||
    fail "the load generator did not compile; see the Maven output above."
  # This checkout's classes first, then the libraries (without the installed Replycast modules).
  ./mvnw -B -o -q -pl it dependency:build-classpath -Dmdep.outputFile=target/bench.classpath \
    -DexcludeGroupIds=org.replycast >&2 || fail "could not resolve the load generator's classpath."
  CLASSPATH="it/target/test-classes:ejb/target/classes:persistence/target/classes:media-worker/target/classes"
  CLASSPATH="$CLASSPATH:$(cat it/target/bench.classpath)"
}

# run_and_report TITLE CLASS [ARGS...]: runs the class with BENCH_JAVA_OPTIONS, if set; the report is a header (command, commit, machine) and what the class
# prints on standard output; its progress goes to standard error. Saved as bench/results/$BENCH-<date>.md
# unless the class fails.
run_and_report() {
  local title="$1" class="$2" report commit cpu_model memory java_version status
  shift 2
  mkdir -p "$RESULTS_DIR"
  report="$RESULTS_DIR/$BENCH-$(date -u +%Y-%m-%d-%H%M).md"
  commit="$(git -C "$ROOT" rev-parse --short HEAD 2>/dev/null || echo unknown)"
  git -C "$ROOT" diff --quiet HEAD -- ejb web persistence media-worker 2>/dev/null || commit="$commit with uncommitted changes"
  cpu_model="$(awk -F': ' '/model name/ {print $2; exit}' /proc/cpuinfo 2>/dev/null || echo unknown)"
  memory="$(awk '/MemTotal/ {printf "%.0f GiB", $2 / 1048576}' /proc/meminfo 2>/dev/null || echo unknown)"
  java_version="$(java -version 2>&1 | head -n 1)"
  say "Measuring; progress follows, the report goes to $report"
  set +e
  {
    printf '## %s: run of %s UTC\n\n' "$title" "$(date -u '+%Y-%m-%d %H:%M')"
    printf -- '- Command: `bench/%s.sh%s` against `./replycast run` (database %s, otherwise embedded defaults), commit %s\n' \
      "$BENCH" "${BENCH_ARGS:+ $BENCH_ARGS}" "${REPLYCAST_DB_DRIVER:-h2}" "$commit"
    printf -- '- Machine: %s cores (%s), %s; %s; load average before the run: %s\n\n' \
      "$(nproc)" "$cpu_model" "$memory" "$java_version" "$(cut -d' ' -f1-3 /proc/loadavg)"
    # shellcheck disable=SC2086 # BENCH_JAVA_OPTIONS holds several options
    java -Xms512m -Xmx512m ${BENCH_JAVA_OPTIONS:-} -cp "$CLASSPATH" "$class" "$@"
  } | tee "$report"
  status=${PIPESTATUS[0]}
  set -e
  if [ "$status" -ne 0 ]; then
    rm -f "$report"
    fail "the benchmark stopped (see above); no report was saved."
  fi
  say "Saved $report"
}

# run_live_benchmark TITLE CLASS [ARGS...]: the live and reply benchmarks take the running Replycast's ports,
# WildFly's process (when found) and the data directory, before their own options.
run_live_benchmark() {
  local title="$1" class="$2"
  shift 2
  run_and_report "$title" "$class" --http-port "$HTTP_PORT" --keycloak-port "$KEYCLOAK_PORT" \
    ${SERVER_PID:+--server-pid "$SERVER_PID"} --data-dir "$DATA_DIR" "$@"
}
