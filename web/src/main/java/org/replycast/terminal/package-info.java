/**
 * Terminals over HTTP for administrators: {@link org.replycast.terminal.AdminTerminalsResource} registers,
 * lists, changes, rotates the secret of and removes terminals, translating strict JSON bodies to and from
 * {@link org.replycast.terminal.TerminalService}; the views never carry a stored secret.
 */
package org.replycast.terminal;
