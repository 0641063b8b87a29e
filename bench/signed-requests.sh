#!/usr/bin/env bash
# The signed-request benchmark (issue 3): verified requests per second and latency at a fixed rate against a
# running Replycast, beside HMAC-SHA256 alone measured in the same run. See bench/signed-requests.sh --help.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
HTTP_PORT="${REPLYCAST_HTTP_PORT:-8080}"
MANAGEMENT_PORT="${REPLYCAST_MANAGEMENT_PORT:-9990}"
KEYCLOAK_PORT="${REPLYCAST_KEYCLOAK_PORT:-8180}"
RESULTS_DIR="$ROOT/bench/results"

say() { printf '%s\n' "$*" >&2; }
fail() { printf 'signed-requests: %s\n' "$*" >&2; exit 1; }

usage() {
  cat <<EOF
Usage: bench/signed-requests.sh [options]

Measures how fast a running Replycast verifies signed terminal requests (PROTOCOL.md section 2), in one run
of several rounds; each round measures, one after the other:
  1. the baseline: HMAC-SHA256 alone with a cached key, in this process, on 1 and on 2 threads, and the
     server's verifier code in process (parsing, checks, signature base, HMAC);
  2. verified requests per second: a closed loop of signed GET /api/v1/terminal (the signature check
     and nothing more), GET /api/v1/channels and
     GET /api/v1/calls?state=RINGING on 8 and 32 keep-alive connections, each its own terminal;
  3. latency at a fixed 500 requests per second (p50, p90, p99, max), timed from when each request was due.
Any answer other than 2xx stops the run. Prints a markdown report (medians over the rounds, CPU split,
whether the goals are met) and saves it as bench/results/signed-requests-<date>.md.

Before you run it, start Replycast in another terminal and wait until it prints "Replycast is ready":
  ./replycast run
The run registers 32 terminals (removed again at the end) and a channel "bench-hall". The load generator
shares the machine's cores with the server, so close other heavy work first. It compiles the load generator
with Maven (offline) before measuring. The default run takes about 6 minutes.

Options (passed to the load generator):
  --rounds N            measurement rounds; medians are over these (default 5)
  --seconds N           length of each closed-loop measurement (default 8)
  --latency-seconds N   length of the fixed-rate measurement (default 10)
  --rate N              requests per second of the fixed-rate measurement (default 500)
  --concurrency LIST    closed-loop connections, comma-separated (default 8,32)
  --warmup-seconds N    warm-up per endpoint before the first round (default 30)
  -h, --help            this text

Settings (environment, as for ./replycast run): REPLYCAST_HTTP_PORT (8080), REPLYCAST_MANAGEMENT_PORT (9990),
REPLYCAST_KEYCLOAK_PORT (8180). Results and how to read them: docs/benchmarks.md.
EOF
}

for arg in "$@"; do
  case "$arg" in
    -h | --help) usage; exit 0 ;;
  esac
done

command -v java >/dev/null || fail "no java on PATH: install a JDK 17 or newer."
curl -fsS -o /dev/null "http://127.0.0.1:$MANAGEMENT_PORT/health/ready" 2>/dev/null ||
  fail "Replycast is not ready at http://127.0.0.1:$MANAGEMENT_PORT/health/ready. Start it in another terminal
with ./replycast run, wait for \"Replycast is ready\", then run this again."
curl -fsS -o /dev/null "http://localhost:$KEYCLOAK_PORT/realms/replycast/.well-known/openid-configuration" 2>/dev/null ||
  fail "the development Keycloak does not answer on port $KEYCLOAK_PORT; the benchmark needs it to register
its terminals. Start Replycast with ./replycast run, which starts Keycloak too."

# WildFly's process, for the CPU split; without it the report leaves the server's CPU time out.
SERVER_PID="$(pgrep -f -- "jboss-modules.*-Djboss.http.port=$HTTP_PORT" | head -n 1 || true)"
[ -n "$SERVER_PID" ] || say "WildFly's process was not found; the report leaves out the server's CPU time."

say "Compiling the load generator (Maven, offline; about half a minute)..."
cd "$ROOT"
./mvnw -B -o -q -pl persistence,ejb,it test-compile -Dspotless.apply.skip=true >&2 ||
  fail "the load generator did not compile; see the Maven output above."
# This checkout's classes first, then the libraries (without the installed Replycast modules).
./mvnw -B -o -q -pl it dependency:build-classpath -Dmdep.outputFile=target/bench.classpath \
  -DexcludeGroupIds=org.replycast >&2 || fail "could not resolve the load generator's classpath."
CLASSPATH="it/target/test-classes:ejb/target/classes:persistence/target/classes:$(cat it/target/bench.classpath)"

mkdir -p "$RESULTS_DIR"
REPORT="$RESULTS_DIR/signed-requests-$(date -u +%Y-%m-%d-%H%M).md"
COMMIT="$(git rev-parse --short HEAD 2>/dev/null || echo unknown)"
git diff --quiet HEAD -- ejb web persistence 2>/dev/null || COMMIT="$COMMIT with uncommitted changes"
CPU_MODEL="$(awk -F': ' '/model name/ {print $2; exit}' /proc/cpuinfo 2>/dev/null || echo unknown)"
MEMORY="$(awk '/MemTotal/ {printf "%.0f GiB", $2 / 1048576}' /proc/meminfo 2>/dev/null || echo unknown)"
JAVA_VERSION="$(java -version 2>&1 | head -n 1)"

say "Measuring; progress follows, the report goes to $REPORT"
set +e
{
  printf '## Signed requests: run of %s UTC\n\n' "$(date -u '+%Y-%m-%d %H:%M')"
  printf -- '- Command: `bench/signed-requests.sh%s` against `./replycast run` (H2, embedded defaults), commit %s\n' \
    "${*:+ $*}" "$COMMIT"
  printf -- '- Machine: %s cores (%s), %s; %s; load average before the run: %s\n\n' \
    "$(nproc)" "$CPU_MODEL" "$MEMORY" "$JAVA_VERSION" "$(cut -d' ' -f1-3 /proc/loadavg)"
  java -Xms512m -Xmx512m -cp "$CLASSPATH" org.replycast.bench.SignedRequestBenchmark \
    --http-port "$HTTP_PORT" --keycloak-port "$KEYCLOAK_PORT" ${SERVER_PID:+--server-pid "$SERVER_PID"} "$@"
} | tee "$REPORT"
status=${PIPESTATUS[0]}
set -e
if [ "$status" -ne 0 ]; then
  rm -f "$REPORT"
  fail "the benchmark stopped (see above); no report was saved."
fi
say "Saved $REPORT"
