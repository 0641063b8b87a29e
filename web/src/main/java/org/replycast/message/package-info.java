/**
 * Section 6 of the terminal protocol: {@link org.replycast.message.MessagesResource} lists the signed terminal's
 * own reply messages, shows one ({@link org.replycast.message.MessageView}), and sends its stored bytes with
 * byte ranges; every other message is 404 {@code not-found}. Apart from the protocol, {@link
 * org.replycast.message.MessageCopiesResource} serves administrators the display copy of a stored message.
 */
package org.replycast.message;
