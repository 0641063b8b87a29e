package org.replycast.testing;

import jakarta.enterprise.context.RequestScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.io.IOException;
import java.nio.file.Files;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Map;
import java.util.UUID;
import org.replycast.message.Message;
import org.replycast.message.MessageChanged;
import org.replycast.message.MessageFiles;
import org.replycast.message.StorageService;

/**
 * {@code /api/it/stored-replies}, in test deployments only: stands in for the gateway and the storage server
 * while they are built, doing what the storage server does when a reply's end signal checks out (the bytes
 * in their place, the message {@code STORED}, {@link MessageChanged} in the same transaction), or leaving
 * the message {@code RECEIVING} as after a start signal.
 */
@Path("/it/stored-replies")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class StoredRepliesResource {

    @Inject
    StorageService storage;

    @Inject
    MessageFiles files;

    @Inject
    Event<MessageChanged> changed;

    @POST
    @Consumes(MediaType.APPLICATION_OCTET_STREAM)
    @Transactional
    public Map<String, Object> store(
            @QueryParam("callId") String callId,
            @QueryParam("contentType") String contentType,
            @QueryParam("title") String title,
            @QueryParam("end") boolean end,
            byte[] media)
            throws IOException, NoSuchAlgorithmException {
        Message message = storage.begin(UUID.randomUUID().toString(), callId, contentType, title);
        changed.fire(MessageChanged.of(message));
        String sha256 =
                HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(media));
        if (end) {
            var file = files.of(message);
            Files.createDirectories(file.getParent());
            Files.write(file, media);
            message.append(media.length);
            message.store(media.length, sha256, null, Instant.now());
            changed.fire(MessageChanged.of(message));
        }
        return Map.of("messageId", message.getMessageId(), "bytes", media.length, "sha256", sha256);
    }
}
