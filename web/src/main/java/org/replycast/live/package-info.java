/**
 * Distribution: {@link org.replycast.live.SegmentHandler}, an Undertow handler in front of the servlet
 * pipeline, serves a connected call's live HLS ladder at {@code /live/{token}/...}, with byte ranges, cache
 * validators and CORS, from the channel's folder in the data directory; the token is checked against the
 * connected calls on every request. {@link org.replycast.live.ConsoleLiveServlet} serves the same files at
 * {@code /console/live/{channelId}/...} to signed-in admins and operators, for the dashboard's thumbnails.
 */
package org.replycast.live;
