/**
 * The signed terminal's call events (GET /api/v1/events, Server-Sent Events) read with fetch and a streaming
 * body reader, because EventSource cannot send the signature fields. A stream that ends, fails or goes quiet
 * is opened again with a fresh signature, after a delay that grows while the server stays unreachable.
 */

import { ApiProblem } from './api.js';

const FIRST_RETRY_MS = 1000;
const LAST_RETRY_MS = 30000;
// The server sends a comment every 20 s; a stream silent for longer has died somewhere on the way.
const SILENCE_MS = 45000;

export class CallEventStream {
  #api;
  #handlers;
  #abort = null;
  #stopped = true;

  /**
   * @param handlers onOpen() each time the stream is (re)opened, so missed changes can be fetched; onCall(call)
   *     for each call event; onTrouble(problem, retrying) when it drops (retrying false: it gave up, as for a
   *     secret that no longer verifies)
   */
  constructor(api, handlers) {
    this.#api = api;
    this.#handlers = handlers;
  }

  start() {
    this.#stopped = false;
    this.#run();
  }

  stop() {
    this.#stopped = true;
    this.#abort?.abort();
  }

  async #run() {
    let retryMs = FIRST_RETRY_MS;
    while (!this.#stopped) {
      this.#abort = new AbortController();
      try {
        const response = await this.#api.fetch('GET', '/api/v1/events', {
          accept: 'text/event-stream', signal: this.#abort.signal,
        });
        if (!response.ok) {
          throw await ApiProblem.of(response);
        }
        retryMs = FIRST_RETRY_MS;
        this.#handlers.onOpen();
        await this.#read(response.body);
        throw new ApiProblem(0, 'ended', 'The event stream ended', 'Listening again.');
      } catch (error) {
        if (this.#stopped) {
          return;
        }
        const problem = error instanceof ApiProblem ? error : ApiProblem.unreachable(error);
        // A refused signature or a disabled terminal stays refused; anything else may pass.
        const retrying = problem.status !== 401 && problem.status !== 403;
        this.#handlers.onTrouble(problem, retrying);
        if (!retrying) {
          return;
        }
      }
      await new Promise((resolve) => setTimeout(resolve, retryMs));
      retryMs = Math.min(retryMs * 2, LAST_RETRY_MS);
    }
  }

  async #read(body) {
    const reader = body.pipeThrough(new TextDecoderStream()).getReader();
    const parser = new EventParser((name, data) => {
      if (name === 'call') {
        this.#handlers.onCall(JSON.parse(data));
      }
    });
    const silent = () => this.#abort.abort(
      new ApiProblem(0, 'silent', 'The event stream went silent', 'Listening again.'));
    let watchdog = setTimeout(silent, SILENCE_MS);
    try {
      for (;;) {
        const { value, done } = await reader.read();
        if (done) {
          return;
        }
        clearTimeout(watchdog);
        watchdog = setTimeout(silent, SILENCE_MS);
        parser.push(value);
      }
    } finally {
      clearTimeout(watchdog);
    }
  }
}

/** The event stream format of the HTML standard, fed text as it arrives in chunks of any size. */
class EventParser {
  #buffer = '';
  #name = '';
  #data = [];

  constructor(dispatch) {
    this.dispatch = dispatch;
  }

  push(text) {
    this.#buffer += text;
    // A "\r" at the very end may be the first half of "\r\n": it waits for the next chunk.
    const complete = this.#buffer.endsWith('\r') ? this.#buffer.slice(0, -1) : this.#buffer;
    const lines = complete.split(/\r\n|\r|\n/);
    // The last piece has no line end yet.
    this.#buffer = lines.pop() + this.#buffer.slice(complete.length);
    lines.forEach((line) => this.#line(line));
  }

  #line(line) {
    if (line === '') {
      if (this.#data.length > 0) {
        this.dispatch(this.#name || 'message', this.#data.join('\n'));
      }
      this.#name = '';
      this.#data = [];
      return;
    }
    if (line.startsWith(':')) {
      return;
    }
    const colon = line.indexOf(':');
    const field = colon < 0 ? line : line.slice(0, colon);
    const value = colon < 0 ? '' : line.slice(colon + 1).replace(/^ /, '');
    if (field === 'event') {
      this.#name = value;
    } else if (field === 'data') {
      this.#data.push(value);
    }
  }
}
