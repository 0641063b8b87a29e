/**
 * The display capability: what happens to a reply once it is stored. {@link
 * org.replycast.display.ModerationService} approves it at once or leaves it to a moderator (with a title
 * filter per channel); {@link org.replycast.display.ForwardingService} writes the webhooks of the forwarding
 * outbox in the transaction of the change, and {@link org.replycast.display.ForwardingScheduler} delivers them
 * with retries; {@link org.replycast.display.DisplayService} opens a channel's display with its key and finds
 * what it plays.
 */
package org.replycast.display;
