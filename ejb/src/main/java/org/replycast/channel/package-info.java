/**
 * Channels: a camera and microphone at a place, with the limits and settings that call processing, the
 * distribution and the reply pipeline apply. {@link org.replycast.channel.ChannelService} is their one
 * entry point for the web and JMS sides.
 */
package org.replycast.channel;
