package org.replycast.testing;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.Map;
import java.util.UUID;
import org.replycast.auth.SecretCipher;
import org.replycast.terminal.Terminal;
import org.replycast.terminal.TerminalRepository;

/**
 * {@code /api/it/terminals}, in test deployments only: registers terminals the way the admin API will
 * ({@code POST /api/v1/admin/terminals}, answering {@code terminalId} and {@code secret}) until it exists,
 * through the real repository and secret cipher.
 */
@Path("/it/terminals")
@RequestScoped
@Transactional
@Produces(MediaType.APPLICATION_JSON)
public class TestTerminalsResource {

    @Inject
    TerminalRepository terminals;

    @Inject
    SecretCipher cipher;

    @POST
    public Map<String, Object> register(@QueryParam("enabled") @DefaultValue("true") boolean enabled) {
        String terminalId = "T-" + UUID.randomUUID();
        SecretCipher.IssuedSecret secret = cipher.issueSecret();
        Terminal terminal = new Terminal(terminalId, "System test terminal", secret.ciphertext());
        terminal.setEnabled(enabled);
        terminals.persist(terminal);
        return Map.of("terminalId", terminalId, "secret", secret.forTerminal(), "enabled", enabled);
    }

    @GET
    @Path("/{terminalId}")
    public Map<String, Object> show(@PathParam("terminalId") String terminalId) {
        Terminal terminal = terminals.findById(terminalId).orElseThrow(NotFoundException::new);
        return Map.of("terminalId", terminalId, "enabled", terminal.isEnabled(), "version", terminal.getVersion());
    }
}
