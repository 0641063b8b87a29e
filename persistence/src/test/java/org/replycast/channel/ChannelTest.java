package org.replycast.channel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

/** A channel's id, time zone, limits and forwarding URL follow the protocol's rules; its defaults are the protocol's example. */
class ChannelTest {

    private static Channel channel() {
        return new Channel("hall-1", "Main hall", "Europe/Paris", "test", "display-key");
    }

    @ParameterizedTest
    @ValueSource(strings = {"hall-1", "H", "main.hall_2-b"})
    void acceptsOneToSixtyFourOfTheAllowedCharacters(String channelId) {
        assertEquals(channelId, new Channel(channelId, "Hall", "UTC", "test", "key").getChannelId());
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(
            strings = {
                "hall 1",
                "hall/1",
                "hall#1",
                "salle-é",
                "01234567890123456789012345678901234567890123456789012345678901234"
            })
    void refusesOtherIdsNamingTheField(String channelId) {
        IllegalArgumentException thrown = assertThrows(
                IllegalArgumentException.class, () -> new Channel(channelId, "Hall", "UTC", "test", "key"));
        assertTrue(thrown.getMessage().startsWith("channelId "), thrown.getMessage());
    }

    @Test
    void newChannelHasTheDefaultsOfTheProtocol() {
        Channel channel = channel();

        assertEquals(100, channel.getMaxConnectedCalls());
        assertEquals(7200, channel.getMaxCallSeconds());
        assertEquals(104_857_600L, channel.getMaxMessageBytes());
        assertEquals(120, channel.getMaxMessageSeconds());
        assertEquals(ModerationMode.AUTO, channel.getModeration());
        assertEquals(ChannelStatus.STARTING, channel.getStatus());
        assertNull(channel.getForwardUrl());
        assertNull(channel.getPlace());
        assertEquals(ZoneId.of("Europe/Paris"), channel.getZoneId());
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"Europe/Atlantis", "Paris", "+25:00"})
    void refusesATimeZoneThatIsNoZoneId(String timeZone) {
        assertNamed("timeZone", () -> new Channel("hall-1", "Hall", timeZone, "test", "key"));
    }

    @Test
    void limitsMustBePositive() {
        Channel channel = channel();

        assertNamed("maxConnectedCalls", () -> channel.setMaxConnectedCalls(0));
        assertNamed("maxCallSeconds", () -> channel.setMaxCallSeconds(-1));
        assertNamed("maxMessageBytes", () -> channel.setMaxMessageBytes(0));
        assertNamed("maxMessageSeconds", () -> channel.setMaxMessageSeconds(0));
        assertEquals(100, channel.getMaxConnectedCalls());
    }

    @ParameterizedTest
    @ValueSource(strings = {"ftp://example.org/hook", "example.org/hook", "https://", "http://exa mple.org/"})
    void forwardUrlMustBeAnAbsoluteHttpUrl(String forwardUrl) {
        assertNamed("forwardUrl", () -> channel().setForwardUrl(forwardUrl));
    }

    @Test
    void acceptsAnHttpsForwardUrlAndItsRemoval() {
        Channel channel = channel();

        channel.setForwardUrl("https://venue.example.org/replycast/hook");
        assertEquals("https://venue.example.org/replycast/hook", channel.getForwardUrl());

        channel.setForwardUrl(null);
        assertNull(channel.getForwardUrl());
    }

    @Test
    void statusChangesCarryTheirDetail() {
        Channel channel = channel();

        channel.changeStatus(ChannelStatus.RESTARTING, "ffmpeg exited with code 1");
        assertEquals(ChannelStatus.RESTARTING, channel.getStatus());
        assertEquals("ffmpeg exited with code 1", channel.getStatusDetail());

        channel.changeStatus(ChannelStatus.LIVE, null);
        assertNull(channel.getStatusDetail());
    }

    @Test
    void otherFieldsThatBreakARuleAreNamed() {
        assertNamed("name", () -> new Channel("hall-1", " ", "UTC", "test", "key"));
        assertNamed("source", () -> new Channel("hall-1", "Hall", "UTC", "", "key"));
        assertNamed("displayKey", () -> new Channel("hall-1", "Hall", "UTC", "test", null));
        assertNamed("moderation", () -> channel().setModeration(null));
    }

    private static void assertNamed(String field, Executable executable) {
        IllegalArgumentException thrown = assertThrows(IllegalArgumentException.class, executable);
        assertTrue(thrown.getMessage().startsWith(field + " "), thrown.getMessage());
    }

    @Test
    void titleFilterMatchesWholeWordsIgnoringCaseAndLookAlikes() {
        Channel channel = channel();
        channel.setTitleFilter(List.of(" Spam ", "bad words", "ass"));

        assertEquals(Set.of("spam", "bad words", "ass"), channel.getTitleFilter());
        assertEquals(Optional.of("spam"), channel.filteredWordIn("Buy SPAM now"));
        assertEquals(Optional.of("spam"), channel.filteredWordIn("ｓｐａｍ!"));
        assertEquals(Optional.of("bad words"), channel.filteredWordIn("Some Bad Words here"));
        assertEquals(Optional.empty(), channel.filteredWordIn("A first-class wedding"));
        assertEquals(Optional.empty(), channel.filteredWordIn("spammer"));
        assertEquals(Optional.empty(), channel.filteredWordIn(null));
    }

    @Test
    void titleFilterRefusesBlankOrOverlongEntriesAndChangesNothing() {
        Channel channel = channel();
        channel.setTitleFilter(List.of("spam"));

        IllegalArgumentException blank =
                assertThrows(IllegalArgumentException.class, () -> channel.setTitleFilter(List.of("ok", " ")));
        assertThrows(IllegalArgumentException.class, () -> channel.setTitleFilter(List.of("x".repeat(101))));

        assertTrue(blank.getMessage().startsWith("titleFilter"), blank.getMessage());
        assertEquals(Set.of("spam"), channel.getTitleFilter());
    }
}
