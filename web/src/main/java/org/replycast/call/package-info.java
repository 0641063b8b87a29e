/**
 * Calls over HTTP (PROTOCOL.md, section 3): the signed terminal's calls, its Server-Sent Events stream of
 * call changes, and the administrators' view and ending of calls, in the API and on the console's Calls
 * page ({@link org.replycast.call.CallsPage}). The resources read the caller from the
 * JAX-RS security context and only translate between HTTP and {@link
 * org.replycast.call.CallProcessingService}.
 */
package org.replycast.call;
