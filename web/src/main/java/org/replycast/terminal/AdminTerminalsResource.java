package org.replycast.terminal;

import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import jakarta.ws.rs.core.UriInfo;
import java.io.InputStream;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.media.SchemaProperty;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.replycast.api.JsonBody;
import org.replycast.api.Page;
import org.replycast.problem.ProblemException;
import org.replycast.problem.ProblemType;

/**
 * {@code /api/v1/admin/terminals}: terminals for administrators (bearer token with the role admin). Reads
 * bodies strictly through {@link JsonBody} and leaves every rule to {@link TerminalService}.
 */
@Path("/v1/admin/terminals")
@Produces(MediaType.APPLICATION_JSON)
public class AdminTerminalsResource {

    private static final String MERGE_PATCH = "application/merge-patch+json";
    private static final int MAX_SEARCH_LENGTH = 200;

    @Inject
    TerminalService terminalService;

    @Context
    SecurityContext security;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(
            summary = "Register a terminal",
            description = "Answers the terminal with its secret (32 random bytes, base64url without padding),"
                    + " shown only here. Unknown fields are refused.")
    @RequestBody(
            required = true,
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema =
                                    @Schema(
                                            type = SchemaType.OBJECT,
                                            requiredProperties = {"terminalId", "displayName"},
                                            additionalProperties = Schema.False.class,
                                            properties = {
                                                @SchemaProperty(
                                                        name = "terminalId",
                                                        type = SchemaType.STRING,
                                                        pattern = "^[A-Za-z0-9._-]{1,64}$"),
                                                @SchemaProperty(
                                                        name = "displayName",
                                                        type = SchemaType.STRING,
                                                        maxLength = 200),
                                                @SchemaProperty(
                                                        name = "autoAnswerSeconds",
                                                        type = SchemaType.INTEGER,
                                                        minimum = "0",
                                                        nullable = true,
                                                        description = "null: the terminal never answers on its own"),
                                                @SchemaProperty(
                                                        name = "schedule",
                                                        implementation = ScheduleView.class,
                                                        nullable = true,
                                                        description = "null: the terminal may start at any time"),
                                                @SchemaProperty(
                                                        name = "quotaBytes",
                                                        type = SchemaType.INTEGER,
                                                        minimum = "1",
                                                        nullable = true,
                                                        description = "null: the server's default quota")
                                            })))
    @APIResponse(
            responseCode = "201",
            description = "Registered; Location names the terminal; the body carries the secret, this once",
            content = @Content(schema = @Schema(implementation = AdminTerminalView.class)))
    @APIResponse(responseCode = "400", description = "invalid: a field breaks a rule or is unknown; detail names it")
    @APIResponse(responseCode = "401", description = "unauthorized: no bearer token")
    @APIResponse(responseCode = "403", description = "forbidden: the token has no role admin")
    @APIResponse(responseCode = "409", description = "conflict: the terminal id is taken, by a removed terminal too")
    public Response register(InputStream body, @Context UriInfo uriInfo) {
        JsonBody json = JsonBody.read(body, "terminalId", "displayName", "autoAnswerSeconds", "schedule", "quotaBytes");
        TerminalRegistration registration = new TerminalRegistration(
                json.string("terminalId"),
                json.string("displayName"),
                json.integer("autoAnswerSeconds"),
                ScheduleView.read(json, "schedule"),
                json.longInteger("quotaBytes"));
        RegisteredTerminal registered = terminalService.register(registration, actor());
        return Response.created(uriInfo.getAbsolutePathBuilder()
                        .path(registered.terminal().getTerminalId())
                        .build())
                .entity(AdminTerminalView.registered(registered))
                .build();
    }

    @GET
    @Operation(
            summary = "A page of the terminals, in id order",
            description = "Removed terminals are left out; secrets are never shown.")
    @APIResponse(
            responseCode = "200",
            description = "{\"items\": [terminal…], \"total\": all that match, \"offset\": …, \"limit\": …}",
            content = @Content(schema = @Schema(implementation = Page.class)))
    @APIResponse(responseCode = "400", description = "invalid: offset, limit or q out of range")
    @APIResponse(responseCode = "401", description = "unauthorized: no bearer token")
    @APIResponse(responseCode = "403", description = "forbidden: the token has no role admin")
    public Page<AdminTerminalView> list(
            @Parameter(description = "Text that the id or display name contains, any case") @QueryParam("q")
                    String text,
            @Parameter(description = "How many matching terminals to skip; default 0") @QueryParam("offset")
                    String offset,
            @Parameter(description = "Page size, 1 to " + Page.MAX_LIMIT + "; default " + Page.DEFAULT_LIMIT)
                    @QueryParam("limit")
                    String limit) {
        int from = Page.offset(offset);
        int size = Page.limit(limit);
        if (text != null && text.length() > MAX_SEARCH_LENGTH) {
            throw new ProblemException(ProblemType.INVALID, "q must be at most " + MAX_SEARCH_LENGTH + " characters.");
        }
        return new Page<>(
                terminalService.search(text, from, size).stream()
                        .map(AdminTerminalView::of)
                        .toList(),
                terminalService.count(text),
                from,
                size);
    }

    @GET
    @Path("/{terminalId}")
    @Operation(summary = "One terminal, without its secret")
    @APIResponse(
            responseCode = "200",
            description = "The terminal",
            content = @Content(schema = @Schema(implementation = AdminTerminalView.class)))
    @APIResponse(responseCode = "401", description = "unauthorized: no bearer token")
    @APIResponse(responseCode = "403", description = "forbidden: the token has no role admin")
    @APIResponse(responseCode = "404", description = "not-found: no such terminal, or it was removed")
    public AdminTerminalView show(@PathParam("terminalId") String terminalId) {
        return AdminTerminalView.of(terminalService.find(terminalId));
    }

    @PATCH
    @Path("/{terminalId}")
    @Consumes({MERGE_PATCH, MediaType.APPLICATION_JSON})
    @Operation(
            summary = "Change a terminal (JSON merge patch)",
            description = "Fields left out stay as they are. autoAnswerSeconds null clears it; schedule is replaced"
                    + " whole, null clears it; quotaBytes null goes back to the server's default; enabled false disables the terminal and ends its calls."
                    + " Unknown fields are refused, and a refused patch changes nothing.")
    @RequestBody(
            required = true,
            content =
                    @Content(
                            mediaType = MERGE_PATCH,
                            schema =
                                    @Schema(
                                            type = SchemaType.OBJECT,
                                            additionalProperties = Schema.False.class,
                                            properties = {
                                                @SchemaProperty(
                                                        name = "displayName",
                                                        type = SchemaType.STRING,
                                                        maxLength = 200),
                                                @SchemaProperty(
                                                        name = "autoAnswerSeconds",
                                                        type = SchemaType.INTEGER,
                                                        minimum = "0",
                                                        nullable = true),
                                                @SchemaProperty(
                                                        name = "schedule",
                                                        implementation = ScheduleView.class,
                                                        nullable = true),
                                                @SchemaProperty(
                                                        name = "quotaBytes",
                                                        type = SchemaType.INTEGER,
                                                        minimum = "1",
                                                        nullable = true,
                                                        description = "null: the server's default quota"),
                                                @SchemaProperty(name = "enabled", type = SchemaType.BOOLEAN)
                                            })))
    @APIResponse(
            responseCode = "200",
            description = "The terminal as changed",
            content = @Content(schema = @Schema(implementation = AdminTerminalView.class)))
    @APIResponse(responseCode = "400", description = "invalid: a field breaks a rule or is unknown; detail names it")
    @APIResponse(responseCode = "401", description = "unauthorized: no bearer token")
    @APIResponse(responseCode = "403", description = "forbidden: the token has no role admin")
    @APIResponse(responseCode = "404", description = "not-found: no such terminal, or it was removed")
    public AdminTerminalView update(@PathParam("terminalId") String terminalId, InputStream body) {
        JsonBody json = JsonBody.read(body, "displayName", "autoAnswerSeconds", "schedule", "enabled", "quotaBytes");
        json.refuseNull("displayName", "enabled");
        TerminalChanges changes = new TerminalChanges(
                json.string("displayName"),
                json.clearable("autoAnswerSeconds", json::integer),
                ScheduleView.read(json, "schedule"),
                json.bool("enabled"),
                json.clearable("quotaBytes", json::longInteger));
        return AdminTerminalView.of(terminalService.update(terminalId, changes, actor()));
    }

    @POST
    @Path("/{terminalId}/secret")
    @Operation(
            summary = "Rotate a terminal's secret",
            description = "The old secret stops working at once; the new one is shown only here.")
    @APIResponse(
            responseCode = "200",
            description = "{\"secret\": the new secret, base64url}",
            content = @Content(schema = @Schema(implementation = NewSecretView.class)))
    @APIResponse(responseCode = "401", description = "unauthorized: no bearer token")
    @APIResponse(responseCode = "403", description = "forbidden: the token has no role admin")
    @APIResponse(responseCode = "404", description = "not-found: no such terminal, or it was removed")
    public NewSecretView rotateSecret(@PathParam("terminalId") String terminalId) {
        return new NewSecretView(terminalService.rotateSecret(terminalId, actor()));
    }

    @DELETE
    @Path("/{terminalId}")
    @Operation(
            summary = "Remove a terminal",
            description = "Ends its calls; its history stays, and its id is never handed out again (409 on"
                    + " registration).")
    @APIResponse(responseCode = "204", description = "Removed")
    @APIResponse(responseCode = "401", description = "unauthorized: no bearer token")
    @APIResponse(responseCode = "403", description = "forbidden: the token has no role admin")
    @APIResponse(responseCode = "404", description = "not-found: no such terminal, or it was removed already")
    public Response remove(@PathParam("terminalId") String terminalId) {
        terminalService.remove(terminalId, actor());
        return Response.noContent().build();
    }

    /** The administrator's name: Keycloak's preferred_username, which the OIDC subsystem makes the principal. */
    private String actor() {
        return security.getUserPrincipal().getName();
    }
}
