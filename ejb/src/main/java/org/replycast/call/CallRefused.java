package org.replycast.call;

import org.replycast.problem.ProblemException;

/**
 * A CDI event, fired by {@link CallProcessingService} when it refuses to start a call; observed after the
 * rollback, so the refusal is recorded although nothing of the request's work is kept.
 */
public record CallRefused(String requesterTerminalId, String channelId, ProblemException refusal) {}
