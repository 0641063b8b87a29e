/**
 * Terminals for administrators: registration with a secret shown once, changes, schedules, disabling,
 * secret rotation and removal, through {@link org.replycast.terminal.TerminalService}.
 */
package org.replycast.terminal;
