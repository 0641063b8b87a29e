package org.replycast.console;

import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.ExternalContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.stream.Collectors;
import org.wildfly.security.http.oidc.OidcPrincipal;
import org.wildfly.security.http.oidc.OidcSecurityContext;

/**
 * The person signed in to the console: name, roles, what those roles may do (the pages ask before they
 * show a control), and signing out, which ends the Keycloak session too.
 */
@Named
@RequestScoped
public class ConsoleUser {

    @Inject
    ExternalContext externalContext;

    public String getName() {
        return externalContext.getUserPrincipal().getName();
    }

    public boolean has(ConsoleRole role) {
        return externalContext.isUserInRole(role.roleName());
    }

    /** The roles held, for the header: "admin, moderator". */
    public String getRoleNames() {
        return Arrays.stream(ConsoleRole.values())
                .filter(this::has)
                .map(ConsoleRole::roleName)
                .collect(Collectors.joining(", "));
    }

    public boolean isAdmin() {
        return has(ConsoleRole.ADMIN);
    }

    /** The dashboard, channels, calls and (read-only) terminals. */
    public boolean isOperating() {
        return isAdmin() || has(ConsoleRole.OPERATOR);
    }

    /** The moderation queue of reply messages. */
    public boolean isModerating() {
        return isAdmin() || has(ConsoleRole.MODERATOR);
    }

    /**
     * Ends the console's session and then Keycloak's (RP-initiated logout with the ID token as hint), which
     * sends the browser back to the console's front door.
     */
    public void signOut() throws IOException, ServletException {
        HttpServletRequest request = (HttpServletRequest) externalContext.getRequest();
        String endSession = endSessionUri(request);
        request.logout();
        externalContext.invalidateSession();
        externalContext.redirect(endSession);
    }

    private static String endSessionUri(HttpServletRequest request) {
        String console = URI.create(request.getRequestURL().toString())
                .resolve(request.getContextPath() + "/console/")
                .toString();
        StringBuilder uri = new StringBuilder();
        if (request.getUserPrincipal() instanceof OidcPrincipal<?> principal) {
            OidcSecurityContext oidc = principal.getOidcSecurityContext();
            uri.append(oidc.getIDToken().getIssuer())
                    .append("/protocol/openid-connect/logout?id_token_hint=")
                    .append(URLEncoder.encode(oidc.getIDTokenString(), StandardCharsets.UTF_8))
                    .append("&post_logout_redirect_uri=")
                    .append(URLEncoder.encode(console, StandardCharsets.UTF_8));
        } else {
            uri.append(console);
        }
        return uri.toString();
    }
}
