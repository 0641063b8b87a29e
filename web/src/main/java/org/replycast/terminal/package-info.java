/**
 * Terminals over HTTP for administrators: {@link org.replycast.terminal.AdminTerminalsResource} registers,
 * lists, changes, rotates the secret of and removes terminals, translating strict JSON bodies to and from
 * {@link org.replycast.terminal.TerminalService}; the views never carry a stored secret. The console's
 * terminals page ({@link org.replycast.terminal.TerminalsPage}) does the same for people signed in to the console.
 */
package org.replycast.terminal;
