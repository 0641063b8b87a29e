/**
 * The consumer of the {@code CallEvents} topic: on every node it turns each call change into a CDI event,
 * which the node's terminal event streams and token cache follow.
 */
package org.replycast.call;
