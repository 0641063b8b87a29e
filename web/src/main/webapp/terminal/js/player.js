/**
 * Plays a call's live stream (an HLS playlist of 1 s segments with program date-time) with hls.js where the
 * browser has Media Source Extensions, and with the browser's own HLS (Safari on iOS) where it has not; and
 * shows, every second, how far behind real time the picture is.
 */

const Hls = globalThis.Hls;

// Plain HLS (no EXT-X-PART), 1 s segments: hls.js keeps 2 segments behind the live edge, catches up by
// playing up to 10 % faster when it falls behind, and jumps back to the edge past 6 segments.
const HLS_CONFIG = {
  lowLatencyMode: false, // only does something for LL-HLS parts, which these playlists do not have
  liveSyncDurationCount: 2,
  liveMaxLatencyDurationCount: 6,
  maxLiveSyncPlaybackRate: 1.1,
  liveDurationInfinity: true,
  backBufferLength: 30,
  // The transmuxer's worker from Replycast's own file rather than a blob: URL, so CSP needs no "blob:" workers.
  workerPath: new URL('../vendor/hls.worker.js', import.meta.url).href,
};
const RELOAD_MS = 2000;
const MAX_MEDIA_RECOVERIES = 3;

export class LivePlayer {
  #video;
  #latency;
  #status;
  #clockOffsetMs;
  #hls = null;
  #url = null;
  #reload = null;
  #ticker = null;
  #recoveries = 0;

  /**
   * @param latency the element that shows the latency, with the number in its data-latency-ms attribute
   * @param status the element that says what the player is doing
   * @param clockOffsetMs the server's time minus the device's, as the sign-in measured it: program date-times
   *     are the server's
   */
  constructor(video, latency, status, clockOffsetMs) {
    this.#video = video;
    this.#latency = latency;
    this.#status = status;
    this.#clockOffsetMs = clockOffsetMs;
  }

  get url() {
    return this.#url;
  }

  play(url) {
    this.stop();
    this.#url = url;
    this.#say('Loading the live picture…');
    if (Hls?.isSupported()) {
      this.#playWithHlsJs(url);
    } else if (this.#video.canPlayType('application/vnd.apple.mpegurl')) {
      this.#video.src = url;
      this.#start();
    } else {
      this.#say('This browser cannot play live HLS video.');
      return;
    }
    this.#ticker = setInterval(() => this.#showLatency(), 1000);
  }

  stop() {
    clearTimeout(this.#reload);
    clearInterval(this.#ticker);
    this.#hls?.destroy();
    this.#hls = null;
    this.#url = null;
    this.#recoveries = 0;
    this.#video.removeAttribute('src');
    this.#video.load();
    this.#latency.textContent = '–';
    this.#latency.removeAttribute('data-latency-ms');
    this.#say('');
  }

  #playWithHlsJs(url) {
    const hls = new Hls(HLS_CONFIG);
    this.#hls = hls;
    hls.on(Hls.Events.MANIFEST_PARSED, () => this.#start());
    hls.on(Hls.Events.ERROR, (event, data) => {
      if (!data.fatal || hls !== this.#hls) {
        return;
      }
      if (data.type === Hls.ErrorTypes.MEDIA_ERROR && this.#recoveries < MAX_MEDIA_RECOVERIES) {
        this.#recoveries += 1;
        hls.recoverMediaError();
      } else if (data.type === Hls.ErrorTypes.NETWORK_ERROR) {
        // The channel may still be starting (no playlist yet) or restarting: try again while the call lasts.
        this.#say('Waiting for the live picture…');
        hls.destroy();
        this.#hls = null;
        this.#reload = setTimeout(() => this.#url === url && this.#playWithHlsJs(url), RELOAD_MS);
      } else {
        this.#say(`The live picture cannot be played (${data.details}).`);
        hls.destroy();
        this.#hls = null;
      }
    });
    hls.loadSource(url);
    hls.attachMedia(this.#video);
  }

  #start() {
    this.#say('Live');
    // Muted, so browsers allow it to start without a tap; the controls unmute.
    this.#video.play().catch(() => this.#say('Tap play to watch.'));
  }

  #showLatency() {
    const playing = this.#playingDate();
    if (!playing) {
      return;
    }
    const latencyMs = Math.round(Date.now() + this.#clockOffsetMs() - playing);
    this.#latency.dataset.latencyMs = String(latencyMs);
    this.#latency.textContent = `${(latencyMs / 1000).toFixed(1)} s`;
  }

  /** The program date-time (ms) of the frame on screen, or null while it is not known. */
  #playingDate() {
    if (this.#hls) {
      return this.#hls.playingDate?.getTime() ?? null;
    }
    const start = this.#video.getStartDate?.()?.getTime();
    return Number.isFinite(start) ? start + this.#video.currentTime * 1000 : null;
  }

  #say(text) {
    this.#status.textContent = text;
  }
}
