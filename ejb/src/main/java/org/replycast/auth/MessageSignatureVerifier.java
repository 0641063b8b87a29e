package org.replycast.auth;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.replycast.persistence.IdentifierRule;
import org.replycast.problem.ProblemException;
import org.replycast.problem.ProblemType;

/**
 * Verifies a terminal's signed request as the terminal protocol (section 2) asks: the components and
 * parameters its one RFC 9421 signature must have, the Content-Digest, the HMAC-SHA256 with a given key, and
 * the signature's time. Free of state and of the container, thread-safe;
 * {@link AuthenticationService} looks up the key and keeps nonces and lockouts.
 */
public final class MessageSignatureVerifier {

    static final String ALGORITHM = "hmac-sha256";
    static final int MIN_NONCE_LENGTH = 16;
    static final int MAX_NONCE_LENGTH = 256;
    private static final String HMAC = "HmacSHA256";

    private final Clock clock;
    private final Duration allowedSkew;

    public MessageSignatureVerifier(Clock clock, Duration allowedSkew) {
        this.clock = clock;
        this.allowedSkew = allowedSkew;
    }

    /**
     * Checks that a request's signature covers and carries what the protocol requires.
     *
     * @throws ProblemException {@code signature-missing} naming what is absent or malformed
     */
    public void requireProtocol(SignedRequest request, SignatureInput signature) {
        if (signature.algorithm() != null && !ALGORITHM.equals(signature.algorithm())) {
            throw missing("The algorithm " + signature.algorithm() + " is not supported; sign with " + ALGORITHM + ".");
        }
        requireCovered(signature, "@method", true);
        requireCovered(signature, "@path", true);
        requireCovered(signature, "@query", request.hasQuery());
        requireCovered(signature, "content-digest", request.hasBody());
        if (signature.keyId() == null || !IdentifierRule.isValid(signature.keyId())) {
            throw missing("The signature parameter keyid must be the terminal id: 1 to 64 of A-Z a-z 0-9 . _ -.");
        }
        if (signature.created() == null) {
            throw missing("The signature parameter created (Unix seconds) is required.");
        }
        String nonce = signature.nonce();
        if (nonce == null || nonce.length() < MIN_NONCE_LENGTH || nonce.length() > MAX_NONCE_LENGTH) {
            throw missing("The signature parameter nonce is required: " + MIN_NONCE_LENGTH + " to " + MAX_NONCE_LENGTH
                    + " characters, new for every request.");
        }
    }

    /**
     * Checks the body against a covered Content-Digest and the signature against the HMAC-SHA256 of the
     * signature base under the key. Takes the same time whether or not the key is the terminal's.
     *
     * @throws ProblemException {@code signature-invalid} when the request is not the one signed with the key
     */
    public void verify(SignedRequest request, SignatureInput signature, byte[] key) {
        String base = SignatureBase.of(request, signature);
        if (signature.covers("content-digest")
                && !ContentDigest.matches(String.join(", ", request.field("content-digest")), request.body())) {
            throw new ProblemException(ProblemType.SIGNATURE_INVALID, "Content-Digest does not match the body.");
        }
        if (!MessageDigest.isEqual(hmacSha256(key, base), signature.signature())) {
            throw invalidSignature();
        }
    }

    /**
     * Checks that the signature was created within the allowed skew of the server's clock, either way, and has
     * not expired.
     *
     * @throws ProblemException {@code clock-skew} otherwise
     */
    public void requireFresh(SignatureInput signature) {
        long now = clock.instant().getEpochSecond();
        long skew = allowedSkew.toSeconds();
        if (Math.abs(now - signature.created()) > skew) {
            throw new ProblemException(
                    ProblemType.CLOCK_SKEW,
                    "The signature was created at " + signature.created() + " (Unix seconds), the server's clock"
                            + " says " + now + ": more than the allowed " + skew
                            + " s apart. Set the terminal's clock.");
        }
        if (signature.expires() != null && signature.expires() + skew < now) {
            throw new ProblemException(
                    ProblemType.CLOCK_SKEW,
                    "The signature expired at " + signature.expires() + " (Unix seconds); the server's clock says "
                            + now + ".");
        }
    }

    /**
     * How long from now the same signature would still pass {@link #requireFresh}, so how long its nonce must
     * be remembered to refuse a replay.
     */
    public Duration replayWindow(SignatureInput signature) {
        long acceptedUntil = signature.created() + allowedSkew.toSeconds();
        return Duration.ofSeconds(Math.max(0, acceptedUntil - clock.instant().getEpochSecond()) + 1);
    }

    /**
     * The one answer for a signature that does not verify, whether the keyid is unknown or the signature
     * wrong, so that a client cannot tell which terminal ids exist.
     */
    static ProblemException invalidSignature() {
        return new ProblemException(
                ProblemType.SIGNATURE_INVALID,
                "The signature does not verify. Check the terminal id (keyid), its secret and the signature base.");
    }

    static byte[] hmacSha256(byte[] key, String signatureBase) {
        try {
            Mac mac = Mac.getInstance(HMAC);
            mac.init(new SecretKeySpec(key, HMAC));
            // The base is ASCII by RFC 9421; Latin-1 keeps any other header octets as the server received them.
            return mac.doFinal(signatureBase.getBytes(StandardCharsets.ISO_8859_1));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA256 is part of every Java platform", e);
        }
    }

    private static void requireCovered(SignatureInput signature, String component, boolean required) {
        if (required && !signature.covers(component)) {
            throw missing("The signature must cover \"" + component + "\" (covered: "
                    + String.join(" ", signature.components()) + ").");
        }
    }

    private static ProblemException missing(String detail) {
        return new ProblemException(ProblemType.SIGNATURE_MISSING, detail);
    }
}
