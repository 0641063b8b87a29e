/**
 * Distribution: {@link org.replycast.live.SegmentHandler}, an Undertow handler in front of the servlet
 * pipeline, serves a connected call's live HLS ladder at {@code /live/{token}/...}, with byte ranges, cache
 * validators and CORS, from the channel's folder in the data directory; the token is checked against the
 * connected calls on every request.
 */
package org.replycast.live;
