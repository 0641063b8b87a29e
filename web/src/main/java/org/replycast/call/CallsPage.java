package org.replycast.call;

import jakarta.annotation.PostConstruct;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.time.Instant;
import java.util.List;
import org.replycast.console.ConsoleRole;
import org.replycast.console.ConsoleUser;
import org.replycast.console.PageMessages;
import org.replycast.console.Permitted;
import org.replycast.problem.ProblemException;

/**
 * The console's Calls page ({@code console/calls.xhtml}): every ringing and connected call, oldest first, read
 * again every few seconds (the page refreshes itself; between two reads the rows stay as shown, so "End" ends
 * the call its row showed), and "End" on any of them, through {@link
 * CallProcessingService} with the signed-in person as the audit trail's actor.
 */
@Named
@ViewScoped
public class CallsPage implements Serializable {

    @Inject
    CallProcessingService callProcessing;

    @Inject
    ConsoleUser user;

    private List<CallSnapshot> calls;

    @PostConstruct
    void load() {
        calls = callProcessing.listAll(null, null);
    }

    public List<CallSnapshot> getCalls() {
        return calls;
    }

    /** The self-refresh of the list. */
    @Permitted({ConsoleRole.ADMIN, ConsoleRole.OPERATOR})
    public void refresh() {
        load();
    }

    /** Since when the call is in its state: connected, or ringing since it was made. */
    public Instant since(CallSnapshot call) {
        return call.connectedAt() != null ? call.connectedAt() : call.createdAt();
    }

    @Permitted({ConsoleRole.ADMIN, ConsoleRole.OPERATOR})
    public void end(String callId) {
        try {
            callProcessing.end(callId, user.getName());
            PageMessages.done("Call " + callId + " ended.");
        } catch (ProblemException refused) {
            PageMessages.refused(refused);
        }
        load();
    }
}
