package org.replycast.display;

import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.SecurityContext;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Arrays;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.replycast.api.JsonBody;
import org.replycast.api.Page;
import org.replycast.message.Message;
import org.replycast.message.MessageFiles;
import org.replycast.message.MessageFilter;
import org.replycast.message.MessageState;
import org.replycast.message.ModerationState;
import org.replycast.problem.ProblemException;
import org.replycast.problem.ProblemType;

/**
 * {@code /api/v1/admin/messages}: reply messages for moderators (bearer token with the role admin or
 * moderator): the list to work through, and the decisions, which {@link ModerationService} makes and audits.
 */
@Path("/v1/admin/messages")
@Produces(MediaType.APPLICATION_JSON)
public class AdminMessagesResource {

    @Inject
    ModerationService moderation;

    @Inject
    ForwardingService forwarding;

    @Inject
    MessageFiles files;

    @Context
    SecurityContext security;

    @GET
    @Operation(
            summary = "A page of the messages, oldest first",
            description = "Of one channel, state and moderation when given; ?state=STORED&moderation=PENDING is"
                    + " the moderation queue. Each with its moderation decision and its webhook deliveries.")
    @APIResponse(
            responseCode = "200",
            description = "{\"items\": [message…], \"total\": all that match, \"offset\": …, \"limit\": …}")
    @APIResponse(responseCode = "400", description = "invalid: a parameter out of range or not a known value")
    @APIResponse(responseCode = "401", description = "unauthorized: no bearer token")
    @APIResponse(responseCode = "403", description = "forbidden: the token has neither role admin nor moderator")
    public Page<JsonObject> list(
            @Parameter(description = "Only this channel's messages") @QueryParam("channelId") String channelId,
            @Parameter(description = "RECEIVING, STORED, REJECTED or INCOMPLETE") @QueryParam("state") String state,
            @Parameter(description = "PENDING, APPROVED or REJECTED") @QueryParam("moderation") String moderationState,
            @Parameter(description = "How many messages to skip; default 0") @QueryParam("offset") String offset,
            @Parameter(description = "Page size, 1 to " + Page.MAX_LIMIT + "; default " + Page.DEFAULT_LIMIT)
                    @QueryParam("limit")
                    String limit) {
        int from = Page.offset(offset);
        int size = Page.limit(limit);
        String channel = channelId == null || channelId.isEmpty() ? null : channelId;
        MessageState inState = constant("state", state, MessageState.class);
        ModerationState decided = constant("moderation", moderationState, ModerationState.class);
        MessageFilter filter = MessageFilter.of(channel, inState, decided);
        return new Page<>(
                moderation.page(filter, from, size).stream().map(this::view).toList(),
                moderation.count(filter),
                from,
                size);
    }

    @GET
    @Path("/{messageId}")
    @Operation(summary = "One message with its moderation and webhook deliveries")
    @APIResponse(responseCode = "404", description = "not-found: no such message")
    public JsonObject show(@PathParam("messageId") String messageId) {
        return view(moderation.find(messageId));
    }

    @POST
    @Path("/{messageId}/approve")
    @Operation(
            summary = "Approve a stored message: the display plays it and its channel's webhook hears of it",
            description = "An optional body {\"reason\": \"...\"}. Audited with the moderator's name.")
    @APIResponse(responseCode = "200", description = "The message as approved")
    @APIResponse(responseCode = "400", description = "invalid: the body is not {\"reason\": string}")
    @APIResponse(responseCode = "404", description = "not-found: no such message")
    @APIResponse(responseCode = "409", description = "conflict: the message is not stored, or already approved")
    public JsonObject approve(@PathParam("messageId") String messageId, InputStream body) {
        String reason = reasonIn(body, false);
        return view(moderation.decide(messageId, ModerationState.APPROVED, reason, actor()));
    }

    @POST
    @Path("/{messageId}/reject")
    @Operation(
            summary = "Reject a stored message, or take back its approval: {\"reason\": \"...\"} is required",
            description = "A display that shows it drops it. Audited with the moderator's name and the reason.")
    @APIResponse(responseCode = "200", description = "The message as rejected")
    @APIResponse(responseCode = "400", description = "invalid: no reason, or the body is not {\"reason\": string}")
    @APIResponse(responseCode = "404", description = "not-found: no such message")
    @APIResponse(responseCode = "409", description = "conflict: the message is not stored, or already rejected")
    public JsonObject reject(@PathParam("messageId") String messageId, InputStream body) {
        String reason = reasonIn(body, true);
        return view(moderation.decide(messageId, ModerationState.REJECTED, reason, actor()));
    }

    /** The reason in the body; an approval may come without a body at all. */
    private static String reasonIn(InputStream body, boolean required) {
        byte[] bytes = readAll(body);
        if (bytes.length == 0 && !required) {
            return null;
        }
        return JsonBody.read(new ByteArrayInputStream(bytes), "reason").string("reason");
    }

    private static byte[] readAll(InputStream body) {
        try {
            return body == null ? new byte[0] : body.readNBytes(JsonBody.MAX_BYTES + 1);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static <E extends Enum<E>> E constant(String name, String value, Class<E> type) {
        if (value == null || value.isEmpty()) {
            return null;
        }
        try {
            return Enum.valueOf(type, value);
        } catch (IllegalArgumentException unknown) {
            throw new ProblemException(
                    ProblemType.INVALID, name + " must be one of " + Arrays.toString(type.getEnumConstants()) + ".");
        }
    }

    private JsonObject view(Message message) {
        return AdminMessageView.of(message, files.bytesOf(message), forwarding.deliveriesOf(message.getMessageId()));
    }

    /** The moderator's name: Keycloak's preferred_username, which the OIDC subsystem makes the principal. */
    private String actor() {
        return security.getUserPrincipal().getName();
    }
}
