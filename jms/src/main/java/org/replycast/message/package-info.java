/**
 * Consumers of the reply pipeline's destinations. Each takes a JMS message and makes one call into the
 * services, or announces it on this node; a failure throws, so the broker redelivers and finally
 * dead-letters the message.
 */
package org.replycast.message;
