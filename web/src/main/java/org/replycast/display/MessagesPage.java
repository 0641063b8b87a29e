package org.replycast.display;

import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.replycast.channel.Channel;
import org.replycast.channel.ChannelService;
import org.replycast.console.ConsoleRole;
import org.replycast.console.ConsoleUser;
import org.replycast.console.PageMessages;
import org.replycast.console.Pager;
import org.replycast.console.Permitted;
import org.replycast.message.Message;
import org.replycast.message.MessageFilter;
import org.replycast.message.MessageState;
import org.replycast.message.ModerationState;
import org.replycast.problem.ProblemException;

/**
 * The console's moderation queue for admins and moderators: filters by channel, state and the day received,
 * a page at a time; each stored reply with its player, thumbnail and download (through {@link
 * ConsoleMediaServlet}); approving, rejecting with a reason and sending to the display now, through {@link
 * ModerationService} as the admin API does.
 */
@Named
@ViewScoped
public class MessagesPage implements Serializable {

    static final int PAGE_SIZE = 20;

    /** The states the queue can be narrowed to, each a pair of the message's state and its moderation. */
    public enum Shown {
        WAITING("Waiting for a decision", MessageState.STORED, ModerationState.PENDING),
        APPROVED("Approved", MessageState.STORED, ModerationState.APPROVED),
        REJECTED("Rejected by a moderator", MessageState.STORED, ModerationState.REJECTED),
        STORED("Every stored reply", MessageState.STORED, null),
        ALL("Every reply, stored or not", null, null);

        private final String label;
        private final MessageState state;
        private final ModerationState moderation;

        Shown(String label, MessageState state, ModerationState moderation) {
            this.label = label;
            this.state = state;
            this.moderation = moderation;
        }

        public String getLabel() {
            return label;
        }
    }

    /** A message as a row of the queue. */
    public record Row(
            String messageId,
            String title,
            String sender,
            String channel,
            MessageState state,
            ModerationState moderation,
            String moderationReason,
            Instant receivedAt,
            boolean hasThumbnail)
            implements Serializable {

        public boolean isStored() {
            return state == MessageState.STORED;
        }
    }

    @Inject
    ModerationService moderation;

    @Inject
    ChannelService channelService;

    @Inject
    ConsoleUser user;

    private String channelId;
    private Shown shown = Shown.WAITING;
    private LocalDate receivedFrom;
    private LocalDate receivedTo;
    private final Pager pager = new Pager(PAGE_SIZE);
    private List<Row> rows = List.of();
    private Map<String, String> channelNames = Map.of();
    private final Map<String, String> reasons = new HashMap<>();

    /** The view action: the channels to choose from and the first page of what waits for a decision. */
    public void open() {
        Map<String, String> names = new LinkedHashMap<>();
        for (Channel channel : channelService.list()) {
            names.put(channel.getChannelId(), channel.getName());
        }
        channelNames = names;
        load();
    }

    public void filter() {
        if (receivedFrom != null && receivedTo != null && receivedTo.isBefore(receivedFrom)) {
            PageMessages.invalid("filters:received-to", "The last day comes before the first.");
            return;
        }
        pager.first();
        load();
    }

    public void next() {
        pager.next();
        load();
    }

    public void previous() {
        pager.previous();
        load();
    }

    @Permitted({ConsoleRole.ADMIN, ConsoleRole.MODERATOR})
    public void approve(Row row) {
        act(row, () -> {
            moderation.decide(row.messageId(), ModerationState.APPROVED, null, user.getName());
            PageMessages.done("“" + titleOf(row) + "” approved: the display plays it.");
        });
    }

    @Permitted({ConsoleRole.ADMIN, ConsoleRole.MODERATOR})
    public void reject(Row row) {
        String reason = reasons.get(row.messageId());
        if (reason == null || reason.isBlank()) {
            PageMessages.invalid("list:messages:" + rows.indexOf(row) + ":reason", "Say why the reply is rejected.");
            return;
        }
        act(row, () -> {
            moderation.decide(row.messageId(), ModerationState.REJECTED, reason.strip(), user.getName());
            PageMessages.done("“" + titleOf(row) + "” rejected.");
        });
    }

    @Permitted({ConsoleRole.ADMIN, ConsoleRole.MODERATOR})
    public void displayNow(Row row) {
        act(row, () -> {
            moderation.displayNow(row.messageId(), user.getName());
            PageMessages.done("“" + titleOf(row) + "” sent to the display.");
        });
    }

    private void act(Row row, Runnable action) {
        try {
            action.run();
            reasons.remove(row.messageId());
        } catch (ProblemException refused) {
            PageMessages.refused(refused);
        }
        load();
    }

    private void load() {
        MessageFilter filter = new MessageFilter(
                channelId == null || channelId.isEmpty() ? null : channelId,
                shown.state,
                shown.moderation,
                receivedFrom == null ? null : startOf(receivedFrom),
                receivedTo == null ? null : startOf(receivedTo.plusDays(1)));
        pager.counted(moderation.count(filter));
        rows = moderation.page(filter, pager.offset(), pager.size()).stream()
                .map(this::row)
                .toList();
    }

    private static Instant startOf(LocalDate day) {
        return day.atStartOfDay(ZoneOffset.UTC).toInstant();
    }

    private Row row(Message message) {
        return new Row(
                message.getMessageId(),
                message.getTitle(),
                message.getSenderTerminalId(),
                channelNames.getOrDefault(message.getChannelId(), message.getChannelId()),
                message.getState(),
                message.getModeration(),
                message.getModerationReason(),
                message.getCreatedAt(),
                message.hasDisplayCopy());
    }

    private static String titleOf(Row row) {
        return row.title() == null || row.title().isBlank() ? row.messageId() : row.title();
    }

    /** "1–20 of 45", or "No replies match." */
    public String getShowing() {
        return pager.showing(rows.size(), "No replies match.");
    }

    public Pager getPager() {
        return pager;
    }

    public List<Row> getRows() {
        return rows;
    }

    public Map<String, String> getChannelNames() {
        return channelNames;
    }

    public Shown[] getShownChoices() {
        return Shown.values();
    }

    public Map<String, String> getReasons() {
        return reasons;
    }

    public String getChannelId() {
        return channelId;
    }

    public void setChannelId(String channelId) {
        this.channelId = channelId;
    }

    public Shown getShown() {
        return shown;
    }

    public void setShown(Shown shown) {
        this.shown = shown;
    }

    public LocalDate getReceivedFrom() {
        return receivedFrom;
    }

    public void setReceivedFrom(LocalDate receivedFrom) {
        this.receivedFrom = receivedFrom;
    }

    public LocalDate getReceivedTo() {
        return receivedTo;
    }

    public void setReceivedTo(LocalDate receivedTo) {
        this.receivedTo = receivedTo;
    }
}
