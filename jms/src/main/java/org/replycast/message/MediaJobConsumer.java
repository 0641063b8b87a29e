package org.replycast.message;

import jakarta.ejb.ActivationConfigProperty;
import jakarta.ejb.MessageDriven;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.MessageListener;
import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * Takes the jobs of the media worker from {@code MediaJobs} and hands each to {@link DisplayCopyService}, apart
 * from the uplink, so a transcode never holds up a reply on its way in. A job that fails is delivered again,
 * and after the last attempt parked in the dead-letter queue.
 */
@MessageDriven(
        activationConfig = {
            @ActivationConfigProperty(propertyName = "destinationLookup", propertyValue = "java:/jms/queue/MediaJobs"),
            @ActivationConfigProperty(propertyName = "destinationType", propertyValue = "jakarta.jms.Queue"),
            // One transcode at a time per node: ffmpeg's x264 already spreads one over every core, and on a
            // two-core machine a second would starve the live ladder and the uplink; more nodes, more workers.
            @ActivationConfigProperty(propertyName = "maxSession", propertyValue = "1")
        })
// Without a transaction: a transcode may outlast a transaction's timeout. The broker still redelivers a job
// whose onMessage throws (the resource adapter rolls its session back).
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class MediaJobConsumer implements MessageListener {

    @Inject
    DisplayCopyService displayCopies;

    @Override
    public void onMessage(Message job) {
        try {
            displayCopies.make(
                    job.getStringProperty(MediaJobPublisher.MESSAGE_ID),
                    job.propertyExists(MediaJobPublisher.HAS_VIDEO)
                            ? job.getBooleanProperty(MediaJobPublisher.HAS_VIDEO)
                            : null);
        } catch (JMSException unreadable) {
            throw new IllegalStateException("unreadable media job", unreadable);
        } catch (IOException failed) {
            throw new UncheckedIOException("display copy not made", failed);
        }
    }
}
