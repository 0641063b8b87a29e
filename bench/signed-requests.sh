#!/usr/bin/env bash
# The signed-request benchmark (issue 3): verified requests per second and latency at a fixed rate against a
# running Replycast, beside HMAC-SHA256 alone measured in the same run. See bench/signed-requests.sh --help.
set -euo pipefail
BENCH=signed-requests
source "$(dirname "${BASH_SOURCE[0]}")/lib/common.sh"

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

start_run "$@"
[ -n "$SERVER_PID" ] || say "The report leaves out the server's CPU time."
compile_load_generator
run_and_report "Signed requests" org.replycast.bench.SignedRequestBenchmark \
  --http-port "$HTTP_PORT" --keycloak-port "$KEYCLOAK_PORT" ${SERVER_PID:+--server-pid "$SERVER_PID"} "$@"
