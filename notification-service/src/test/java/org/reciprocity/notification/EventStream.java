package org.reciprocity.notification;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/** A member's inbox stream opened as a browser would, its lines read as they come on a thread of its own. */
final class EventStream implements AutoCloseable {

    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    final int status;
    private final HttpResponse<Stream<String>> response;
    private final List<String> lines = new CopyOnWriteArrayList<>();
    private final CountDownLatch ended = new CountDownLatch(1);
    private volatile long endedAt;
    private int read;

    private EventStream(HttpResponse<Stream<String>> response) {
        this.status = response.statusCode();
        this.response = response;
        Thread reader = new Thread(() -> {
            try {
                response.body().forEach(lines::add);
            } catch (UncheckedIOException closedByTheTest) {
                // the test closes the stream when it is done
            } finally {
                endedAt = System.nanoTime();
                ended.countDown();
            }
        }, "sse-reader");
        reader.setDaemon(true);
        reader.start();
    }

    static EventStream open(int port, String timebankId, String token) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/v1/timebanks/"
                        + timebankId + "/inbox/stream"))
                .header("Authorization", "Bearer " + token)
                .header("Accept", "text/event-stream").build();
        return new EventStream(HTTP.send(request, HttpResponse.BodyHandlers.ofLines()));
    }

    /** The next line starting with {@code prefix}, after those already taken; null if none came in time. */
    synchronized String next(String prefix, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        do {
            while (read < lines.size()) {
                String line = lines.get(read++);
                if (line.startsWith(prefix)) {
                    return line;
                }
            }
            Thread.sleep(20);
        } while (System.nanoTime() < deadline);
        return null;
    }

    /** Forgets the lines read so far. */
    synchronized void skipAll() {
        read = lines.size();
    }

    /** Whether the server ended the stream within {@code timeout}. */
    boolean ends(Duration timeout) throws InterruptedException {
        return ended.await(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    boolean hasEnded() {
        return ended.getCount() == 0;
    }

    /** {@link System#nanoTime} when the stream ended. */
    long endedAt() {
        return endedAt;
    }

    /** Every line received, for a failure message. */
    List<String> lines() {
        return List.copyOf(lines);
    }

    @Override
    public void close() {
        response.body().close();
    }
}
