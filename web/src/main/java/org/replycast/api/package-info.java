/**
 * The HTTP API's frame: the JAX-RS application under {@code /api}, and the one exception mapper that turns
 * every error into RFC 9457 problem details with the codes of the terminal protocol.
 */
package org.replycast.api;
