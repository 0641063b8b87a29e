package org.replycast.auth;

import jakarta.ws.rs.core.SecurityContext;
import java.security.Principal;
import org.replycast.problem.ProblemException;
import org.replycast.problem.ProblemType;

/** Who sent a request, as resources read it from the security context. */
public final class Caller {

    private Caller() {}

    /**
     * The signed terminal, as {@link SignedRequestFilter} put it in the security context, or the signed-in
     * administrator under {@code /api/v1/admin/}.
     *
     * @throws ProblemException {@code signature-missing} when nobody is signed in
     */
    public static String of(SecurityContext security) {
        Principal principal = security == null ? null : security.getUserPrincipal();
        if (principal == null || principal.getName() == null) {
            throw new ProblemException(
                    ProblemType.SIGNATURE_MISSING, "Sign the request (HTTP Message Signatures, PROTOCOL.md).");
        }
        return principal.getName();
    }
}
