/**
 * Channels over HTTP: the list that terminals choose from, and the admin resource that creates, shows,
 * changes and removes channels. Both only translate between JSON and {@link
 * org.replycast.channel.ChannelService}.
 */
package org.replycast.channel;
