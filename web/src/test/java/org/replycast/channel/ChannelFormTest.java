package org.replycast.channel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The console's channel form sends the service only what was changed, and blank optional fields as "none". */
class ChannelFormTest {

    private static Channel channel() {
        Channel channel = new Channel("hall-1", "Main hall", "Europe/Paris", "test", "display-key");
        channel.setPlace("Lyon");
        channel.setTitleFilter(List.of("spam"));
        return channel;
    }

    @Test
    void anUntouchedFormChangesNothing() {
        Channel channel = channel();

        ChannelChanges changes = ChannelForm.of(channel).changesTo(channel);

        assertEquals(
                new ChannelChanges(null, null, null, null, null, null, null, null, null, null, null, null, null, null),
                changes);
    }

    @Test
    void onlyTheChangedFieldsAreSentAndABlankPlaceClearsIt() {
        Channel channel = channel();
        ChannelForm form = ChannelForm.of(channel);
        form.setName("Small hall");
        form.setPlace(" ");
        form.setMaxConnectedCalls(5);
        form.setTitleFilter("spam\n\n  free money \n");

        ChannelChanges changes = form.changesTo(channel);

        assertEquals("Small hall", changes.name());
        assertEquals(Optional.empty(), changes.place());
        assertEquals(5, changes.maxConnectedCalls());
        assertEquals(List.of("spam", "free money"), changes.titleFilter());
        assertNull(changes.timeZone());
        assertNull(changes.forwardUrl());
    }

    @Test
    void aNewChannelLeavesBlankOptionalFieldsOut() {
        ChannelForm form = new ChannelForm();
        form.setChannelId("hall-2");
        form.setName("Hall");
        form.setForwardUrl("");

        ChannelSettings settings = form.settings();

        assertNull(settings.forwardUrl());
        assertNull(settings.place());
        assertEquals("test", settings.source());
        assertEquals(List.of(), settings.titleFilter());
    }
}
