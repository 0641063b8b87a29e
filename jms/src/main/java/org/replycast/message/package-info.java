/**
 * Consumers of the reply pipeline's queues. Each takes a JMS message and makes one call into the storage
 * service (the uplink) or the display copy service (the media worker's jobs); a failure throws, so the broker
 * redelivers and finally dead-letters the message.
 */
package org.replycast.message;
