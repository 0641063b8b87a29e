package org.replycast.bench;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.StandardSocketOptions;
import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.PriorityQueue;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Simulates live viewers in real time, as HLS players behave: each fetches its master playlist, picks one
 * rendition, reloads that media playlist once per target duration, starts three segments behind the live edge
 * (hls.js's default) and fetches each new segment in order, one at a time. It records every segment's fetch
 * time (from the moment the request is written to its last byte) and every playlist's, and marks a viewer
 * <em>behind</em> when a segment left the playlist before the viewer fetched it, when after its start more
 * than three segments wait unfetched, when its backlog grows by two segments while measured, or when it got
 * more than two segments fewer than the stream had while measured.
 *
 * <p>Each viewer keeps two HTTP/1.1 keep-alive connections, as a browser player does: one for playlists and
 * one for segments. Thousands of viewers run on a few event loops (one thread each, a {@link Selector} and a
 * timer queue), each loop owning its viewers and their connections, so there are no locks and no thread per
 * viewer: the load generator has to share two cores with the server and the live encoder. The HTTP client is
 * the least a player needs: GET, status, {@code Content-Length} or chunked bodies, keep-alive or close.
 */
final class LiveViewers {

    /** hls.js starts this many segments behind the newest (liveSyncDurationCount). */
    private static final int START_BEHIND = 3;
    /** How long the loops wait, after the measuring window, for requests sent in it. */
    private static final Duration DRAIN = Duration.ofSeconds(10);

    private final int loops;

    /** @param loops event loops, one thread each */
    LiveViewers(int loops) {
        this.loops = loops;
    }

    /** What one run measured, its times sorted. */
    record Result(
            int viewers,
            long[] segmentNanos,
            long[] playlistNanos,
            int behind,
            long missedSegments,
            long errors,
            String firstError,
            long bytes,
            double seconds,
            CpuUsage cpu,
            double ffmpegCores) {

        double segmentMillis(double fraction) {
            return Percentiles.of(segmentNanos, fraction) / 1e6;
        }

        double playlistMillis(double fraction) {
            return Percentiles.of(playlistNanos, fraction) / 1e6;
        }

        double maxSegmentMillis() {
            return segmentNanos.length == 0 ? Double.NaN : segmentNanos[segmentNanos.length - 1] / 1e6;
        }

        /** Server CPU per request (segments and playlists), in microseconds. */
        double serverMicrosPerRequest() {
            long requests = segmentNanos.length + playlistNanos.length;
            return requests == 0 ? Double.NaN : cpu.serverCpuSeconds() * 1e6 / requests;
        }
    }

    /**
     * Runs {@code count} viewers: they join evenly over the ramp, then after the settle time their requests
     * are measured for the given time, then they stop.
     *
     * @param masters master playlists to share among the viewers in turn (one per token)
     * @param resolution the rendition to watch, such as {@code 640x360}
     * @param servingPids the server's processes and {@code ffmpegPid} the encoder's, for the CPU split
     */
    Result run(
            List<URI> masters,
            String resolution,
            int count,
            Duration ramp,
            Duration settle,
            Duration measure,
            long[] servingPids,
            long ffmpegPid) {
        Run run = new Run(resolution);
        long start = System.nanoTime();
        run.windowStart = start + ramp.toNanos() + settle.toNanos();
        run.windowEnd = run.windowStart + measure.toNanos();
        List<EventLoop> eventLoops = new ArrayList<>();
        for (int i = 0; i < loops; i++) {
            eventLoops.add(new EventLoop(run));
        }
        List<Viewer> viewers = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            EventLoop loop = eventLoops.get(i % loops);
            Viewer viewer = new Viewer(run, loop, masters.get(i % masters.size()));
            viewers.add(viewer);
            loop.at(start + ramp.toNanos() * i / count, viewer::join);
        }
        List<Thread> threads = new ArrayList<>();
        for (int i = 0; i < loops; i++) {
            Thread thread = new Thread(eventLoops.get(i), "viewers-loop-" + (i + 1));
            thread.setDaemon(true);
            threads.add(thread);
            thread.start();
        }
        pauseUntil(run.windowStart);
        CpuUsage.Snapshot before = CpuUsage.Snapshot.take(servingPids);
        double ffmpegBefore = CpuUsage.processSeconds(ffmpegPid);
        pauseUntil(run.windowEnd);
        CpuUsage cpu = CpuUsage.between(before, CpuUsage.Snapshot.take(servingPids));
        double ffmpegCores = (CpuUsage.processSeconds(ffmpegPid) - ffmpegBefore) / (measure.toNanos() / 1e9);
        for (Thread thread : threads) {
            try {
                thread.join(DRAIN.toMillis() + 5000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted", e);
            }
        }
        // A viewer that got clearly fewer segments than a live stream has in that time is not watching in real
        // time either, whatever the cause (a slow server, or a capture that stalled): behind too.
        int behind = (int) viewers.stream()
                .filter(v -> v.behindInWindow || v.segmentsInWindow < measure.toNanos() / v.period - 2)
                .count();
        return new Result(
                count,
                run.segmentTimes.sorted(),
                run.playlistTimes.sorted(),
                behind,
                run.missed.get(),
                run.errors.get(),
                run.firstError.get(),
                run.bytes.get(),
                measure.toNanos() / 1e9,
                cpu,
                ffmpegCores);
    }

    /** The shared state of one run: its measuring window and what was measured in it. */
    private static final class Run {
        final String resolution;
        long windowStart;
        long windowEnd;
        final Samples segmentTimes = new Samples();
        final Samples playlistTimes = new Samples();
        final AtomicLong missed = new AtomicLong();
        final AtomicLong errors = new AtomicLong();
        final AtomicLong bytes = new AtomicLong();
        final AtomicReference<String> firstError = new AtomicReference<>();

        Run(String resolution) {
            this.resolution = resolution;
        }

        boolean inWindow(long nanos) {
            return nanos >= windowStart && nanos < windowEnd;
        }

        boolean over(long nanos) {
            return nanos >= windowEnd;
        }

        /** Counts an error of the window; one before it (during the ramp) counts only as the first error seen. */
        void error(long sent, String what) {
            if (inWindow(sent)) {
                errors.incrementAndGet();
            }
            firstError.compareAndSet(null, what);
        }
    }

    /** What a request's sender learns when it ends. */
    private interface Answer {
        /** @param body the body when it was asked to be kept, else null; {@code bytes} its length either way */
        void answered(int status, byte[] body, long bytes, long sent);

        void failed(String why, long sent);
    }

    /** One player, driven by its event loop's thread only. */
    private final class Viewer {
        private final Run run;
        private final EventLoop loop;
        private final URI master;
        private final Connection playlists;
        private final Connection segments;
        private URI media;
        private LivePlaylist latest;
        private long next = -1; // the sequence number of the next segment to fetch
        private long startedAfter; // the newest segment at the first playlist: once fetched, the start is over
        volatile long period = 1_000_000_000L;
        private long firstWaiting = -1; // segments waiting at the first reload of the measuring window
        volatile boolean behindInWindow;
        volatile int segmentsInWindow;

        Viewer(Run run, EventLoop loop, URI master) {
            this.run = run;
            this.loop = loop;
            this.master = master;
            this.playlists = new Connection(loop, master);
            this.segments = new Connection(loop, master);
        }

        void join() {
            playlists.get(master, true, new Answer() {
                @Override
                public void answered(int status, byte[] body, long bytes, long sent) {
                    if (status != 200) {
                        run.error(sent, "master playlist " + master.getPath() + ": " + status);
                        return;
                    }
                    List<LivePlaylist.Variant> variants =
                            LivePlaylist.variants(new String(body, StandardCharsets.UTF_8));
                    LivePlaylist.Variant chosen = variants.stream()
                            .filter(v -> run.resolution.equals(v.resolution()))
                            .findFirst()
                            .orElse(variants.isEmpty() ? null : variants.get(variants.size() - 1));
                    if (chosen == null) {
                        run.error(sent, "master playlist " + master.getPath() + " lists no variant");
                        return;
                    }
                    media = master.resolve(chosen.uri());
                    reload();
                }

                @Override
                public void failed(String why, long sent) {
                    run.error(sent, "master playlist " + master.getPath() + ": " + why);
                }
            });
        }

        /** Reloads the media playlist, and again one target duration later, each viewer at its own phase. */
        void reload() {
            long now = System.nanoTime();
            if (run.over(now)) {
                return;
            }
            loop.at(now + period + ThreadLocalRandom.current().nextLong(20_000_000), this::reload);
            if (playlists.busy()) {
                return; // the last reload has not been answered yet: a player would not ask twice
            }
            playlists.get(media, true, new Answer() {
                @Override
                public void answered(int status, byte[] body, long bytes, long sent) {
                    if (status != 200) {
                        run.error(sent, "media playlist " + media.getPath() + ": " + status);
                        return;
                    }
                    if (run.inWindow(sent)) {
                        run.playlistTimes.add(System.nanoTime() - sent);
                    }
                    onPlaylist(LivePlaylist.parse(new String(body, StandardCharsets.UTF_8)));
                }

                @Override
                public void failed(String why, long sent) {
                    run.error(sent, "media playlist " + media.getPath() + ": " + why);
                }
            });
        }

        private void onPlaylist(LivePlaylist playlist) {
            if (playlist.segments().isEmpty()) {
                return;
            }
            latest = playlist;
            if (playlist.targetDurationSeconds() > 0) {
                period = playlist.targetDurationSeconds() * 1_000_000_000L;
            }
            if (next < 0) {
                next = Math.max(playlist.mediaSequence(), playlist.lastSequence() - (START_BEHIND - 1));
                startedAfter = playlist.lastSequence();
            } else if (next < playlist.mediaSequence()) {
                fellBehind(playlist.mediaSequence() - next);
                next = playlist.mediaSequence();
            }
            // More waiting than a player starts with: it falls behind. While measured this counts even for a
            // viewer still on its first segments, since the settle time after the ramp is enough to fetch them.
            long waiting = playlist.lastSequence() - next + 1;
            boolean measured = run.inWindow(System.nanoTime());
            if ((next > startedAfter || measured) && waiting > START_BEHIND) {
                fellBehind(0);
            }
            // A backlog that grows by two segments or more while measured: the viewer loses ground.
            if (measured) {
                if (firstWaiting < 0) {
                    firstWaiting = waiting;
                } else if (waiting - firstWaiting >= 2) {
                    fellBehind(0);
                }
            }
            if (!segments.busy() && next <= playlist.lastSequence()) {
                fetch(playlist.segment(next));
            }
        }

        private void fellBehind(long missedSegments) {
            if (run.inWindow(System.nanoTime())) {
                behindInWindow = true;
                run.missed.addAndGet(missedSegments);
            }
        }

        private void fetch(LivePlaylist.Segment segment) {
            if (run.over(System.nanoTime())) {
                return;
            }
            segments.get(media.resolve(segment.uri()), false, new Answer() {
                @Override
                public void answered(int status, byte[] body, long bytes, long sent) {
                    if (status == 200) {
                        if (run.inWindow(sent)) {
                            run.segmentTimes.add(System.nanoTime() - sent);
                            run.bytes.addAndGet(bytes);
                            segmentsInWindow++;
                        }
                    } else if (status == 404) {
                        fellBehind(1); // deleted before the viewer got to it
                    } else {
                        run.error(sent, "segment " + segment.uri() + ": " + status);
                    }
                    next = segment.sequence() + 1;
                    LivePlaylist.Segment following = latest.segment(next);
                    if (following != null) {
                        fetch(following);
                    }
                }

                @Override
                public void failed(String why, long sent) {
                    run.error(sent, "segment " + segment.uri() + ": " + why); // the next reload tries again
                }
            });
        }
    }

    /**
     * One keep-alive HTTP/1.1 connection, one request at a time, opened when first needed and again after the
     * server closed it.
     */
    private static final class Connection {
        private static final int HEADERS = 0,
                BODY = 1,
                CHUNK_SIZE = 2,
                CHUNK_DATA = 3,
                CHUNK_END = 4,
                TRAILER = 5,
                UNTIL_CLOSE = 6;

        private final EventLoop loop;
        private final InetSocketAddress address;
        private final String host;
        private SocketChannel channel;
        private SelectionKey key;
        private ByteBuffer request;
        private Answer answer;
        private long sent;
        private boolean keep;
        private boolean retried;
        // The response being read.
        private int state;
        private final StringBuilder line = new StringBuilder();
        private int status;
        private long remaining;
        private boolean chunked;
        private boolean closeAfter;
        private boolean hasLength;
        private long bodyBytes;
        private ByteArrayOutputStream body;

        Connection(EventLoop loop, URI server) {
            this.loop = loop;
            int port = server.getPort() > 0 ? server.getPort() : 80;
            this.address = new InetSocketAddress(server.getHost(), port);
            this.host = server.getHost() + ":" + port;
        }

        boolean busy() {
            return answer != null;
        }

        void get(URI uri, boolean keepBody, Answer answer) {
            String path = uri.getRawPath() + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery());
            this.request = ByteBuffer.wrap(("GET " + path + " HTTP/1.1\r\nHost: " + host
                            + "\r\nUser-Agent: replycast-live-viewers\r\nAccept: */*\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            this.answer = answer;
            this.keep = keepBody;
            this.retried = false;
            this.sent = System.nanoTime();
            loop.inFlight++;
            send();
        }

        private void send() {
            resetResponse();
            try {
                if (channel == null) {
                    channel = SocketChannel.open();
                    channel.configureBlocking(false);
                    channel.setOption(StandardSocketOptions.TCP_NODELAY, true);
                    key = channel.register(loop.selector, 0, this);
                    if (!channel.connect(address)) {
                        key.interestOps(SelectionKey.OP_CONNECT);
                        return;
                    }
                }
                write();
            } catch (IOException e) {
                fail(e.toString());
            }
        }

        void ready(SelectionKey selected) {
            try {
                if (selected.isConnectable()) {
                    channel.finishConnect();
                    write();
                    return;
                }
                if (selected.isWritable()) {
                    write();
                }
                if (selected.isReadable()) {
                    read();
                }
            } catch (IOException e) {
                fail(e.toString());
            }
        }

        private void write() throws IOException {
            channel.write(request);
            key.interestOps(request.hasRemaining() ? SelectionKey.OP_WRITE : SelectionKey.OP_READ);
        }

        private void read() throws IOException {
            ByteBuffer buffer = loop.buffer;
            while (true) {
                buffer.clear();
                int read = channel.read(buffer);
                if (read < 0) {
                    closed();
                    return;
                }
                if (read == 0) {
                    return;
                }
                buffer.flip();
                if (answer == null) {
                    continue; // nothing asked: bytes the server should not have sent
                }
                if (parse(buffer)) {
                    return;
                }
            }
        }

        /** Takes the bytes; true when the response ended (and was handed on). */
        private boolean parse(ByteBuffer buffer) throws IOException {
            while (buffer.hasRemaining()) {
                switch (state) {
                    case HEADERS, CHUNK_SIZE, CHUNK_END, TRAILER -> {
                        byte b = buffer.get();
                        if (b != '\n') {
                            if (b != '\r') {
                                line.append((char) b);
                            }
                            continue;
                        }
                        String text = line.toString();
                        line.setLength(0);
                        if (lineEnded(text)) {
                            return true;
                        }
                    }
                    case BODY, CHUNK_DATA -> {
                        int take = (int) Math.min(remaining, buffer.remaining());
                        consume(buffer, take);
                        remaining -= take;
                        if (remaining == 0) {
                            if (state == BODY) {
                                return complete();
                            }
                            state = CHUNK_END;
                        }
                    }
                    default -> consume(buffer, buffer.remaining()); // UNTIL_CLOSE
                }
            }
            return false;
        }

        /** One line of the head, of a chunk size or of the trailer has ended; true when the response ended. */
        private boolean lineEnded(String text) throws IOException {
            switch (state) {
                case HEADERS -> {
                    if (status == 0) {
                        status = Integer.parseInt(text.substring(9, 12));
                    } else if (!text.isEmpty()) {
                        int colon = text.indexOf(':');
                        String name = text.substring(0, colon).strip().toLowerCase(Locale.ROOT);
                        String value = text.substring(colon + 1).strip().toLowerCase(Locale.ROOT);
                        switch (name) {
                            case "content-length" -> {
                                remaining = Long.parseLong(value);
                                hasLength = true;
                            }
                            case "transfer-encoding" -> chunked = value.contains("chunked");
                            case "connection" -> closeAfter = value.contains("close");
                            default -> {}
                        }
                    } else if (chunked) {
                        state = CHUNK_SIZE;
                    } else if (hasLength) {
                        if (remaining == 0) {
                            return complete();
                        }
                        state = BODY;
                    } else if (status == 204 || status == 304) {
                        return complete();
                    } else {
                        state = UNTIL_CLOSE;
                    }
                }
                case CHUNK_SIZE -> {
                    int semicolon = text.indexOf(';');
                    remaining = Long.parseLong((semicolon < 0 ? text : text.substring(0, semicolon)).strip(), 16);
                    state = remaining == 0 ? TRAILER : CHUNK_DATA;
                }
                case CHUNK_END -> state = CHUNK_SIZE;
                case TRAILER -> {
                    if (text.isEmpty()) {
                        return complete();
                    }
                }
                default -> {}
            }
            return false;
        }

        private void consume(ByteBuffer buffer, int count) {
            if (keep) {
                byte[] bytes = new byte[count];
                buffer.get(bytes);
                body.write(bytes, 0, count);
            } else {
                buffer.position(buffer.position() + count);
            }
            bodyBytes += count;
        }

        private boolean complete() throws IOException {
            Answer done = answer;
            answer = null;
            loop.inFlight--;
            if (closeAfter) {
                close();
            }
            done.answered(status, keep ? body.toByteArray() : null, bodyBytes, sent);
            return true;
        }

        /** The server closed the connection: the end of a body read until close, or of a stale keep-alive. */
        private void closed() throws IOException {
            close();
            if (answer == null) {
                return;
            }
            if (state == UNTIL_CLOSE) {
                complete();
            } else if (status == 0 && !retried) {
                retried = true; // the server dropped an idle connection as we reused it: once more, anew
                send();
            } else {
                fail("connection closed in the middle of a response");
            }
        }

        private void fail(String why) {
            close();
            if (answer != null) {
                Answer failed = answer;
                answer = null;
                loop.inFlight--;
                failed.failed(why, sent);
            }
        }

        private void resetResponse() {
            state = HEADERS;
            line.setLength(0);
            status = 0;
            remaining = 0;
            chunked = false;
            closeAfter = false;
            hasLength = false;
            bodyBytes = 0;
            body = keep ? new ByteArrayOutputStream(2048) : null;
        }

        void close() {
            if (channel != null) {
                key.cancel();
                try {
                    channel.close();
                } catch (IOException ignored) {
                    // closing anyway
                }
                channel = null;
                key = null;
            }
        }
    }

    /** A selector and a timer queue on one thread, running its viewers until the window and the drain are over. */
    private static final class EventLoop implements Runnable {
        private record Timer(long due, long order, Runnable task) {}

        final Selector selector;
        final ByteBuffer buffer = ByteBuffer.allocateDirect(256 * 1024);
        private final Run run;
        private final PriorityQueue<Timer> timers = new PriorityQueue<>(
                (a, b) -> a.due() != b.due() ? Long.compare(a.due(), b.due()) : Long.compare(a.order(), b.order()));
        private long order;
        int inFlight;

        EventLoop(Run run) {
            this.run = run;
            try {
                this.selector = Selector.open();
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        }

        /** Runs the task on this loop at the given {@link System#nanoTime()}; only before the loop starts or on it. */
        void at(long due, Runnable task) {
            timers.add(new Timer(due, order++, task));
        }

        @Override
        public void run() {
            long drainUntil = run.windowEnd + DRAIN.toNanos();
            try {
                while (true) {
                    long now = System.nanoTime();
                    if (now >= run.windowEnd && (inFlight == 0 || now >= drainUntil)) {
                        break;
                    }
                    while (!timers.isEmpty() && timers.peek().due() <= now) {
                        timers.poll().task().run();
                    }
                    long wait = timers.isEmpty() ? 50_000_000L : timers.peek().due() - System.nanoTime();
                    if (wait > 0) {
                        selector.select(Math.max(1, wait / 1_000_000));
                    } else {
                        selector.selectNow();
                    }
                    for (SelectionKey key : selector.selectedKeys()) {
                        if (key.isValid()) {
                            ((Connection) key.attachment()).ready(key);
                        }
                    }
                    selector.selectedKeys().clear();
                }
                // Requests still unanswered after the drain: counted as errors of the window.
                for (SelectionKey key : selector.keys()) {
                    Connection connection = (Connection) key.attachment();
                    if (connection.busy()) {
                        connection.fail("no answer within " + DRAIN.toSeconds() + " s after the window");
                    }
                }
            } catch (IOException | RuntimeException e) {
                run.error(run.windowStart, "event loop: " + e);
            } finally {
                for (SelectionKey key : selector.keys()) {
                    ((Connection) key.attachment()).close();
                }
                try {
                    selector.close();
                } catch (IOException ignored) {
                    // closing anyway
                }
            }
        }
    }

    /** A growing array of nanosecond times, added to from the loops' threads. */
    private static final class Samples {
        private long[] values = new long[1 << 16];
        private int size;

        synchronized void add(long value) {
            if (size == values.length) {
                values = Arrays.copyOf(values, size * 2);
            }
            values[size++] = value;
        }

        synchronized long[] sorted() {
            long[] copy = Arrays.copyOf(values, size);
            Arrays.sort(copy);
            return copy;
        }
    }

    private static void pauseUntil(long nanos) {
        long wait = nanos - System.nanoTime();
        if (wait > 0) {
            Pause.of(Duration.ofNanos(wait));
        }
    }
}
