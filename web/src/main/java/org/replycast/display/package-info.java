/**
 * The display capability on the web: a channel's venue display page ({@code /display/{channelId}}), its
 * stream of approved messages and their media under {@code /api/v1/display/}, opened with the channel's
 * display key, and the moderators' admin API of messages.
 */
package org.replycast.display;
