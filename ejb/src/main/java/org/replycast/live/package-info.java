/**
 * Live capture and distribution: which channels are captured, the media worker's supervisors that capture
 * them into HLS ladders in the data directory, and the status each channel reports.
 */
package org.replycast.live;
