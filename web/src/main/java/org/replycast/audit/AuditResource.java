package org.replycast.audit;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.replycast.api.Page;

/** {@code /api/v1/admin/audit}: the audit trail for administrators (bearer token with the role admin). */
@Path("/v1/admin/audit")
@Produces(MediaType.APPLICATION_JSON)
public class AuditResource {

    @Inject
    AuditLog auditLog;

    @GET
    @Operation(
            summary = "A page of the audit trail, newest first",
            description = "Authentication refusals, call changes, administration (with the administrator as"
                    + " actor) and moderation; of one terminal when terminalId is given.")
    @APIResponse(
            responseCode = "200",
            description = "{\"items\": [record…], \"total\": all that match, \"offset\": …, \"limit\": …}",
            content = @Content(schema = @Schema(implementation = Page.class)))
    @APIResponse(responseCode = "400", description = "invalid: offset or limit out of range")
    @APIResponse(responseCode = "401", description = "unauthorized: no bearer token")
    @APIResponse(responseCode = "403", description = "forbidden: the token has no role admin")
    public Page<AuditView> list(
            @Parameter(description = "Only the records of this terminal") @QueryParam("terminalId") String terminalId,
            @Parameter(description = "How many records to skip; default 0") @QueryParam("offset") String offset,
            @Parameter(description = "Page size, 1 to " + Page.MAX_LIMIT + "; default " + Page.DEFAULT_LIMIT)
                    @QueryParam("limit")
                    String limit) {
        int from = Page.offset(offset);
        int size = Page.limit(limit);
        AuditFilter filter = AuditFilter.ofTerminal(terminalId == null || terminalId.isEmpty() ? null : terminalId);
        return new Page<>(
                auditLog.newest(filter, from, size).stream().map(AuditView::of).toList(),
                auditLog.count(filter),
                from,
                size);
    }
}
