/**
 * Reply messages on their way in. {@link org.replycast.message.UplinkService} is what every gateway uses
 * (WebSocket and tus): {@code open} (the start signal: the row {@code RECEIVING}, a start marker, an idle
 * timer), {@code append} (segments of at most 1 MiB, each a persistent BytesMessage with the duplicate id
 * {@code <messageId>:<offset>}, durable when the call returns, so that offset may be acknowledged), {@code end}
 * (length and SHA-256), {@code abort}, {@code suspend} (the connection dropped: {@code INCOMPLETE}) and {@code
 * resume} (a new connection of the same call continues at the offset the storage side has durably taken). All
 * parts of a reply travel in order in one JMS group (the message id) on the queue {@code UplinkSegments}
 * ({@link org.replycast.message.UplinkSegmentPublisher}); {@link org.replycast.message.StorageService}, called by
 * the queue's consumer, appends them idempotently by offset to {@link org.replycast.message.MessageFiles} (fsync
 * before commit), and at the end checks, probes and stores or rejects. A gateway learns the outcome from the
 * message's row ({@code find}), which any node can read. {@link org.replycast.message.MessageScheduler} gives up a
 * reply whose sender stayed away for {@code replycast.messages.incomplete-after}; {@link
 * org.replycast.message.MessageService} serves a terminal its own stored messages; every committed state change
 * is announced on the topic {@code MessageEvents} ({@link org.replycast.message.MessageEventPublisher}). A stored
 * reply gets a job on the queue {@code MediaJobs} in the transaction that stores it ({@link
 * org.replycast.message.MediaJobPublisher}); {@link org.replycast.message.DisplayCopyService}, called by its
 * consumer, makes the reply's playable copy and thumbnail beside the untouched original. {@link
 * org.replycast.message.MessageRetentionScheduler} removes messages past their channel's retention and a
 * terminal's earliest stored ones over its quota ({@link org.replycast.message.RetentionPolicy}).
 */
package org.replycast.message;
