/**
 * Channels over HTTP: the list that terminals choose from, the admin resource that creates, shows,
 * changes and removes channels, and the console's Channels page ({@link org.replycast.channel.ChannelsPage},
 * with its {@link org.replycast.channel.ChannelForm}). All only translate between JSON or a form and {@link
 * org.replycast.channel.ChannelService}.
 */
package org.replycast.channel;
