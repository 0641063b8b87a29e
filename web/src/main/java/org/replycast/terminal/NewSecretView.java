package org.replycast.terminal;

/** A terminal's rotated secret, base64url, shown this once. */
public record NewSecretView(String secret) {

    @Override
    public String toString() {
        return "NewSecretView[…]"; // never the secret, not even in a log
    }
}
