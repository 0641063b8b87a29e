package org.replycast.auth;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import javax.crypto.SecretKey;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Terminal secrets at rest: AES-256-GCM under a key that is configured or created once. */
class SecretCipherTest {

    @TempDir
    Path dataDir;

    private SecretCipher cipher() {
        return new SecretCipher(SecretCipher.loadOrCreateKey(dataDir.resolve(SecretCipher.KEY_FILE)));
    }

    @Test
    void aSecretDecryptsToWhatWasEncrypted() {
        byte[] secret = "thirty-two bytes of terminal key".getBytes();

        assertArrayEquals(secret, cipher().decrypt(cipher().encrypt(secret)));
    }

    @Test
    void everyEncryptionHasItsOwnIvAndAVersionPrefix() {
        SecretCipher cipher = cipher();
        String first = cipher.encrypt(new byte[32]);
        String second = cipher.encrypt(new byte[32]);

        assertNotEquals(first, second);
        assertTrue(first.startsWith("v1:"), first);
    }

    @Test
    void anIssuedSecretIs32RandomBytesInBase64UrlThatTheCiphertextHolds() {
        SecretCipher cipher = cipher();
        SecretCipher.IssuedSecret issued = cipher.issueSecret();

        byte[] secret = Base64.getUrlDecoder().decode(issued.forTerminal());
        assertEquals(32, secret.length);
        assertFalse(issued.forTerminal().contains("="));
        assertArrayEquals(secret, cipher.decrypt(issued.ciphertext()));
        assertFalse(issued.toString().contains(issued.forTerminal()), "never in a log line");
        assertNotEquals(issued.forTerminal(), cipher.issueSecret().forTerminal());
    }

    @Test
    void aTamperedCiphertextOrAnotherKeyDoesNotDecrypt(@TempDir Path otherDataDir) {
        String ciphertext = cipher().encrypt(new byte[32]);
        char[] chars = ciphertext.toCharArray();
        chars[10] = chars[10] == 'A' ? 'B' : 'A';
        SecretCipher other = new SecretCipher(SecretCipher.loadOrCreateKey(otherDataDir.resolve("k")));

        assertThrows(IllegalStateException.class, () -> cipher().decrypt(new String(chars)));
        assertThrows(IllegalStateException.class, () -> other.decrypt(ciphertext));
        assertThrows(IllegalArgumentException.class, () -> cipher().decrypt("not-a-real-secret"));
    }

    @Test
    void theKeyFileIsCreatedOnceReadableByItsOwnerOnly() throws Exception {
        Path keyFile = dataDir.resolve(SecretCipher.KEY_FILE);
        String ciphertext = cipher().encrypt(new byte[] {1, 2, 3});

        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(keyFile)));
        assertEquals("rwx------", PosixFilePermissions.toString(Files.getPosixFilePermissions(keyFile.getParent())));
        assertEquals(32, Base64.getDecoder().decode(Files.readString(keyFile)).length);
        assertArrayEquals(new byte[] {1, 2, 3}, cipher().decrypt(ciphertext), "the next start reads the same key");
        assertEquals(List.of(keyFile.getFileName()), fileNames(keyFile.getParent()), "no temporary files left");
    }

    @Test
    void threadsCreatingTheKeyAtOnceAllGetTheSameKey() throws Exception {
        Path keyFile = dataDir.resolve(SecretCipher.KEY_FILE);
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Callable<SecretKey>> loads = new ArrayList<>();
            for (int i = 0; i < 16; i++) {
                loads.add(() -> SecretCipher.loadOrCreateKey(keyFile));
            }
            Set<String> keys = new HashSet<>();
            for (Future<SecretKey> key : pool.invokeAll(loads)) {
                keys.add(Base64.getEncoder().encodeToString(key.get().getEncoded()));
            }
            assertEquals(1, keys.size());
        } finally {
            pool.shutdownNow();
        }
    }

    private static List<Path> fileNames(Path dir) throws Exception {
        try (var files = Files.list(dir)) {
            return files.map(Path::getFileName).toList();
        }
    }
}
