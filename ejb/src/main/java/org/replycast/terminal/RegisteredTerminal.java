package org.replycast.terminal;

/**
 * A terminal just registered, with its secret (base64url) in the clear: the one time the secret is shown,
 * since the database keeps only its ciphertext.
 */
public record RegisteredTerminal(Terminal terminal, String secret) {

    @Override
    public String toString() {
        return "RegisteredTerminal[" + terminal.getTerminalId() + "]"; // never the secret, not even in a log
    }
}
