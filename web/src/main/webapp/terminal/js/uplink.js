/**
 * One reply sent through the WebSocket gateway at <uplinkUrl>/ws (PROTOCOL.md section 5) while it may still be
 * recorded: bytes are added as they come and go out as segments of at most 1 MiB, all of them kept until the
 * reply's outcome, so that after a dropped connection a new one resumes the message ({"type":"start","resume"})
 * and sends again from the offset the server names, after a delay that grows while the network stays away.
 */

const SEGMENT_BYTES = 1024 * 1024;
// Sent but not yet acknowledged, at most: progress then says what is really on its way.
const WINDOW_BYTES = 4 * SEGMENT_BYTES;
const FIRST_RETRY_MS = 1000;
const LAST_RETRY_MS = 15000;
// Codes with which the server refused the message itself (it is REJECTED), rather than this attempt.
const REJECTIONS = new Set(['frame-too-large', 'message-too-large', 'checksum-mismatch', 'not-media', 'too-long',
  'aborted']);
// After the end signal these leave the outcome to the message's row, which the API shows.
const OUTCOME_ELSEWHERE = new Set(['not-resumable', 'storage-timeout', 'incomplete']);

export class ReplyStream {
  #socketUrl;
  #start;
  #handlers;
  #bytes = new Blob();
  #sent = 0;
  #acked = 0;
  #messageId = null;
  #socket = null;
  #started = false;
  #sha256 = null;
  #endSent = false;
  #ended = false;
  #done = false;
  #retryMs = FIRST_RETRY_MS;
  #retry = null;

  /**
   * @param uplinkUrl the connected call's uplinkUrl, as the call shows it (a path on this server)
   * @param start contentType and title of the start signal
   * @param handlers onStarted(messageId) once the server named the message; onProgress(acked, sent, total) in
   *     bytes; onLink(connected, retryMs) as the connection drops and comes back; onStored(stored) with the
   *     server's messageId, bytes and sha256; onFailed({code, detail, rejected}); onOutcomeElsewhere(messageId)
   *     when the end was sent but the outcome has to be read from the API
   */
  constructor(uplinkUrl, start, handlers) {
    const url = new URL(`${uplinkUrl}/ws`, location.href);
    url.protocol = url.protocol === 'https:' ? 'wss:' : 'ws:';
    this.#socketUrl = url.href;
    this.#start = start;
    this.#handlers = handlers;
  }

  get messageId() {
    return this.#messageId;
  }

  open() {
    this.#connect();
  }

  /** Adds the next bytes of the reply (a Blob); they go out as soon as the connection allows. */
  add(bytes) {
    if (this.#done || bytes.size === 0) {
      return;
    }
    this.#bytes = new Blob([this.#bytes, bytes]);
    this.#pump();
  }

  /** No more bytes: the end signal follows the last segment. Returns the SHA-256 (hex) it carries. */
  async finish() {
    const digest = await crypto.subtle.digest('SHA-256', await this.#bytes.arrayBuffer());
    this.#sha256 = Array.from(new Uint8Array(digest), (b) => b.toString(16).padStart(2, '0')).join('');
    this.#pump();
    return this.#sha256;
  }

  /** Drops the reply: the server is told when it can be, and nothing is sent any more. */
  abort() {
    if (this.#started && !this.#endSent) {
      this.#socket.send(JSON.stringify({ type: 'abort' }));
    }
    this.#finish();
  }

  #connect() {
    const socket = new WebSocket(this.#socketUrl);
    this.#socket = socket;
    this.#started = false;
    socket.onopen = () => socket.send(JSON.stringify(this.#messageId
      ? { type: 'start', resume: this.#messageId }
      : { type: 'start', ...this.#start }));
    socket.onmessage = (event) => socket === this.#socket && this.#answer(JSON.parse(event.data));
    socket.onclose = () => socket === this.#socket && this.#dropped();
  }

  #answer(answer) {
    if (this.#done) {
      return;
    }
    if (answer.type === 'started') {
      const first = this.#messageId === null;
      this.#messageId = answer.messageId;
      // Every acknowledged byte is kept; anything sent after it goes again.
      this.#sent = answer.offset ?? 0;
      this.#acked = this.#sent;
      this.#started = true;
      this.#endSent = false;
      this.#retryMs = FIRST_RETRY_MS;
      this.#handlers.onLink(true, 0);
      if (first) {
        this.#handlers.onStarted(this.#messageId);
      }
      this.#pump();
    } else if (answer.type === 'ack') {
      this.#acked = answer.offset;
      this.#pump();
    } else if (answer.type === 'stored') {
      this.#finish();
      this.#handlers.onProgress(answer.bytes, answer.bytes, answer.bytes);
      this.#handlers.onStored(answer);
    } else if (answer.type === 'error') {
      this.#refused(answer);
    }
  }

  #refused({ code, detail }) {
    if (code === 'internal') {
      return; // the server closes the connection next, and asks for a resume
    }
    this.#finish();
    if (this.#ended && this.#messageId && OUTCOME_ELSEWHERE.has(code)) {
      this.#handlers.onOutcomeElsewhere(this.#messageId);
    } else {
      this.#handlers.onFailed({ code, detail, rejected: REJECTIONS.has(code) });
    }
  }

  #dropped() {
    if (this.#done) {
      return;
    }
    this.#socket = null;
    this.#started = false;
    this.#handlers.onLink(false, this.#retryMs);
    this.#retry = setTimeout(() => this.#connect(), this.#retryMs);
    this.#retryMs = Math.min(this.#retryMs * 2, LAST_RETRY_MS);
  }

  #pump() {
    if (!this.#started || this.#done) {
      return;
    }
    const total = this.#bytes.size;
    while (this.#sent < total && this.#sent - this.#acked < WINDOW_BYTES) {
      const end = Math.min(total, this.#sent + SEGMENT_BYTES);
      this.#socket.send(this.#bytes.slice(this.#sent, end));
      this.#sent = end;
    }
    if (this.#sha256 && this.#sent === total && !this.#endSent) {
      this.#socket.send(JSON.stringify({ type: 'end', sha256: this.#sha256 }));
      this.#endSent = true;
      this.#ended = true;
    }
    this.#handlers.onProgress(this.#acked, this.#sent, total);
  }

  #finish() {
    this.#done = true;
    clearTimeout(this.#retry);
    const socket = this.#socket;
    this.#socket = null;
    socket?.close();
  }
}
