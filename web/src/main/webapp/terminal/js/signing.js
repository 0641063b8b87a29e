/**
 * Signs terminal requests as PROTOCOL.md section 2 requires: HTTP Message Signatures (RFC 9421, hmac-sha256
 * keyed with the terminal's secret) over "@method", "@path", "@query" when there is a query and
 * "content-digest" (RFC 9530, sha-256) when there is a body, with keyid, created and a fresh nonce. WebCrypto
 * only; every feature of the page that talks to the terminal API signs through here.
 */

const LABEL = 'sig1';

/** A terminal's signing key and clock correction; the secret itself is not kept once imported. */
export class RequestSigner {
  #key;

  constructor(terminalId, key) {
    this.terminalId = terminalId;
    this.#key = key;
    /** Added to the device clock for "created": the server's time minus the device's, as last measured. */
    this.clockOffsetMs = 0;
  }

  /** @param secret the terminal's secret as the administrator got it: base64url */
  static async create(terminalId, secret) {
    const key = await crypto.subtle.importKey(
      'raw', base64UrlDecode(secret), { name: 'HMAC', hash: 'SHA-256' }, false, ['sign']);
    return new RequestSigner(terminalId, key);
  }

  /**
   * The header fields that sign one request.
   *
   * @param method the HTTP method, as sent
   * @param url the absolute URL, as sent (a URL object)
   * @param body the body's exact bytes (Uint8Array), or null for none
   */
  async sign(method, url, body) {
    const components = ['@method', '@path'];
    const lines = [`"@method": ${method}`, `"@path": ${url.pathname}`];
    if (url.search) {
      components.push('@query');
      lines.push(`"@query": ${url.search}`);
    }
    const headers = {};
    if (body && body.length > 0) {
      const digest = new Uint8Array(await crypto.subtle.digest('SHA-256', body));
      headers['Content-Digest'] = `sha-256=:${base64(digest)}:`;
      components.push('content-digest');
      lines.push(`"content-digest": ${headers['Content-Digest']}`);
    }
    const created = Math.floor((Date.now() + this.clockOffsetMs) / 1000);
    const params = `(${components.map((c) => `"${c}"`).join(' ')});created=${created};nonce="${nonce()}"`
      + `;keyid="${this.terminalId}";alg="hmac-sha256"`;
    lines.push(`"@signature-params": ${params}`);
    const mac = await crypto.subtle.sign('HMAC', this.#key, new TextEncoder().encode(lines.join('\n')));
    headers['Signature-Input'] = `${LABEL}=${params}`;
    headers.Signature = `${LABEL}=:${base64(new Uint8Array(mac))}:`;
    return headers;
  }
}

/** 128 random bits as 32 hex digits: unique per request, well over the 16 characters the server asks for. */
function nonce() {
  return Array.from(crypto.getRandomValues(new Uint8Array(16)), (b) => b.toString(16).padStart(2, '0')).join('');
}

function base64(bytes) {
  return btoa(String.fromCharCode(...bytes));
}

function base64UrlDecode(text) {
  const plain = text.trim().replace(/=+$/, '');
  // A length of 4n + 1 characters encodes no whole byte, so it is not base64 either.
  if (!/^[A-Za-z0-9_-]+$/.test(plain) || plain.length % 4 === 1) {
    throw new TypeError('The secret is not base64url text (letters, digits, "-" and "_").');
  }
  const binary = atob(plain.replace(/-/g, '+').replace(/_/g, '/') + '='.repeat((4 - (plain.length % 4)) % 4));
  return Uint8Array.from(binary, (c) => c.charCodeAt(0));
}
