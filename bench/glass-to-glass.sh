#!/usr/bin/env bash
# The glass-to-glass latency benchmark (issue 4): hls.js in headless Chromium playing a connected call's live
# stream from Replycast, against the same ffmpeg command served by nginx, in the same run. See --help.
set -euo pipefail
BENCH=glass-to-glass
source "$(dirname "${BASH_SOURCE[0]}")/lib/common.sh"

usage() {
  cat <<EOF
Usage: bench/glass-to-glass.sh [options]

Measures how far behind the wall clock a viewer sees the live picture: hls.js (bench/player, the npm package)
in headless Chromium, Date.now() - hls.playingDate (the capture's program date-time of the picture on screen),
read once a second after playback settles, in several sessions. Each round plays, one after the other, with the same page and the
same hls.js configuration:
  1. Replycast: the playbackUrl of a connected call (/live/<token>/index.m3u8), the page on another origin;
  2. Replycast's own segment folder served by nginx: the same encode, only the server differs;
  3. the baseline: the same ffmpeg command (the media worker's HlsCommand for the channel's source) run by
     hand into a temporary folder and served by nginx. Meanwhile the channel's capture is switched off
     (captureEnabled false through the admin API), so only one encode runs on the machine; afterwards it is
     switched on again and the run waits until the capture is live.
Prints p50 and p90 per side, the differences, the CPU split and whether the goals are met (Replycast p50 at
most 4 s and within 0.3 s of the baseline), and saves the report as bench/results/$BENCH-<date>.md.

Before you run it, start Replycast in another terminal and wait until it prints "Replycast is ready":
  ./replycast run
The channel (default demo) must be captured: its live folder <data dir>/live/<channel>/ gets new segments.
The run opens one call (its terminal is removed at the end), installs hls.js with npm ci into bench/player
the first time, and needs nginx (/usr/sbin/nginx), chromium and chromedriver (/usr/bin). It switches the
channel's capture off for about a minute per round: do not run it against a server others are watching.
The default run takes about 7 minutes.

Options (passed to the load generator):
  --channel ID          the captured channel to watch (default demo)
  --rounds N            rounds; medians are over these (default 3)
  --sessions N          playback sessions per side and round, each loading the page anew (default 3);
                        a session's latency is set when it joins, so sessions matter more than samples
  --settle-seconds N    playing time of a session before sampling starts (default 6)
  --sample-seconds N    samples, one a second, per session (default 5)
  --nginx PATH          the nginx binary (default /usr/sbin/nginx)
  -h, --help            this text

Settings (environment, as for ./replycast run): REPLYCAST_HTTP_PORT (8080), REPLYCAST_MANAGEMENT_PORT (9990),
REPLYCAST_KEYCLOAK_PORT (8180), REPLYCAST_DATA_DIR (./data). Results and how to read them: docs/benchmarks.md.
EOF
}

start_run "$@"
command -v chromium >/dev/null && command -v chromedriver >/dev/null ||
  fail "chromium and chromedriver are needed: apt-get install chromium chromium-driver"
if [ ! -f "$ROOT/bench/player/node_modules/hls.js/dist/hls.min.js" ]; then
  command -v npm >/dev/null || fail "npm is needed once to install hls.js: apt-get install npm"
  say "Installing hls.js into bench/player (npm ci)..."
  npm ci --prefix "$ROOT/bench/player" --no-audit --no-fund >&2 || fail "npm ci in bench/player failed."
fi
compile_load_generator
run_live_benchmark "Glass-to-glass latency" org.replycast.bench.GlassToGlassBenchmark \
  --player "$ROOT/bench/player" "$@"
