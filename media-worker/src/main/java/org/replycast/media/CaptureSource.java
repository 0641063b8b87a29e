package org.replycast.media;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Where a channel's picture and sound come from, as ffmpeg input arguments: the {@code test} picture with a
 * burnt-in wall clock and a tone, a file played in a loop, an IP camera or encoder ({@code rtsp://},
 * {@code rtmp://}, {@code srt://}), or a local camera and microphone ({@code v4l2:/dev/video0,alsa:hw:1}; silence
 * for sound when no ALSA device is named).
 *
 * @param audioStream the ffmpeg stream specifier of the sound, such as {@code 1:a}
 */
public record CaptureSource(String description, List<String> inputArguments, String audioStream) {

    /** Scheme and credentials, then the host of a network URL (an IPv6 literal in brackets stays as it is). */
    private static final Pattern URL_HOST = Pattern.compile("([a-z]+://(?:[^/@]*@)?)(\\[[^]]*]|[^/:?#\\[]+)");

    private static final String ACCEPTED =
            "source must be test, a file path, an rtsp://, rtmp:// or srt:// URL, or v4l2:/dev/videoN"
                    + " (with a microphone: v4l2:/dev/videoN,alsa:hw:1)";

    /** The test picture's clock is drawn by ffmpeg from the capture's own time, so latency can be read off it. */
    private static final String TEST_PICTURE = "testsrc2=size=1280x720:rate=25,drawtext=text='%{localtime\\:%T}'"
            + ":fontsize=64:fontcolor=white:box=1:boxcolor=black@0.6:x=40:y=40";

    /**
     * Reads a channel's source setting.
     *
     * @throws IllegalArgumentException naming what is accepted, for anything else
     */
    public static CaptureSource parse(String source) {
        if (source == null || source.isBlank()) {
            throw new IllegalArgumentException(ACCEPTED);
        }
        if (source.equals("test")) {
            return new CaptureSource(
                    "test picture and tone",
                    List.of(
                            "-re",
                            "-f",
                            "lavfi",
                            "-i",
                            TEST_PICTURE,
                            "-f",
                            "lavfi",
                            "-i",
                            "sine=frequency=440:sample_rate=48000"),
                    "1:a");
        }
        if (source.startsWith("v4l2:")) {
            return localDevices(source.substring(5));
        }
        String scheme = schemeOf(source);
        if ("rtsp".equals(scheme)) {
            return new CaptureSource(
                    "camera " + redacted(source), List.of("-rtsp_transport", "tcp", "-i", source), "0:a");
        }
        if ("rtmp".equals(scheme) || "srt".equals(scheme)) {
            return new CaptureSource("encoder " + redacted(source), List.of("-i", source), "0:a");
        }
        if (scheme == null) {
            Path file = Path.of(source);
            return new CaptureSource(
                    "file " + file.getFileName(), List.of("-re", "-stream_loop", "-1", "-i", file.toString()), "0:a");
        }
        throw new IllegalArgumentException(ACCEPTED);
    }

    /**
     * This source with the host name of its URL replaced by the address it has now: the bundled static ffmpeg
     * crashes when it resolves a name itself. Called at each start, so a camera that moves is followed.
     *
     * @throws UnknownHostException when the name is not known (now)
     */
    public CaptureSource withAddressResolved() throws UnknownHostException {
        List<String> resolved = new ArrayList<>(inputArguments);
        for (int i = 0; i < resolved.size(); i++) {
            resolved.set(i, withAddress(resolved.get(i)));
        }
        return new CaptureSource(description, List.copyOf(resolved), audioStream);
    }

    /** The URL with its host name replaced by its address; anything else as it is. */
    public static String withAddress(String argument) throws UnknownHostException {
        Matcher url = URL_HOST.matcher(argument);
        if (!url.lookingAt() || url.group(2).startsWith("[")) {
            return argument;
        }
        InetAddress address = InetAddress.getByName(url.group(2));
        String literal =
                address instanceof Inet6Address ? "[" + address.getHostAddress() + "]" : address.getHostAddress();
        return url.group(1) + literal + argument.substring(url.end(2));
    }

    private static CaptureSource localDevices(String devices) {
        String[] parts = devices.split(",alsa:", 2);
        String camera = parts[0];
        if (!camera.startsWith("/dev/") || (parts.length == 2 && parts[1].isBlank())) {
            throw new IllegalArgumentException(ACCEPTED);
        }
        List<String> microphone = parts.length == 2
                ? List.of("-f", "alsa", "-i", parts[1])
                : List.of("-f", "lavfi", "-i", "anullsrc=r=48000:cl=stereo");
        List<String> input = new ArrayList<>(List.of("-f", "v4l2", "-i", camera));
        input.addAll(microphone);
        String description = "local camera " + camera + (parts.length == 2 ? " and microphone " + parts[1] : "");
        return new CaptureSource(description, List.copyOf(input), "1:a");
    }

    private static String schemeOf(String source) {
        int colon = source.indexOf("://");
        return colon > 0 ? source.substring(0, colon) : null;
    }

    /** A camera URL without its user and password, for logs and status. */
    private static String redacted(String url) {
        return url.replaceFirst("//[^/@]*@", "//");
    }
}
