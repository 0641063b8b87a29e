package org.replycast.channel;

import java.io.Serializable;
import java.lang.reflect.RecordComponent;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The console's channel form: the settings that {@link ChannelSettings} and {@link ChannelChanges} carry, as
 * text fields hold them (blank is "none", the title filter one word or phrase a line). The rules stay in
 * {@link ChannelService}.
 */
public class ChannelForm implements Serializable {

    /** The inputs' ids, which are the service's field names, so that a refusal lands beside its field. */
    public static final List<String> FIELDS = Arrays.stream(ChannelSettings.class.getRecordComponents())
            .map(RecordComponent::getName)
            .toList();

    private String channelId;
    private String name;
    private String place;
    private String timeZone = "UTC";
    private String source = "test";
    private Integer maxConnectedCalls = Channel.DEFAULT_MAX_CONNECTED_CALLS;
    private Integer maxCallSeconds = Channel.DEFAULT_MAX_CALL_SECONDS;
    private Long maxMessageBytes = Channel.DEFAULT_MAX_MESSAGE_BYTES;
    private Integer maxMessageSeconds = Channel.DEFAULT_MAX_MESSAGE_SECONDS;
    private ModerationMode moderation = ModerationMode.AUTO;
    private String forwardUrl;
    private boolean captureEnabled = true;
    private String ladder;
    private String titleFilter;
    private Integer retentionDays;

    /** A form for a new channel, with the defaults the service would give. */
    public ChannelForm() {}

    /** A form holding the channel's settings now. */
    static ChannelForm of(Channel channel) {
        ChannelForm form = new ChannelForm();
        form.channelId = channel.getChannelId();
        form.name = channel.getName();
        form.place = channel.getPlace();
        form.timeZone = channel.getTimeZone();
        form.source = channel.getSource();
        form.maxConnectedCalls = channel.getMaxConnectedCalls();
        form.maxCallSeconds = channel.getMaxCallSeconds();
        form.maxMessageBytes = channel.getMaxMessageBytes();
        form.maxMessageSeconds = channel.getMaxMessageSeconds();
        form.moderation = channel.getModeration();
        form.forwardUrl = channel.getForwardUrl();
        form.captureEnabled = channel.isCaptureEnabled();
        form.ladder = channel.getLadder();
        form.titleFilter = String.join("\n", channel.getTitleFilter());
        form.retentionDays = channel.getRetentionDays();
        return form;
    }

    ChannelSettings settings() {
        return new ChannelSettings(
                channelId,
                name,
                blankToNull(place),
                timeZone,
                source,
                maxConnectedCalls,
                maxCallSeconds,
                maxMessageBytes,
                maxMessageSeconds,
                moderation,
                blankToNull(forwardUrl),
                captureEnabled,
                blankToNull(ladder),
                titleFilterLines(),
                retentionDays);
    }

    /** Only what differs from the channel now, so that the audit trail names what really changed. */
    ChannelChanges changesTo(Channel channel) {
        return new ChannelChanges(
                differing(name, channel.getName()),
                clearable(blankToNull(place), channel.getPlace()),
                differing(timeZone, channel.getTimeZone()),
                differing(source, channel.getSource()),
                differing(maxConnectedCalls, channel.getMaxConnectedCalls()),
                differing(maxCallSeconds, channel.getMaxCallSeconds()),
                differing(maxMessageBytes, channel.getMaxMessageBytes()),
                differing(maxMessageSeconds, channel.getMaxMessageSeconds()),
                differing(moderation, channel.getModeration()),
                clearable(blankToNull(forwardUrl), channel.getForwardUrl()),
                differing(captureEnabled, channel.isCaptureEnabled()),
                clearable(blankToNull(ladder), channel.getLadder()),
                new LinkedHashSet<>(titleFilterLines()).equals(channel.getTitleFilter()) ? null : titleFilterLines(),
                clearable(retentionDays, channel.getRetentionDays()));
    }

    private List<String> titleFilterLines() {
        return titleFilter == null
                ? List.of()
                : Arrays.stream(titleFilter.split("\\R"))
                        .map(String::strip)
                        .filter(line -> !line.isEmpty())
                        .toList();
    }

    /** The given value when it differs from the current one; null (left as it is) otherwise. */
    private static <T> T differing(T given, T current) {
        return given == null || given.equals(current) ? null : given;
    }

    private static <T> Optional<T> clearable(T given, T current) {
        return Objects.equals(given, current) ? null : Optional.ofNullable(given);
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text;
    }

    public String getChannelId() {
        return channelId;
    }

    public void setChannelId(String channelId) {
        this.channelId = channelId;
    }

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
    }

    public String getPlace() {
        return place;
    }

    public void setPlace(String place) {
        this.place = place;
    }

    public String getTimeZone() {
        return timeZone;
    }

    public void setTimeZone(String timeZone) {
        this.timeZone = timeZone;
    }

    public String getSource() {
        return source;
    }

    public void setSource(String source) {
        this.source = source;
    }

    public Integer getMaxConnectedCalls() {
        return maxConnectedCalls;
    }

    public void setMaxConnectedCalls(Integer maxConnectedCalls) {
        this.maxConnectedCalls = maxConnectedCalls;
    }

    public Integer getMaxCallSeconds() {
        return maxCallSeconds;
    }

    public void setMaxCallSeconds(Integer maxCallSeconds) {
        this.maxCallSeconds = maxCallSeconds;
    }

    public Long getMaxMessageBytes() {
        return maxMessageBytes;
    }

    public void setMaxMessageBytes(Long maxMessageBytes) {
        this.maxMessageBytes = maxMessageBytes;
    }

    public Integer getMaxMessageSeconds() {
        return maxMessageSeconds;
    }

    public void setMaxMessageSeconds(Integer maxMessageSeconds) {
        this.maxMessageSeconds = maxMessageSeconds;
    }

    public ModerationMode getModeration() {
        return moderation;
    }

    public void setModeration(ModerationMode moderation) {
        this.moderation = moderation;
    }

    public String getForwardUrl() {
        return forwardUrl;
    }

    public void setForwardUrl(String forwardUrl) {
        this.forwardUrl = forwardUrl;
    }

    public boolean isCaptureEnabled() {
        return captureEnabled;
    }

    public void setCaptureEnabled(boolean captureEnabled) {
        this.captureEnabled = captureEnabled;
    }

    public String getLadder() {
        return ladder;
    }

    public void setLadder(String ladder) {
        this.ladder = ladder;
    }

    public String getTitleFilter() {
        return titleFilter;
    }

    public void setTitleFilter(String titleFilter) {
        this.titleFilter = titleFilter;
    }

    public Integer getRetentionDays() {
        return retentionDays;
    }

    public void setRetentionDays(Integer retentionDays) {
        this.retentionDays = retentionDays;
    }
}
