package org.replycast.display;

import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import java.util.List;
import org.replycast.message.Message;
import org.replycast.message.MessageView;

/**
 * A message as a moderator sees it: the fields of PROTOCOL.md section 6 as a terminal sees them, the
 * moderation decision with who made it, when and why (or why it waits), and its webhook deliveries.
 */
final class AdminMessageView {

    private AdminMessageView() {}

    static JsonObject of(Message message, long bytes, List<ForwardingDelivery> deliveries) {
        JsonObjectBuilder json = Json.createObjectBuilder(MessageView.of(message, bytes));
        add(json, "moderatedBy", message.getModeratedBy());
        add(json, "moderatedAt", message.getModeratedAt());
        add(json, "moderationReason", message.getModerationReason());
        JsonArrayBuilder forwarding = Json.createArrayBuilder();
        for (ForwardingDelivery delivery : deliveries) {
            JsonObjectBuilder described = Json.createObjectBuilder()
                    .add("deliveryId", delivery.getDeliveryId())
                    .add("event", delivery.getEvent().wireName())
                    .add("state", delivery.getState().name())
                    .add("attempts", delivery.getAttempts());
            add(described, "lastOutcome", delivery.getLastOutcome());
            add(described, "nextAttemptAt", delivery.getNextAttemptAt());
            add(described, "deliveredAt", delivery.getDeliveredAt());
            forwarding.add(described);
        }
        return json.add("forwarding", forwarding).build();
    }

    private static void add(JsonObjectBuilder json, String field, Object value) {
        if (value != null) {
            json.add(field, value.toString());
        }
    }
}
