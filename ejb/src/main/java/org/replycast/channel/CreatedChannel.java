package org.replycast.channel;

/**
 * A channel just created, with the secret that signs its webhooks as its administrator gets it, once.
 *
 * @param forwardSecret base64url of 32 random bytes; the HMAC key is this text's ASCII bytes
 */
public record CreatedChannel(Channel channel, String forwardSecret) {

    /** Keeps the secret out of logs and exception messages. */
    @Override
    public String toString() {
        return "CreatedChannel[" + channel + ", …]";
    }
}
