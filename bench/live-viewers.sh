#!/usr/bin/env bash
# The live viewers benchmark (issue 4): how many simulated HLS viewers Replycast's /live/ serves within the
# goal, against nginx serving the same segment folder, in the same run. See --help.
set -euo pipefail
BENCH=live-viewers
source "$(dirname "${BASH_SOURCE[0]}")/lib/common.sh"

usage() {
  cat <<EOF
Usage: bench/live-viewers.sh [options]

Simulates live viewers in real time, as HLS players do: each fetches its call's master playlist, takes the
360p rendition, reloads that media playlist once a second (the target duration) and fetches every new
segment in order, starting three segments behind the live edge. Segment fetch time runs from the request to
the last byte; a viewer is behind when a segment left the playlist before it fetched it, when more than
three wait, when its backlog grows by two segments while measured, or when it got more than two segments
fewer than the stream had (a slow server, or a capture that stalled). The number of viewers goes up in steps; at each step Replycast (/live/<token>/...) and nginx
(serving the same folder <data dir>/live/<channel>/ at the same paths) take turns for several rounds. The
largest step whose median round keeps p99 at most 200 ms with nobody behind is each server's result.
Prints a table per step (percentiles, viewers behind, errors, CPU split: server, ffmpeg, load generator,
others) and whether the goals are met (at least 2,000 viewers, at least 0.8 x nginx), and saves the report
as bench/results/$BENCH-<date>.md.

Before you run it, start Replycast in another terminal and wait until it prints "Replycast is ready":
  ./replycast run
The channel (default demo) must be captured. The run opens 200 connected calls, one terminal each (ended
and removed at the end), raising the channel's maximum of connected calls for the time of the run; the viewers
share their tokens in turn. It needs nginx (/usr/sbin/nginx). The load generator runs on the same cores as the
server and the encoder; its CPU is in the report. The default run takes up to about 10 minutes (less when a
server misses early).

Options (passed to the load generator):
  --channel ID          the captured channel to watch (default demo)
  --calls N             connected calls, each with its own token (default 200)
  --steps LIST          numbers of viewers, comma-separated (default 250,500,1000,2000,3000,4000)
  --rounds N            rounds per step and server; medians are over these (default 3)
  --ramp-seconds N      viewers join evenly over this time (default 5)
  --settle-seconds N    after the ramp, before measuring (default 3)
  --seconds N           measuring time per round (default 10)
  --rendition WxH       the rendition every viewer watches (default 640x360)
  --goal-p99-ms N       the p99 segment fetch time a step must keep (default 200)
  --nginx PATH          the nginx binary (default /usr/sbin/nginx)
  --servers LIST        which to measure: replycast, nginx or both (default replycast,nginx)
  --warmup-seconds N    before the steps, the first step's viewers on each server, not measured (default 20)
  -h, --help            this text

Settings (environment, as for ./replycast run): REPLYCAST_HTTP_PORT (8080), REPLYCAST_MANAGEMENT_PORT (9990),
REPLYCAST_KEYCLOAK_PORT (8180), REPLYCAST_DATA_DIR (./data). Results and how to read them: docs/benchmarks.md.
EOF
}

start_run "$@"
compile_load_generator
# Thousands of keep-alive connections: more open files than the usual 1,024.
ulimit -n 65536 2>/dev/null || ulimit -n "$(ulimit -Hn)" 2>/dev/null || true
# On 2 cores the common fork-join pool has one thread, and then every CompletableFuture stage that the HTTP
# client runs asynchronously gets a new thread of its own; two threads keep the load generator lean.
BENCH_JAVA_OPTIONS="-Djava.util.concurrent.ForkJoinPool.common.parallelism=2"
run_live_benchmark "Live viewers" org.replycast.bench.LiveViewersBenchmark "$@"
