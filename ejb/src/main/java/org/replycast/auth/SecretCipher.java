package org.replycast.auth;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import java.util.Optional;
import java.util.logging.Logger;
import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.replycast.data.DataDirectory;

/**
 * Encrypts terminal secrets at rest with AES-256-GCM and issues new ones. The key comes from {@code
 * replycast.auth.secret-key} (base64 of 32 bytes, e.g. the environment variable REPLYCAST_AUTH_SECRET_KEY) or,
 * when that is not set, from {@code keys/terminal-secrets.key} in the data directory, created on first use.
 */
@ApplicationScoped
public class SecretCipher {

    static final String KEY_FILE = "keys/terminal-secrets.key";
    private static final String VERSION = "v1:";
    private static final int KEY_BYTES = 32;
    private static final int SECRET_BYTES = 32;
    private static final int IV_BYTES = 12;
    private static final int TAG_BITS = 128;
    private static final String TRANSFORMATION = "AES/GCM/NoPadding";
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final Logger LOG = Logger.getLogger(SecretCipher.class.getName());

    /** A new terminal secret: once as the terminal gets it, and as it is stored. */
    public record IssuedSecret(String forTerminal, String ciphertext) {

        /** Keeps the secret out of logs and exception messages. */
        @Override
        public String toString() {
            return "IssuedSecret[…]";
        }
    }

    @Inject
    @ConfigProperty(name = "replycast.auth.secret-key")
    Optional<String> configuredKey;

    @Inject
    DataDirectory dataDirectory;

    private SecretKey key;

    /** For CDI. */
    protected SecretCipher() {}

    SecretCipher(SecretKey key) {
        this.key = key;
    }

    @PostConstruct
    void loadKey() {
        if (configuredKey.isPresent()) {
            key = decodeKey(configuredKey.get(), "replycast.auth.secret-key");
            LOG.info("terminal secrets are encrypted with the key from replycast.auth.secret-key");
        } else {
            key = loadOrCreateKey(dataDirectory.resolve(KEY_FILE));
        }
    }

    /** A new secret of 32 random bytes, as base64url without padding for the terminal and encrypted. */
    public IssuedSecret issueSecret() {
        byte[] secret = new byte[SECRET_BYTES];
        RANDOM.nextBytes(secret);
        try {
            return new IssuedSecret(Base64.getUrlEncoder().withoutPadding().encodeToString(secret), encrypt(secret));
        } finally {
            Arrays.fill(secret, (byte) 0);
        }
    }

    /** The secret encrypted under a fresh random IV, as {@code v1:} and base64 of IV, ciphertext and tag. */
    public String encrypt(byte[] secret) {
        byte[] iv = new byte[IV_BYTES];
        RANDOM.nextBytes(iv);
        try {
            Cipher cipher = cipher(Cipher.ENCRYPT_MODE, iv);
            byte[] sealed = cipher.doFinal(secret);
            return VERSION
                    + Base64.getEncoder()
                            .encodeToString(ByteBuffer.allocate(IV_BYTES + sealed.length)
                                    .put(iv)
                                    .put(sealed)
                                    .array());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is part of every Java platform", e);
        }
    }

    /**
     * The secret that {@link #encrypt} encrypted.
     *
     * @throws IllegalArgumentException when the text is not a ciphertext of this format
     * @throws IllegalStateException when it does not decrypt: another key, or damaged
     */
    public byte[] decrypt(String ciphertext) {
        if (ciphertext == null || !ciphertext.startsWith(VERSION)) {
            throw new IllegalArgumentException("not a " + VERSION + " terminal secret ciphertext");
        }
        byte[] sealed;
        try {
            sealed = Base64.getDecoder().decode(ciphertext.substring(VERSION.length()));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("a terminal secret ciphertext that is not base64");
        }
        if (sealed.length < IV_BYTES + TAG_BITS / 8) {
            throw new IllegalArgumentException("a terminal secret ciphertext too short to be one");
        }
        try {
            Cipher cipher = cipher(Cipher.DECRYPT_MODE, Arrays.copyOf(sealed, IV_BYTES));
            return cipher.doFinal(sealed, IV_BYTES, sealed.length - IV_BYTES);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(
                    "a terminal secret does not decrypt: it was encrypted with another key, or is damaged");
        }
    }

    private Cipher cipher(int mode, byte[] iv) throws GeneralSecurityException {
        Cipher cipher = Cipher.getInstance(TRANSFORMATION);
        cipher.init(mode, key, new GCMParameterSpec(TAG_BITS, iv));
        // The version is authenticated too, so a ciphertext cannot be passed off as another format's.
        cipher.updateAAD(VERSION.getBytes(StandardCharsets.US_ASCII));
        return cipher;
    }

    /**
     * Reads the key file, or creates it with a new random key readable by its owner only. Creation is atomic:
     * the key is written to a temporary file and hard-linked to its name, which fails if another thread or
     * node sharing the data directory got there first, and then everyone reads the one that won.
     */
    static SecretKey loadOrCreateKey(Path file) {
        try {
            if (!Files.exists(file)) {
                createKeyFile(file);
            }
            return decodeKey(Files.readString(file, StandardCharsets.US_ASCII), file.toString());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read or create the terminal secrets key " + file, e);
        }
    }

    private static void createKeyFile(Path file) throws IOException {
        Path dir = file.getParent();
        Files.createDirectories(dir, ownerOnly("rwx------"));
        Path temp = Files.createTempFile(dir, ".terminal-secrets", ".tmp", ownerOnly("rw-------"));
        try {
            byte[] newKey = new byte[KEY_BYTES];
            RANDOM.nextBytes(newKey);
            try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.WRITE)) {
                channel.write(ByteBuffer.wrap(Base64.getEncoder().encode(newKey)));
                channel.force(true);
            } finally {
                Arrays.fill(newKey, (byte) 0);
            }
            try {
                Files.createLink(file, temp);
                LOG.info(() -> "created the key for terminal secrets in " + file
                        + "; keep it with the database backups (or set REPLYCAST_AUTH_SECRET_KEY)");
            } catch (FileAlreadyExistsException taken) {
                // another thread or node created it first; its key is the one
            }
        } finally {
            Files.deleteIfExists(temp);
        }
    }

    /** The given POSIX permissions where the file system has them; elsewhere the platform's defaults. */
    private static FileAttribute<?>[] ownerOnly(String permissions) {
        return FileSystems.getDefault().supportedFileAttributeViews().contains("posix")
                ? new FileAttribute<?>[] {
                    PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString(permissions))
                }
                : new FileAttribute<?>[0];
    }

    private static SecretKey decodeKey(String base64, String source) {
        byte[] bytes;
        try {
            bytes = Base64.getDecoder().decode(base64.strip());
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("the terminal secrets key in " + source + " is not base64");
        }
        if (bytes.length != KEY_BYTES) {
            throw new IllegalStateException("the terminal secrets key in " + source + " must be " + KEY_BYTES
                    + " bytes in base64; it has " + bytes.length);
        }
        return new SecretKeySpec(bytes, "AES");
    }
}
