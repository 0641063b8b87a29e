/**
 * The display capability on the web: a channel's venue display page ({@code /display/{channelId}}), its
 * stream of approved messages and their media under {@code /api/v1/display/}, opened with the channel's
 * display key, the moderators' admin API of messages, and the console's moderation queue ({@link
 * org.replycast.display.MessagesPage}) with its media on the console's sign-in.
 */
package org.replycast.display;
