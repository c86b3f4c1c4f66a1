package org.reciprocity.notification;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.reciprocity.contracts.contribution.ContributionLogged;
import org.reciprocity.contracts.member.MemberRegistered;
import org.reciprocity.testsupport.TopicProbe;

/** A browser session with the inbox stream open sees a new item within a second of the event. */
class LiveStreamIT extends NotificationServiceIT {

    final Scenario scenario = new Scenario();
    final MemberRegistered sam = scenario.member("Sam", "en");
    final MemberRegistered ali = scenario.member("Ali", "en");

    @Test
    void anOpenStreamReceivesTheInboxItemWithinASecondOfTheEvent() throws Exception {
        known(scenario.opened("Europe/London"), sam, ali);
        BlockingQueue<String> lines = new LinkedBlockingQueue<>();
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/v1/timebanks/"
                        + scenario.timebank + "/inbox/stream"))
                .header("Authorization", "Bearer " + token(ali.memberId(), scenario.timebank, "MEMBER"))
                .header("Accept", "text/event-stream").build();
        HttpResponse<Stream<String>> response = HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofLines());
        assertThat(response.statusCode()).isEqualTo(200);
        Thread reader = new Thread(() -> {
            try {
                response.body().forEach(lines::add);
            } catch (java.io.UncheckedIOException closedAtTheEnd) {
                // the test closes the stream when it is done
            }
        }, "sse-reader");
        reader.setDaemon(true);
        reader.start();
        try {
            assertThat(next(lines, "event:ready", Duration.ofSeconds(10))).isNotNull();
            // the first item warms the path (a new instance's live consumer joins its group after start-up)
            TopicProbe.send(bootstrap, scenario.logged(sam, ali));
            assertThat(next(lines, "event:inbox", Duration.ofSeconds(30))).as("the warm-up item").isNotNull();
            lines.clear();
            ContributionLogged logged = scenario.logged(sam, ali);

            long sent = System.nanoTime();
            TopicProbe.send(bootstrap, logged);
            String event = next(lines, "event:inbox", Duration.ofSeconds(5));
            long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - sent);

            assertThat(event).as("the inbox item on the stream").isNotNull();
            assertThat(millis).as("milliseconds from event to stream").isLessThan(1_000);
            String data = next(lines, "data:", Duration.ofSeconds(1));
            assertThat(data).contains(logged.eventId().toString()).contains("Please confirm your time with Sam");
        } finally {
            reader.interrupt();
            response.body().close();
        }
    }

    private static String next(BlockingQueue<String> lines, String prefix, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            String line = lines.poll(50, TimeUnit.MILLISECONDS);
            if (line != null && line.startsWith(prefix)) {
                return line;
            }
        }
        return null;
    }
}
