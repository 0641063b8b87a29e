// Signs one Replycast terminal request with the npm package http-message-signatures (an RFC 9421
// implementation independent of the server's), optionally tampers with it after signing, sends it with
// Node's fetch and prints {"status": ..., "body": ...} as one JSON line.
// Input from the environment: URL, METHOD, BODY (optional), TERMINAL_ID, TERMINAL_SECRET (base64url),
// TAMPER (optional: "path" or "body").
import { createHash, randomBytes } from 'node:crypto';
import { httpbis, createSigner } from 'http-message-signatures';

const { URL: url, METHOD: method = 'GET', BODY: body, TERMINAL_ID: keyid, TERMINAL_SECRET: secret, TAMPER: tamper } =
  process.env;

const headers = {};
const fields = ['@method', '@path'];
if (new URL(url).search) fields.push('@query');
if (body) {
  headers['content-type'] = 'application/json';
  headers['content-digest'] = `sha-256=:${createHash('sha256').update(body).digest('base64')}:`;
  fields.push('content-digest');
}

const signed = await httpbis.signMessage(
  {
    key: createSigner(Buffer.from(secret, 'base64url'), 'hmac-sha256', keyid),
    fields,
    params: ['created', 'nonce', 'keyid', 'alg'],
    paramValues: { nonce: randomBytes(16).toString('hex') },
    name: 'node',
  },
  { method, url, headers },
);

const target = new URL(url);
if (tamper === 'path') target.pathname += '-tampered';
const sentBody = tamper === 'body' ? body.replace(/}$/, ',"tampered":true}') : body;

const response = await fetch(target, { method, headers: signed.headers, body: sentBody });
console.log(JSON.stringify({ status: response.status, body: await response.text() }));
