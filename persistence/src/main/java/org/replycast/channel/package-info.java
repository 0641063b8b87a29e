/**
 * Channels: a camera and microphone at a place, with the limits that apply to the calls and reply messages
 * that use it, how its messages are moderated and where they are forwarded, and the state of its live
 * distribution. {@link org.replycast.channel.Channel} is the entity and {@link
 * org.replycast.channel.ChannelRepository} finds and stores it.
 */
package org.replycast.channel;
