package org.replycast.media;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.StringJoiner;

/**
 * The ffmpeg command line that captures a source and writes its HLS ladder into a folder: one H.264 stream per
 * rendition with keyframes on every segment boundary (so every rendition switches cleanly), AAC audio beside
 * each, {@code EXT-X-PROGRAM-DATE-TIME} on every segment, old segments deleted, and a master playlist {@code
 * index.m3u8} with the media playlists in {@code 0/}, {@code 1/} and so on. Playlists and segments are renamed
 * into place only when complete, so a reader never sees half of one.
 */
public final class HlsCommand {

    /** The frame rate the ladder is encoded at; keyframes fall every segment at this rate. */
    static final int FRAMES_PER_SECOND = 25;

    private HlsCommand() {}

    /**
     * @param continuing true when ffmpeg is started again after a failure: the media playlists are then continued
     *     (same segment numbers, old segments still listed) with {@code EXT-X-DISCONTINUITY} marking the gap
     */
    public static List<String> build(
            String ffmpeg, CaptureSource source, HlsLadder ladder, Path folder, boolean continuing) {
        List<HlsRendition> renditions = ladder.renditions();
        List<String> command = new ArrayList<>(List.of(ffmpeg, "-hide_banner", "-loglevel", "warning", "-nostdin"));
        command.addAll(source.inputArguments());
        command.addAll(List.of("-filter_complex", scaling(renditions)));
        for (int i = 0; i < renditions.size(); i++) {
            command.addAll(List.of("-map", "[v" + i + "]", "-map", source.audioStream()));
        }
        int keyframeInterval = FRAMES_PER_SECOND * ladder.segmentSeconds();
        command.addAll(List.of(
                "-r",
                String.valueOf(FRAMES_PER_SECOND),
                "-c:v",
                "libx264",
                "-preset",
                "veryfast",
                "-tune",
                "zerolatency",
                "-pix_fmt",
                "yuv420p",
                "-g",
                String.valueOf(keyframeInterval),
                "-keyint_min",
                String.valueOf(keyframeInterval),
                "-sc_threshold",
                "0",
                "-c:a",
                "aac",
                "-b:a",
                ladder.audioKbps() + "k",
                "-ar",
                "48000"));
        StringJoiner streams = new StringJoiner(" ");
        for (int i = 0; i < renditions.size(); i++) {
            command.addAll(List.of("-b:v:" + i, renditions.get(i).videoKbps() + "k"));
            streams.add("v:" + i + ",a:" + i);
        }
        command.addAll(List.of(
                "-f",
                "hls",
                "-hls_time",
                String.valueOf(ladder.segmentSeconds()),
                "-hls_list_size",
                String.valueOf(ladder.windowSegments()),
                "-hls_flags",
                // omit_endlist: a live stream never ends in its playlist, not even while ffmpeg is restarted.
                "delete_segments+program_date_time+independent_segments+temp_file+omit_endlist"
                        + (continuing ? "+append_list" : ""),
                "-var_stream_map",
                streams.toString(),
                "-master_pl_name",
                "index.m3u8",
                "-hls_segment_filename",
                folder.resolve("%v").resolve("segment%06d.ts").toString(),
                folder.resolve("%v").resolve("index.m3u8").toString()));
        return List.copyOf(command);
    }

    /** The first rendition takes the captured picture as it is; every other one is scaled from it. */
    private static String scaling(List<HlsRendition> renditions) {
        HlsRendition top = renditions.get(0);
        StringBuilder graph = new StringBuilder("[0:v]scale=" + top.width() + ":" + top.height());
        graph.append(",split=").append(renditions.size());
        for (int i = 0; i < renditions.size(); i++) {
            graph.append("[s").append(i).append(']');
        }
        for (int i = 0; i < renditions.size(); i++) {
            HlsRendition rendition = renditions.get(i);
            graph.append(";[s")
                    .append(i)
                    .append("]scale=")
                    .append(rendition.width())
                    .append(':')
                    .append(rendition.height())
                    .append("[v")
                    .append(i)
                    .append(']');
        }
        return graph.toString();
    }
}
