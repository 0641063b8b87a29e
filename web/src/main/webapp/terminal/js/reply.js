/**
 * Replying on the call the terminal watches: records camera and microphone with MediaRecorder and either
 * streams the recording through the WebSocket gateway while it is recorded ("Send while recording") or shows
 * it for a preview first, with Send and Record again; or sends a recorded file by tus. The status element says
 * where the reply is in its data-state (idle, recording, recorded, sending, stored, rejected, error), names the
 * message in data-message-id once the server did, and holds the SHA-256 the page sent in data-sha256.
 */

import { uploadFile } from './file-upload.js';
import { size } from './messages.js';
import { ReplyStream } from './uplink.js';

// A segment a second: little is lost to a dropped connection, and the reply is on its way as it is recorded.
const TIMESLICE_MS = 1000;
const OUTCOME_POLL_MS = 1000;
const VIDEO_TYPES = ['video/webm;codecs=vp8,opus', 'video/webm;codecs=vp9,opus', 'video/webm', 'video/mp4'];
const AUDIO_TYPES = ['audio/webm;codecs=opus', 'audio/webm', 'audio/mp4', 'audio/ogg;codecs=opus'];

const $ = (id) => document.getElementById(id);

export class ReplyPanel {
  #api;
  #messages;
  #call = null;
  #media = null;
  #recorder = null;
  #chunks = [];
  #contentType = null;
  #stream = null;
  #upload = null;
  #previewUrl = null;
  #timer = null;
  #recordedMs = 0;
  #outcome = null;

  /** @param messages the message list, read again when a reply starts and when its outcome is known */
  constructor(messages) {
    this.#messages = messages;
    $('reply-record').addEventListener('click', () => this.#record());
    $('reply-stop').addEventListener('click', () => this.#recorder?.stop());
    $('reply-send').addEventListener('click', () => this.#sendRecorded());
    $('reply-again').addEventListener('click', () => this.#record());
    $('reply-cancel').addEventListener('click', () => this.#cancel('You cancelled the reply.'));
    $('reply-file').addEventListener('change', (event) => {
      const [file] = event.target.files;
      event.target.value = '';
      if (file) {
        this.#sendFile(file);
      }
    });
    this.#show('idle', '');
  }

  /**
   * The connected call the terminal watches (with its uplinkUrl), or null when there is none.
   *
   * @param api the signed terminal API, which the outcome of a reply is read from
   */
  setCall(api, call) {
    this.#api = api;
    if (call?.callId === this.#call?.callId) {
      return;
    }
    if (this.#call && this.#busy()) {
      this.#cancel('The call ended before the reply was sent.');
    }
    this.#call = call;
    $('reply').hidden = !call;
    if (call && !this.#busy()) {
      this.#show('idle', '');
    }
  }

  /** Stops everything; for a terminal that signs out. */
  stop() {
    this.#cancel('');
    this.#call = null;
    $('reply').hidden = true;
  }

  #busy() {
    return ['recording', 'recorded', 'sending'].includes($('reply-status').dataset.state);
  }

  async #record() {
    this.#reset();
    this.#show('starting', 'Starting the camera…');
    try {
      this.#media = await camera();
    } catch (error) {
      this.#show('error', `The camera and microphone cannot be used: ${error.message}`);
      return;
    }
    const hasVideo = this.#media.getVideoTracks().length > 0;
    const type = (hasVideo ? VIDEO_TYPES : AUDIO_TYPES).find((t) => MediaRecorder.isTypeSupported(t));
    const recorder = new MediaRecorder(this.#media, type ? { mimeType: type } : {});
    this.#recorder = recorder;
    // The start signal names the container only; the codecs are the prober's business.
    this.#contentType = (recorder.mimeType || type || (hasVideo ? 'video/webm' : 'audio/webm')).split(';')[0].trim();
    this.#chunks = [];
    if ($('reply-live').checked) {
      this.#stream = this.#newStream();
    }
    // A recorder that was cancelled or replaced still gives its last bytes: they go nowhere.
    recorder.addEventListener('dataavailable', (event) => {
      if (recorder === this.#recorder) {
        this.#chunks.push(event.data);
        this.#stream?.add(event.data);
      }
    });
    recorder.addEventListener('stop', () => recorder === this.#recorder && this.#recorded());
    recorder.start(TIMESLICE_MS);
    const preview = $('reply-preview');
    preview.controls = false;
    preview.muted = true;
    preview.srcObject = this.#media;
    preview.hidden = false;
    preview.play().catch(() => {});
    const started = Date.now();
    $('reply-timer').textContent = '0:00';
    this.#timer = setInterval(() => {
      this.#recordedMs = Date.now() - started;
      $('reply-timer').textContent = minutes(this.#recordedMs);
    }, 250);
    this.#show('recording', this.#stream ? 'Recording and sending…' : 'Recording…');
    $('reply-stop').focus();
  }

  /** The recorder has given its last bytes. */
  #recorded() {
    clearInterval(this.#timer);
    this.#releaseCamera();
    if (this.#stream) {
      $('reply-preview').hidden = true;
      this.#show('sending', 'Sending the rest of your reply…');
      this.#finishStream(this.#stream);
      return;
    }
    const preview = $('reply-preview');
    this.#previewUrl = URL.createObjectURL(new Blob(this.#chunks, { type: this.#contentType }));
    preview.src = this.#previewUrl;
    preview.muted = false;
    preview.controls = true;
    this.#show('recorded', `Your reply, ${minutes(this.#recordedMs)}: watch it, then send it or record again.`);
    $('reply-send').focus();
  }

  #sendRecorded() {
    const recording = new Blob(this.#chunks, { type: this.#contentType });
    this.#stream = this.#newStream();
    this.#stream.add(recording);
    this.#show('sending', 'Sending your reply…');
    this.#finishStream(this.#stream);
  }

  async #finishStream(stream) {
    const sha256 = await stream.finish();
    if (stream === this.#stream) {
      $('reply-status').dataset.sha256 = sha256;
    }
  }

  #newStream() {
    const stream = new ReplyStream(this.#call.uplinkUrl, this.#startSignal(this.#contentType), {
      onStarted: (messageId) => this.#started(messageId),
      onProgress: (acked, sent, total) => this.#progress(acked, sent, total),
      onLink: (connected, retryMs) => {
        $('reply-status').dataset.link = connected ? 'connected' : 'reconnecting';
        $('reply-link').textContent = connected ? ''
          : `The connection dropped; trying again in ${Math.round(retryMs / 1000)} s. Nothing recorded is lost.`;
      },
      onStored: (stored) => this.#stored(stored.bytes),
      onFailed: (refusal) => this.#failed(refusal.rejected ? 'rejected' : 'error', refusal.detail || refusal.code),
      onOutcomeElsewhere: (messageId) => this.#awaitOutcome(messageId),
    });
    stream.open();
    return stream;
  }

  #startSignal(contentType) {
    const title = $('reply-title').value.trim();
    return title ? { contentType, title } : { contentType };
  }

  #sendFile(file) {
    this.#reset();
    this.#show('sending', `Sending ${file.name}…`);
    this.#upload = uploadFile(this.#call.uplinkUrl, file, $('reply-title').value.trim(), {
      onCreated: (messageId) => this.#started(messageId),
      onProgress: (acked, sent, total) => this.#progress(acked, sent, total),
      onUploaded: (messageId) => this.#awaitOutcome(messageId),
      onFailed: (problem) => this.#failed('error', [problem.title, problem.detail].filter(Boolean).join(': ')),
    });
  }

  #started(messageId) {
    $('reply-status').dataset.messageId = messageId;
    this.#messages.refresh();
  }

  #progress(acked, sent, total) {
    const progress = $('reply-progress');
    progress.hidden = false;
    progress.dataset.acked = String(acked);
    progress.dataset.sent = String(sent);
    const bar = $('reply-progress-bar');
    bar.max = Math.max(total, 1);
    bar.value = acked;
    $('reply-progress-text').textContent = `${size(acked)} safely received of ${size(sent)} sent`;
  }

  /** Reads the message until the server decided about it (tus, or a WebSocket reply whose answer was lost). */
  #awaitOutcome(messageId) {
    this.#show('sending', 'All sent; waiting for the server to check and store it…');
    const ask = async () => {
      try {
        const message = await this.#api.message(messageId);
        if (message.state === 'STORED') {
          this.#stored(message.bytes);
          return;
        }
        if (message.state === 'REJECTED') {
          this.#failed('rejected', message.reason);
          return;
        }
        if (message.state === 'INCOMPLETE') {
          this.#failed('error', message.reason || 'The reply was given up before it was stored.');
          return;
        }
      } catch (problem) {
        // The network may be away for a moment; the message stays where it is.
      }
      this.#outcome = setTimeout(ask, OUTCOME_POLL_MS);
    };
    ask();
  }

  #stored(bytes) {
    this.#stream = null;
    this.#upload = null;
    this.#show('stored', `Stored: your reply (${size(bytes)}) has arrived.`);
    this.#messages.refresh();
  }

  #failed(state, reason) {
    this.#stream = null;
    this.#upload = null;
    this.#show(state, state === 'rejected' ? `Not accepted: ${reason}` : `Not sent: ${reason}`);
    this.#messages.refresh();
  }

  #cancel(reason) {
    clearInterval(this.#timer);
    this.#stream?.abort();
    this.#upload?.abort(true);
    this.#reset();
    if (reason) {
      this.#show('error', reason);
    }
  }

  /** Back to no reply under way, with the results of the last one cleared. */
  #reset() {
    clearTimeout(this.#outcome);
    clearInterval(this.#timer);
    const recorder = this.#recorder;
    this.#recorder = null;
    if (recorder?.state === 'recording') {
      recorder.stop();
    }
    this.#recordedMs = 0;
    this.#releaseCamera();
    this.#stream = null;
    this.#upload = null;
    if (this.#previewUrl) {
      URL.revokeObjectURL(this.#previewUrl);
      this.#previewUrl = null;
    }
    const preview = $('reply-preview');
    preview.removeAttribute('src');
    preview.srcObject = null;
    preview.hidden = true;
    const status = $('reply-status');
    delete status.dataset.messageId;
    delete status.dataset.sha256;
    delete status.dataset.link;
    $('reply-link').textContent = '';
    $('reply-progress').hidden = true;
    $('reply-timer').textContent = '';
  }

  #releaseCamera() {
    this.#media?.getTracks().forEach((track) => track.stop());
    this.#media = null;
    const preview = $('reply-preview');
    if (preview.srcObject) {
      preview.srcObject = null;
    }
  }

  /** Shows the reply's state, and only the controls that make sense in it. */
  #show(state, text) {
    const status = $('reply-status');
    status.dataset.state = state;
    status.textContent = text;
    const recording = state === 'recording';
    const working = recording || state === 'sending' || state === 'starting';
    $('reply-record').hidden = working || state === 'recorded';
    $('reply-stop').hidden = !recording;
    $('reply-send').hidden = state !== 'recorded';
    $('reply-again').hidden = state !== 'recorded';
    $('reply-cancel').hidden = !(working || state === 'recorded') || state === 'starting';
    $('reply-file').disabled = working;
    $('reply-live').disabled = working;
  }
}

/** Camera and microphone, or the microphone alone on a device without a camera. */
async function camera() {
  try {
    return await navigator.mediaDevices.getUserMedia({ video: true, audio: true });
  } catch (error) {
    if (error.name === 'NotAllowedError') {
      throw new Error('access was refused; allow it in the browser’s settings');
    }
    return navigator.mediaDevices.getUserMedia({ audio: true });
  }
}

function minutes(ms) {
  const seconds = Math.floor(ms / 1000);
  return `${Math.floor(seconds / 60)}:${String(seconds % 60).padStart(2, '0')}`;
}
