package org.replycast.call;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import java.util.logging.Logger;
import org.replycast.audit.AuditKind;
import org.replycast.audit.AuditLog;

/**
 * Writes each committed call change, and each refused call start, once to the log and to the audit trail,
 * with the call, its channel and the terminals; never its tokens.
 */
@ApplicationScoped
public class CallAudit {

    private static final Logger LOG = Logger.getLogger(CallAudit.class.getName());

    @Inject
    AuditLog auditLog;

    void record(@Observes(during = TransactionPhase.AFTER_SUCCESS) CallChanged changed) {
        CallSnapshot call = changed.call();
        String detail = "from " + call.requesterTerminalId() + " to " + call.destinationTerminalId() + " on channel "
                + call.channelId() + (call.reason() == null ? "" : ": " + call.reason());
        LOG.info(() -> "call " + call.callId() + " " + call.state() + " by " + changed.actor() + ", " + detail);
        // The terminal that acted, or the requester when the server or an administrator did.
        String terminalId = call.hasParty(changed.actor()) ? changed.actor() : call.requesterTerminalId();
        auditLog.record(AuditKind.CALL, call.state().name(), changed.actor(), terminalId, call.callId(), detail);
    }

    void record(@Observes(during = TransactionPhase.AFTER_FAILURE) CallRefused refused) {
        String code = refused.refusal().type().code();
        String detail = "call to channel " + refused.channelId() + " refused: "
                + refused.refusal().detail();
        LOG.info(() -> "terminal " + refused.requesterTerminalId() + " " + detail);
        auditLog.record(
                AuditKind.CALL, code, refused.requesterTerminalId(), refused.requesterTerminalId(), null, detail);
    }
}
