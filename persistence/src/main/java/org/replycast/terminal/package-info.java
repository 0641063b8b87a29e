/**
 * Terminals: the phones, browsers, set-top apps and venue screens that administrators register, each with
 * its identification number, its encrypted secret and whether it may be used. {@link
 * org.replycast.terminal.Terminal} is the entity and {@link org.replycast.terminal.TerminalRepository} finds
 * and stores it; authentication and administration live in the services that use them.
 */
package org.replycast.terminal;
