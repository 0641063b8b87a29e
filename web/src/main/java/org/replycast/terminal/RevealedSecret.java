package org.replycast.terminal;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Named;

/**
 * A terminal's secret, just issued, for the one answer that shows it: request-scoped, so it is never kept in
 * the console's session or view state and is gone with the next request.
 */
@Named
@RequestScoped
public class RevealedSecret {

    private String terminalId;
    private String secret;

    void reveal(String terminalId, String secret) {
        this.terminalId = terminalId;
        this.secret = secret;
    }

    public boolean isShown() {
        return secret != null;
    }

    public String getTerminalId() {
        return terminalId;
    }

    public String getSecret() {
        return secret;
    }
}
