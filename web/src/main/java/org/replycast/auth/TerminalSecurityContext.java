package org.replycast.auth;

import jakarta.ws.rs.core.SecurityContext;
import java.security.Principal;

/**
 * The security context of a verified terminal request: its principal's name is the terminal id, which
 * resources read with {@code @Context SecurityContext}.
 */
record TerminalSecurityContext(String terminalId, boolean isSecure) implements SecurityContext {

    /** The role that every signed terminal request has. */
    static final String TERMINAL_ROLE = "terminal";

    /** RFC 9421, by the name of its fields. */
    static final String SCHEME = "Signature";

    @Override
    public Principal getUserPrincipal() {
        return new TerminalPrincipal(terminalId);
    }

    @Override
    public boolean isUserInRole(String role) {
        return TERMINAL_ROLE.equals(role);
    }

    @Override
    public String getAuthenticationScheme() {
        return SCHEME;
    }

    private record TerminalPrincipal(String terminalId) implements Principal {
        @Override
        public String getName() {
            return terminalId;
        }
    }
}
