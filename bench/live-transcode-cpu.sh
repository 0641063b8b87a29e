#!/usr/bin/env bash
# The live transcode CPU benchmark (issue 4): CPU time of Replycast's capture ffmpeg against a plain ffmpeg with
# the same arguments, each alone, in the same run. See --help.
set -euo pipefail
BENCH=live-transcode-cpu
source "$(dirname "${BASH_SOURCE[0]}")/lib/common.sh"

usage() {
  cat <<EOF
Usage: bench/live-transcode-cpu.sh [options]

Measures the CPU time (utime + stime from /proc/<pid>/stat) of Replycast's capture ffmpeg for a channel (the
ffmpeg whose command line writes into <data dir>/live/<channel>/), then of a plain ffmpeg started by hand
with the same arguments (read from /proc, only the folder changed to a temporary one), over the same time.
While the plain one runs, the channel's capture is switched off (captureEnabled false through the admin
API), so each encode runs alone; afterwards it is switched on again and the run waits until it is live. Also shows WildFly's CPU while the capture runs
without viewers, the share of the supervision's threads (by name and stack, from jcmd Thread.print) and
WildFly's busiest threads. Prints the ratio per round and its median against the goal (at most 1.05) and
saves the report as bench/results/$BENCH-<date>.md.

Before you run it, start Replycast in another terminal and wait until it prints "Replycast is ready":
  ./replycast run
The channel (default demo) must be captured. The run switches its capture off for about 45 s per round:
do not run it against a server others are watching. The default run takes about 5 minutes.

Options (passed to the load generator):
  --channel ID          the captured channel (default demo)
  --rounds N            rounds; medians are over these (default 3)
  --settle-seconds N    running time before each measurement (default 10)
  --seconds N           length of each measurement (default 30)
  -h, --help            this text

Settings (environment, as for ./replycast run): REPLYCAST_HTTP_PORT (8080), REPLYCAST_MANAGEMENT_PORT (9990),
REPLYCAST_KEYCLOAK_PORT (8180), REPLYCAST_DATA_DIR (./data). Results and how to read them: docs/benchmarks.md.
EOF
}

start_run "$@"
[ -n "$SERVER_PID" ] || fail "WildFly's process is needed (its CPU and threads are measured)."
compile_load_generator
run_live_benchmark "CPU of the live transcode" org.replycast.bench.LiveTranscodeCpuBenchmark "$@"
