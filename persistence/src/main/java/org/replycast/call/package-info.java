/**
 * Calls: a terminal connected to a channel's live distribution, from the request through ringing at a
 * destination terminal to its end. {@link org.replycast.call.Call} owns the state machine of {@link
 * org.replycast.call.CallState} and refuses an illegal transition with {@link
 * org.replycast.call.IllegalCallTransitionException}; {@link org.replycast.call.CallRepository} finds calls
 * by id, by channel, by party and by the tokens of a connected call.
 */
package org.replycast.call;
