#!/usr/bin/env bash
# The reply benchmark (issue 5): many terminals send replies over the WebSocket gateway at once, against a
# plain loopback upload to the same disk in the same run. See bench/reply-uploads.sh --help.
set -euo pipefail
BENCH=reply-uploads
source "$(dirname "${BASH_SOURCE[0]}")/lib/common.sh"

usage() {
  cat <<EOF
Usage: bench/reply-uploads.sh [options]

Measures how a running Replycast takes replies (PROTOCOL.md section 5): in each round, 200 terminals, each
on a connected call of its own, send a 30 s reply (WebM, about 1 Mbit/s, made once by the bundled ffmpeg)
over the WebSocket gateway at once, one segment a second in real time as a recorder would, then the end
signal with the SHA-256. Then the same bytes at the same pace go to a plain loopback server that writes
each upload to a file in the data directory and forces it to disk (the baseline). Reported: the time from
each end signal to "stored" (p50, p99, max) and to durable for the baseline, bytes taken per second,
replies not stored or not intact, and WildFly's heap (peak and live after a full GC, through jcmd/jstat).
Prints a markdown report and saves it as bench/results/reply-uploads-<date>.md.

Before you run it, start Replycast in another terminal and wait until it prints "Replycast is ready":
  ./replycast run
The run registers 200 terminals on the channel "demo" (removed again at the end, with their calls). The
replies stay stored: each round adds 200 replies of about 3.8 MB to the data directory (2.3 GB for the
default 3 rounds). The default run takes about 4 minutes.

Options (passed to the load generator):
  --terminals N     terminals sending at once (default 200)
  --seconds N       length of each reply (default 30)
  --kbits N         bit rate of the reply in kbit/s (default 1000)
  --segment-ms N    how often a segment is sent (default 1000)
  --rounds N        rounds; medians are over these (default 3)
  --channel ID      the channel the replies are sent on (default demo)
  --goal-p99-ms N   the p99 from end signal to stored that the goal allows (default 1000)
  -h, --help        this text

Settings (environment, as for ./replycast run): REPLYCAST_HTTP_PORT (8080), REPLYCAST_MANAGEMENT_PORT (9990),
REPLYCAST_KEYCLOAK_PORT (8180), REPLYCAST_DATA_DIR (./data), REPLYCAST_SERVER_PID (WildFly's process, for
its heap; found by its HTTP port unless set), REPLYCAST_DB_DRIVER (h2; set it as the server was started, so that
the report names the database). Results and how to read them: docs/benchmarks.md.
EOF
}

start_run "$@"
[ -n "$SERVER_PID" ] || say "The report leaves out WildFly's heap."
compile_load_generator
run_live_benchmark "Reply uploads" org.replycast.bench.ReplyUploadBenchmark "$@"
