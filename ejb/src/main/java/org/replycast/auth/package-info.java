/**
 * The authentication server: verifies a terminal's signed request (RFC 9421 HTTP Message Signatures with
 * hmac-sha256 and an RFC 9530 Content-Digest, as the terminal protocol's section 2 asks), refuses replays and
 * locks a keyid out after repeated failures, and keeps the terminals' secrets encrypted at rest. {@link
 * org.replycast.auth.AuthenticationService} is the entry point; the verifier and its parsers are plain Java,
 * the nonce and lockout state lives in WildFly Infinispan caches.
 */
package org.replycast.auth;
