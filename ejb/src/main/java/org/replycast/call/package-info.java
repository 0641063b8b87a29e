/**
 * The call processing server: {@link org.replycast.call.CallProcessingService} starts, answers, declines and
 * ends calls under the channel's lock (admission control), {@link org.replycast.call.CallScheduler} holds
 * the persistent timers of ringing, auto-answer and maximum length, {@link org.replycast.call.CallTokens}
 * answers distribution and gateway from memory in front of the database, and every committed change is
 * announced on the {@code CallEvents} topic by {@link org.replycast.call.CallEventPublisher} and recorded by
 * {@link org.replycast.call.CallAudit}.
 */
package org.replycast.call;
