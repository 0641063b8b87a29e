/**
 * The HTTP API's frame: the JAX-RS application under {@code /api}, the one exception mapper that turns
 * every error into RFC 9457 problem details with the codes of the terminal protocol, the strict reader of
 * JSON request bodies, the one JSON-B instance for all bodies, and the page that lists answer with.
 */
package org.replycast.api;
