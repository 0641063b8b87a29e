package org.replycast.media;

/**
 * One rung of the HLS ladder: a picture size and a video bit rate, such as 720p at 2,500 kbit/s.
 *
 * @throws IllegalArgumentException for sizes or rates that are not positive, or odd sizes H.264 cannot take
 */
public record HlsRendition(int width, int height, int videoKbps) {

    public HlsRendition {
        if (width <= 0 || height <= 0 || width % 2 != 0 || height % 2 != 0) {
            throw new IllegalArgumentException("a rendition needs an even, positive width and height");
        }
        if (videoKbps <= 0) {
            throw new IllegalArgumentException("a rendition needs a positive video bit rate");
        }
    }
}
