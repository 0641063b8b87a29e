package org.replycast.call;

import jakarta.ws.rs.core.SecurityContext;
import java.security.Principal;
import java.util.Arrays;
import org.replycast.problem.ProblemException;
import org.replycast.problem.ProblemType;

/** What the call resources read from a request besides its body: the caller and the state filter. */
final class CallParameters {

    private CallParameters() {}

    /**
     * The signed terminal, as the authentication filter put it in the security context, or the signed-in
     * administrator under {@code /api/v1/admin/}.
     */
    static String caller(SecurityContext security) {
        Principal principal = security == null ? null : security.getUserPrincipal();
        if (principal == null || principal.getName() == null) {
            throw new ProblemException(
                    ProblemType.SIGNATURE_MISSING, "Sign the request (HTTP Message Signatures, PROTOCOL.md).");
        }
        return principal.getName();
    }

    /** The {@code state} query parameter; null when it is absent or empty. */
    static CallState state(String value) {
        if (value == null || value.isEmpty()) {
            return null;
        }
        try {
            return CallState.valueOf(value);
        } catch (IllegalArgumentException unknown) {
            throw new ProblemException(
                    ProblemType.INVALID, "state must be one of " + Arrays.toString(CallState.values()) + ".");
        }
    }
}
