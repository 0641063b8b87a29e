/**
 * The media worker: the ffmpeg that JAVE2 bundles, supervised per live channel, probing and transcoding.
 * A plain library with no dependency on the rest of Replycast, so it can also run as its own process.
 */
package org.replycast.media;
