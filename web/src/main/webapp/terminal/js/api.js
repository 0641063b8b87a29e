/**
 * The terminal API as the page uses it: every request signed by a {@link RequestSigner}, answers as JSON, and
 * refusals as {@link ApiProblem}s carrying the problem details (RFC 9457) that the server wrote for a person.
 */

const JSON_TYPE = 'application/json';

/** A refusal of the server, or a failure to reach it, with a title and a detail a person can act on. */
export class ApiProblem extends Error {
  constructor(status, code, title, detail) {
    super(detail || title);
    this.status = status;
    /** The protocol's code: the last segment of the problem type, such as "clock-skew". */
    this.code = code;
    this.title = title;
    this.detail = detail;
  }

  static async of(response) {
    let problem = {};
    try {
      problem = await response.json();
    } catch {
      // Not problem details (a proxy's error page, say): the status line is all there is.
    }
    const code = typeof problem.type === 'string' ? problem.type.split('/').pop() : '';
    return new ApiProblem(
      response.status, code, problem.title || `HTTP ${response.status} ${response.statusText}`, problem.detail || '');
  }

  static unreachable(error) {
    return new ApiProblem(0, 'unreachable', 'The server cannot be reached', `${error.message}. Check the network.`);
  }
}

export class TerminalApi {
  constructor(signer) {
    this.signer = signer;
  }

  get terminalId() {
    return this.signer.terminalId;
  }

  /** Who the server says signed, and how far the device clock is from the server's (ms, server minus device). */
  async check() {
    const sent = Date.now();
    const answer = await this.request('GET', '/api/v1/terminal');
    const received = Date.now();
    const offsetMs = Date.parse(answer.serverTime) - (sent + received) / 2;
    this.signer.clockOffsetMs = offsetMs;
    return { terminalId: answer.terminalId, offsetMs };
  }

  channels() {
    return this.request('GET', '/api/v1/channels');
  }

  /** The terminal's active calls, RINGING and CONNECTED. */
  activeCalls() {
    return this.request('GET', '/api/v1/calls');
  }

  /** Starts a call on the channel to the destination, or to this terminal when it is empty. */
  startCall(channelId, destinationTerminalId) {
    const body = { channelId };
    if (destinationTerminalId) {
      body.destinationTerminalId = destinationTerminalId;
    }
    return this.request('POST', '/api/v1/calls', body);
  }

  answer(callId) {
    return this.request('POST', `/api/v1/calls/${encodeURIComponent(callId)}/answer`);
  }

  decline(callId) {
    return this.request('POST', `/api/v1/calls/${encodeURIComponent(callId)}/decline`);
  }

  release(callId) {
    return this.request('DELETE', `/api/v1/calls/${encodeURIComponent(callId)}`);
  }

  /** The terminal's own reply messages, oldest first. */
  messages() {
    return this.request('GET', '/api/v1/messages');
  }

  message(messageId) {
    return this.request('GET', `/api/v1/messages/${encodeURIComponent(messageId)}`);
  }

  /** A signed request with an optional JSON body; the answer's JSON, or an ApiProblem thrown. */
  async request(method, path, json) {
    const body = json === undefined ? null : new TextEncoder().encode(JSON.stringify(json));
    const response = await this.fetch(method, path, { body, accept: JSON_TYPE });
    if (!response.ok) {
      throw await ApiProblem.of(response);
    }
    return response.json();
  }

  /**
   * Sends one signed request and returns the response as it comes, for callers that read the body themselves
   * (the event stream). A refusal for clock skew is retried once, signed with the server's time taken from the
   * refusal's Date field, so a device whose clock is off still gets in and the sign-in check can say by how much.
   */
  async fetch(method, path, { body = null, accept = JSON_TYPE, signal } = {}) {
    const url = new URL(path, location.origin);
    const send = async () => {
      const headers = { Accept: accept, ...(await this.signer.sign(method, url, body)) };
      if (body) {
        headers['Content-Type'] = JSON_TYPE;
      }
      try {
        return await fetch(url, { method, headers, body, signal, cache: 'no-store', credentials: 'omit' });
      } catch (error) {
        throw signal?.aborted ? error : ApiProblem.unreachable(error);
      }
    };
    const sent = Date.now();
    const response = await send();
    if (response.status === 401 && response.headers.has('Date')) {
      const problem = await ApiProblem.of(response.clone());
      if (problem.code === 'clock-skew') {
        this.signer.clockOffsetMs = Date.parse(response.headers.get('Date')) - (sent + Date.now()) / 2;
        return send();
      }
    }
    return response;
  }
}
