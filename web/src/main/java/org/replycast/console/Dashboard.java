package org.replycast.console;

import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.ExternalContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.List;

/** The console's front page: who is signed in, with which roles. */
@Named
@RequestScoped
public class Dashboard {

    private static final List<String> ROLES = List.of("admin", "operator", "moderator");

    @Inject
    ExternalContext externalContext;

    public String getUserName() {
        return externalContext.getUserPrincipal().getName();
    }

    public List<String> getRoles() {
        return ROLES.stream().filter(externalContext::isUserInRole).toList();
    }
}
