package org.replycast.message;

import jakarta.annotation.PostConstruct;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.inject.Inject;
import java.util.List;
import java.util.logging.Logger;

/**
 * At start, asks again for the display copies of stored replies that have none: the jobs are sent after the
 * storing commits, so a node that stopped in between never sent some. The broker drops a job it was sent
 * before (its duplicate id), so a reply whose job waits in the queue or was dead-lettered is not asked twice.
 */
@Singleton
@Startup
public class DisplayCopyRecovery {

    private static final Logger LOG = Logger.getLogger(DisplayCopyRecovery.class.getName());
    // A stop leaves without a job only the replies being stored at that moment, the latest; older ones without a
    // copy are those whose copy failed, and they wait in the dead-letter queue.
    private static final int LATEST = 500;

    @Inject
    MessageRepository messages;

    @Inject
    MediaJobPublisher mediaJobs;

    @PostConstruct
    void askForMissingCopies() {
        List<Message> withoutCopy = messages.findStoredWithoutDisplayCopy(LATEST);
        withoutCopy.forEach(message -> mediaJobs.displayCopy(message.getMessageId()));
        if (!withoutCopy.isEmpty()) {
            LOG.info(() -> withoutCopy.size() + " stored replies have no display copy yet: asked for again");
        }
    }
}
