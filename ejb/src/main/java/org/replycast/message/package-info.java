/**
 * Reply messages on their way in: the publisher that puts a reply's start marker, segments and end marker
 * on the {@code UplinkSegments} queue, and the storage service that the queue's consumer calls.
 */
package org.replycast.message;
