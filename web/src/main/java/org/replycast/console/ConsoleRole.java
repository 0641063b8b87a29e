package org.replycast.console;

/** The Keycloak realm roles that open the console, each with the share of it that it may see and change. */
public enum ConsoleRole {
    /** Everything: channels, terminals, calls, messages and the audit log. */
    ADMIN("admin"),
    /** Channels and calls; terminals read-only. */
    OPERATOR("operator"),
    /** Reply messages only: approve, reject, send to the display. */
    MODERATOR("moderator");

    private final String roleName;

    ConsoleRole(String roleName) {
        this.roleName = roleName;
    }

    /** The role's name in the realm and in {@code web.xml}. */
    public String roleName() {
        return roleName;
    }
}
